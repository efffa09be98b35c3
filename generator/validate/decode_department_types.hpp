#pragma once
// Checks and decodes data/department-types.json (the editable list of department types):
//   {"format": "gongkai-department-types/1", "about": "…", "subordinate_endings": ["中心", "队"],
//    "types": [{"id": "finance", "name": "财政", "description": "…",
//               "contains": ["财政局"], "ends_with": [], "exclude": []}]}
#include <optional>

#include "load/json_file.hpp"
#include "model/department_type.hpp"

namespace gongkai {

// Returns the types in file order when the file has no problem; otherwise nullopt with every problem
// recorded (file and JSON pointer of the offending value, e.g. "/types/3/contains/0").
std::optional<DepartmentTypes> decode_department_types(const JsonFile& file, ProblemList& problems);

}  // namespace gongkai
