#include "error/problem.hpp"

#include <algorithm>
#include <tuple>

namespace gongkai {

std::string Problem::to_string() const {
    std::string s = file;
    s += ": ";
    s += pointer.empty() ? std::string("(document)") : pointer;
    s += ": expected " + expected;
    if (!found.empty()) s += ", found " + found;
    if (!context.empty()) s += " (" + context + ")";
    return s;
}

void ProblemList::append(const ProblemList& other) {
    problems_.insert(problems_.end(), other.problems_.begin(), other.problems_.end());
}

void ProblemList::sort() {
    std::stable_sort(problems_.begin(), problems_.end(), [](const Problem& a, const Problem& b) {
        return std::tie(a.file, a.pointer) < std::tie(b.file, b.pointer);
    });
}

static std::string summary(const ProblemList& list) {
    std::string s = std::to_string(list.size()) + " problem(s) in the input";
    if (!list.empty()) s += "; first: " + list.items().front().to_string();
    return s;
}

BuildFailed::BuildFailed(ProblemList problems) : std::runtime_error(summary(problems)), problems_(std::move(problems)) {}

std::string describe_found(const std::string& raw) {
    constexpr std::size_t limit = 80;
    if (raw.size() <= limit) return raw;
    // Cut on a UTF-8 boundary.
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0) == 0x80) --cut;
    return raw.substr(0, cut) + "…";
}

}  // namespace gongkai
