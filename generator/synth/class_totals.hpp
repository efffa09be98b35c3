#pragma once
// Function classes (类), sections (款) and items (项) with their basic and project sums, shared by the synthetic
// 决算 and 预算: their spending tables print the same hierarchy from their 项 lines.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "synth/department_profiles.hpp"

namespace gongkai::synth {

struct ClassTotals {
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_code;  // class, section and item codes -> basic, project
    std::vector<std::string> order;  // codes ascending: a 类 before its 款, a 款 before its 项 (the printed order)
    std::map<std::string, std::string> names;
    std::int64_t basic = 0, project = 0;  // over all items
};

// Sums `items` (each with code, name, section_code, section_name, basic, project) up their hierarchy.
template <typename Items>
ClassTotals class_totals(const Items& items) {
    ClassTotals t;
    for (const auto& x : items) {
        std::string cls = x.code.substr(0, 3);
        for (auto [code, name] : {std::pair<std::string, std::string>{cls, class_names().at(cls)}, {x.section_code, x.section_name}, {x.code, x.name}}) {
            t.names[code] = name;
            t.by_code[code].first += x.basic;
            t.by_code[code].second += x.project;
        }
        t.basic += x.basic;
        t.project += x.project;
    }
    for (const auto& [code, sums] : t.by_code) t.order.push_back(code);
    return t;
}

}  // namespace gongkai::synth
