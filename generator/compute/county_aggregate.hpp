#pragma once
// County-year aggregates: totals across departments and spending by function class.
#include <map>
#include <string>
#include <vector>

#include "compute/department_summary.hpp"

namespace gongkai {

struct DepartmentEntry {
    const Filing* filing = nullptr;
    DepartmentSummary summary;
};

struct ClassTotal {
    std::string code;
    std::string name;
    std::int64_t micro = 0;
    std::map<std::string, std::int64_t> by_department;  // slug -> amount
};

struct CountyYear {
    std::string county_dir;
    std::string county_name;
    std::string province;
    int year = 0;
    bool synthetic = false;  // any synthetic filing makes the whole view synthetic
    std::vector<DepartmentEntry> departments;  // sorted by slug
    // Sums over the departments that publish the figure; `*_count` says how many did.
    std::int64_t total_expenditure = 0;
    std::int64_t basic = 0;
    std::int64_t project = 0;
    std::int64_t personnel = 0;
    std::int64_t public_funds = 0;
    std::int64_t three_public_budget = 0;
    std::int64_t three_public_actual = 0;
    std::vector<ClassTotal> classes;  // by code
};

// Aggregates one county-year from its departments' filings (all of the same county and year).
CountyYear aggregate_county_year(const std::vector<const Filing*>& filings);

}  // namespace gongkai
