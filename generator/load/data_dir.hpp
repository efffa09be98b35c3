#pragma once
// Finds the input files of a data folder:
//   DIR/<division-code>-<county-slug>/county.json
//   DIR/<division-code>-<county-slug>/<year>/<department-slug>.json          (部门决算)
//   DIR/<division-code>-<county-slug>/<year>/<department-slug>.budget.json   (部门预算 of that year)
// Listing is sorted so that everything downstream is deterministic.
#include <string>
#include <vector>

#include "error/problem.hpp"

namespace gongkai {

struct FilingPath {
    std::string path;        // full path of the filing
    std::string county_dir;  // "430321-xiangtan"
    int year = 0;            // from the year folder
    std::string slug;        // from the file name (without .budget)
    std::string kind = "决算";  // "预算" for <slug>.budget.json: the filing's kind must say the same
};

struct CountyPath {
    std::string path;  // full path of county.json
    std::string dir;   // "430321-xiangtan"
};

struct DataLayout {
    std::vector<CountyPath> counties;
    std::vector<FilingPath> filings;  // 部门决算
    std::vector<FilingPath> budgets;  // 部门预算 (<slug>.budget.json)
    std::string code_mapping;  // DIR/code-mapping.json when present (renamed or merged function codes)
    std::string department_types;  // DIR/department-types.json when present (kinds of department by name)
};

// Lists the data folder; misplaced or misnamed entries are recorded as problems, never skipped silently.
DataLayout scan_data_dir(const std::string& data_dir, ProblemList& problems);

// True for a 6-digit administrative division code not starting with 0 ("430321").
bool is_division_code(const std::string& s);

// True for lower-case ASCII words joined by single dashes ("finance-bureau").
bool is_valid_slug(const std::string& s);

}  // namespace gongkai
