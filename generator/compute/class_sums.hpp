#pragma once
// Function classes (类 and 款, codes of 3 and 5 digits) and key economic classes summed across the departments
// of each county-year: one ClassPage per class printed by some department, and each class's totals over the
// county's years (for the class page's trend).
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "compute/county_aggregate.hpp"

namespace gongkai {

struct ClassPage {
    const CountyYear* county_year = nullptr;
    std::string code;  // without the economic marker
    std::string name;
    bool economic = false;
};

struct ClassSums {
    // In county-year order, then by code (economic codes after function codes, as "e" + code sorts).
    std::vector<ClassPage> pages;
    // (county folder, economic, code) -> (year, amount) per county-year that prints the class, ascending by year.
    std::map<std::tuple<std::string, bool, std::string>, std::vector<std::pair<int, std::int64_t>>> years;
};

// Sums every county-year's function classes (from the spending table) and key economic classes (table 06).
// `county_years` ascending by county then year; the result points into it.
ClassSums sum_classes(const std::vector<CountyYear>& county_years);

}  // namespace gongkai
