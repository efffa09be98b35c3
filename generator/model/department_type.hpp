#pragma once
// Kinds of department (财政, 教育, 卫生健康, 公安, 人民政府办公室, …) that are comparable across counties,
// as listed in data/department-types.json. A department's type is assigned from its printed name by name
// patterns; the list is ordered and the first matching type wins (see compute/department_types.hpp).
#include <string>
#include <vector>

namespace gongkai {

struct DepartmentType {
    std::string id;           // lower-case ASCII slug, used in URLs: "finance"
    std::string name;         // zh-CN name of the kind: "财政"
    std::string description;  // plain-language description of what such a department does
    std::vector<std::string> contains;   // the name contains one of these ("财政局")
    std::vector<std::string> ends_with;  // or ends with one of these ("党校")
    std::vector<std::string> exclude;    // but contains none of these
};

// In file order: the order decides which type wins when several match.
using DepartmentTypes = std::vector<DepartmentType>;

// The output folder of a type's page relative to the site root: "types/finance/".
std::string department_type_path(const std::string& type_id);

}  // namespace gongkai
