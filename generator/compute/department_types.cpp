#include "compute/department_types.hpp"

#include <algorithm>
#include <vector>

namespace gongkai {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::string_view> pattern_parts(std::string_view pattern) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= pattern.size()) {
        std::size_t star = pattern.find('*', start);
        std::string_view part = pattern.substr(start, star == std::string_view::npos ? std::string_view::npos : star - start);
        if (!part.empty()) parts.push_back(part);
        if (star == std::string_view::npos) break;
        start = star + 1;
    }
    return parts;
}

std::string_view trim_spaces(std::string_view s) {
    auto is_space = [](std::string_view t, bool front) -> std::size_t {
        static const std::string_view spaces[] = {" ", "\t", "\u3000"};
        for (auto sp : spaces)
            if (front ? t.substr(0, sp.size()) == sp : ends_with(t, sp)) return sp.size();
        return 0;
    };
    for (std::size_t n; (n = is_space(s, true)) != 0;) s.remove_prefix(n);
    for (std::size_t n; (n = is_space(s, false)) != 0;) s.remove_suffix(n);
    return s;
}

}  // namespace

std::string_view department_name_for_types(std::string_view name) {
    name = trim_spaces(name);
    // A trailing note in full-width or ASCII brackets, possibly several: "XX县教育局（本级）", "XX党校(行政学院)".
    for (;;) {
        std::string_view open;
        if (ends_with(name, "）")) open = "（";
        else if (ends_with(name, ")")) open = "(";
        else break;
        std::size_t at = name.rfind(open);
        if (at == std::string_view::npos || at == 0) break;  // unbalanced, or nothing but the note: keep as printed
        name = trim_spaces(name.substr(0, at));
    }
    return name;
}

std::optional<std::size_t> pattern_match_end(std::string_view text, std::string_view pattern) {
    // UTF-8 is self-synchronising: a byte-wise find of a whole-character pattern only matches at character starts.
    std::vector<std::string_view> parts = pattern_parts(pattern);
    if (parts.empty()) return std::nullopt;
    std::size_t pos = 0;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        std::size_t at = text.find(parts[i], pos);
        if (at == std::string_view::npos) return std::nullopt;
        pos = at + parts[i].size();
    }
    std::size_t at = text.rfind(parts.back());
    if (at == std::string_view::npos || at < pos) return std::nullopt;
    return at + parts.back().size();
}

const DepartmentType* department_type_of(const DepartmentTypes& types, std::string_view printed) {
    std::string_view name = department_name_for_types(printed);
    auto subordinate = [&](std::string_view rest) {
        return !rest.empty() && std::any_of(types.subordinate_endings.begin(), types.subordinate_endings.end(),
                                            [&](const std::string& e) { return !e.empty() && ends_with(rest, e); });
    };
    auto contains_match = [&](const std::string& p) {
        auto end = pattern_match_end(name, p);
        return end && !subordinate(name.substr(*end));
    };
    auto ends_match = [&](const std::string& p) {
        auto end = pattern_match_end(name, p);
        return end && *end == name.size();
    };
    auto occurs = [&](const std::string& p) { return pattern_match_end(name, p).has_value(); };
    for (const auto& t : types) {
        bool match = std::any_of(t.contains.begin(), t.contains.end(), contains_match) ||
                     std::any_of(t.ends_with.begin(), t.ends_with.end(), ends_match);
        if (match && std::none_of(t.exclude.begin(), t.exclude.end(), occurs)) return &t;
    }
    return nullptr;
}

const DepartmentType* department_type_of(const DepartmentTypes& types, const Filing& f) {
    return department_type_of(types, std::string_view(f.department_name));
}

}  // namespace gongkai
