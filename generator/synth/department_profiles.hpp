#pragma once
// The departments of a synthetic county: realistic names, the department type each has in
// data/department-types.json, the function classification 款 their spending goes to, and their size.
// The bureaus come first, then the units every county has (hospitals, schools, 疾控中心) alternating with
// its 街道 and 乡镇, then further 乡镇 each with its 卫生院: every department of a county has its own name,
// never a number appended.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace gongkai::synth {

// A 款 of the function classification with the 项 a department of some type prints under it.
struct Section {
    const char* code;
    const char* name;
    std::vector<std::pair<const char*, const char*>> items;  // 项 code, name
};

// Names of the function 类 the synthetic departments use (2024 classification): "205" → "教育支出".
const std::map<std::string, const char*>& class_names();

// The 款 used, by key: the 款 code, with a variant after '/' where departments of different kinds print
// different 项 under the same 款 ("20502/senior" is 普通教育 with 高中教育 only).
const std::map<std::string, Section>& sections();

// What every department pays for its staff besides wages: pensions (208), medical insurance (210) and the
// housing provident fund (221), always basic spending; with the usual proportions of the three.
const std::vector<std::pair<const char*, int>>& personnel_sections();

// A department: its slug and name (the county's name is put in front, or in place of "@" where the name
// starts with something else: "中共@委组织部"), its type in data/department-types.json and the pattern that
// the corpus's own mapping uses for it, the 款 its own work is paid from (with weights), its size and the
// share of its non-running items paid as project spending.
struct Profile {
    std::string slug;
    std::string name;
    const char* type_id;
    const char* type_name;
    std::string pattern;     // matched by the corpus's own department-types.json
    bool pattern_is_ending;  // pattern as "ends_with" (else "contains")
    std::vector<std::pair<const char*, int>> own;  // section key, weight
    std::int64_t min_wan, max_wan;                 // size of 支出合计, 万元
    int project_lo, project_hi;                    // % of own non-running items paid as project spending
};

// The number of departments a county can have (far more than the CLI allows).
std::size_t department_capacity();

// The `index`-th department of every synthetic county (0-based); throws std::out_of_range past the capacity.
Profile department_profile(std::size_t index);

// The printed name of a department of `profile` in the county named `county_name`.
std::string department_name(const Profile& profile, const std::string& county_name);

}  // namespace gongkai::synth
