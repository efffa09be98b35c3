#pragma once
// Assigns a department type (data/department-types.json) to a department by its printed name.
#include <string_view>

#include "model/department_type.hpp"
#include "model/filing.hpp"

namespace gongkai {

// The first type in `types` whose `contains` or `ends_with` patterns match `department_name` and none of
// whose `exclude` patterns occur in it; nullptr when no type matches (the department stays 未归类, never
// guessed). Matching is on the UTF-8 text as printed, so "上海市普陀区财政局" matches "财政局".
const DepartmentType* department_type_of(const DepartmentTypes& types, std::string_view department_name);

// The type of a filing's department (by `f.department_name`), or nullptr when none matches.
const DepartmentType* department_type_of(const DepartmentTypes& types, const Filing& f);

}  // namespace gongkai
