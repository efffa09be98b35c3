#include "compute/department_types.hpp"

#include <algorithm>

namespace gongkai {

static bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

const DepartmentType* department_type_of(const DepartmentTypes& types, std::string_view name) {
    // UTF-8 is self-synchronising: a byte-wise find of a whole-character pattern only matches at character starts.
    auto has = [&](const std::string& p) { return !p.empty() && name.find(p) != std::string_view::npos; };
    for (const auto& t : types) {
        bool match = std::any_of(t.contains.begin(), t.contains.end(), has) ||
                     std::any_of(t.ends_with.begin(), t.ends_with.end(), [&](const std::string& p) { return !p.empty() && ends_with(name, p); });
        if (match && std::none_of(t.exclude.begin(), t.exclude.end(), has)) return &t;
    }
    return nullptr;
}

const DepartmentType* department_type_of(const DepartmentTypes& types, const Filing& f) {
    return department_type_of(types, std::string_view(f.department_name));
}

}  // namespace gongkai
