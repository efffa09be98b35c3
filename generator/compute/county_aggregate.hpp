#pragma once
// County-year aggregates: totals across departments and spending by function class (类 with its 款);
// and a county across its years: which departments entered and left between consecutive years.
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
    std::vector<ClassTotal> subclasses;  // for a 类: its 款 printed by some department, by code
};

struct CountyYear {
    std::string county_dir;
    std::string county_name;
    std::string province;
    int year = 0;
    bool synthetic = false;  // any synthetic filing makes the whole view synthetic
    // By 支出合计 descending (departments that do not publish it last), then by slug: the dashboard's order.
    std::vector<DepartmentEntry> departments;
    // Sums over the departments that publish the figure; `*_count` says how many did.
    std::int64_t total_expenditure = 0;
    std::int64_t basic = 0;
    std::int64_t project = 0;
    std::int64_t personnel = 0;
    std::int64_t public_funds = 0;
    std::int64_t three_public_budget = 0;
    std::int64_t three_public_actual = 0;
    std::vector<ClassTotal> classes;  // 类 by code, each with its 款
};

// Aggregates one county-year from its departments' filings (all of the same county and year).
CountyYear aggregate_county_year(const std::vector<const Filing*>& filings);
// Same, from filings already summarized: reads only the summaries and the filings' names, never their tables.
CountyYear aggregate_departments(std::vector<DepartmentEntry> departments);

// Departments that appear or disappear between two consecutive filed years of a county (by slug).
struct DepartmentTurnover {
    int from_year = 0;
    int to_year = 0;
    std::vector<const Filing*> entered;  // filings of `to_year` whose slug has no filing in `from_year`, by slug
    std::vector<const Filing*> left;     // filings of `from_year` whose slug has no filing in `to_year`, by slug
    std::size_t continuing = 0;          // slugs filed in both years
    // 支出合计 summed over the continuing departments that publish it in both years (like for like), per year.
    std::int64_t continuing_from_total = 0;
    std::int64_t continuing_to_total = 0;
};

// One entry per consecutive pair of `years` (one county's county-years, ascending by year).
std::vector<DepartmentTurnover> department_turnover(const std::vector<const CountyYear*>& years);

}  // namespace gongkai
