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
    std::vector<std::string> contains;   // the name contains one of these ("财政局"; "*" stands for any text)
    std::vector<std::string> ends_with;  // or ends with one of these ("党校")
    std::vector<std::string> exclude;    // but contains none of these
};

// The types in file order (the order decides which type wins when several match), and the name endings that
// mark a subordinate unit (所属单位) of a department rather than the department itself: "XX县公安局交通警察大队"
// contains "公安局" but, ending in "大队" after it, is not a 公安局. A vector of types with one list beside it,
// so that code iterating the types stays as it is.
struct DepartmentTypes : std::vector<DepartmentType> {
    std::vector<std::string> subordinate_endings;  // "中心", "队", "所", "站", "学校", …
};

// The output folder of a type's page relative to the site root: "types/finance/".
std::string department_type_path(const std::string& type_id);

}  // namespace gongkai
