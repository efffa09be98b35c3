#pragma once
// Assigns a department type (data/department-types.json) to a department by its printed name.
#include <optional>
#include <string_view>

#include "model/department_type.hpp"
#include "model/filing.hpp"

namespace gongkai {

// The first type in `types` that matches `department_name`, or nullptr when none does (the department stays
// 未归类, never guessed). Matching is on the UTF-8 text as printed, after dropping notes in brackets at the
// end ("XX县教育局（本级）" is matched as "XX县教育局"). A type matches when
//   - one of its `contains` patterns occurs in the name and the rest of the name after that occurrence (its
//     last one) is empty or does not end with one of `types.subordinate_endings` — "XX县公安局" and
//     "上海市公安局普陀分局" are 公安, "XX县公安局交通警察大队" is a subordinate unit, not 公安; or
//   - the name ends with one of its `ends_with` patterns;
// and none of its `exclude` patterns occurs in the name. In every pattern "*" stands for any text:
// "中共*县委员会办公室" matches "中共湘潭县委员会办公室".
const DepartmentType* department_type_of(const DepartmentTypes& types, std::string_view department_name);

// The type of a filing's department (by `f.department_name`), or nullptr when none matches.
const DepartmentType* department_type_of(const DepartmentTypes& types, const Filing& f);

// The department name as matched: `name` without notes in brackets at its end ("（本级）", "(机关)") and
// without surrounding spaces.
std::string_view department_name_for_types(std::string_view name);

// The end (byte offset) of the occurrence of `pattern` in `text` that ends last, "*" in the pattern standing
// for any text (its other parts are found in order, each as early as possible, the last part as late as
// possible); nullopt when the pattern does not occur. A pattern of only "*" never matches.
std::optional<std::size_t> pattern_match_end(std::string_view text, std::string_view pattern);

}  // namespace gongkai
