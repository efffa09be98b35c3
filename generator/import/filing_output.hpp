#pragma once
// Writing an imported filing: atomically, never over an existing file unless asked to.
#include <string>

namespace gongkai::import {

// Writes `bytes` to `path` through a temporary file in the same folder, then moves it into place in one
// step. Without `force` an existing file is never replaced (the move itself refuses, so two imports racing
// for one path cannot both win). Creates the last folder level (the year folder) when missing, nothing
// above it. Throws ImportError naming the reason.
void write_filing_file(const std::string& path, const std::string& bytes, bool force);

// DATA/<county dir>/<year>/<slug>.json, or <slug>.budget.json for a budget (kind "预算").
std::string filing_path_in(const std::string& data_dir, const std::string& county_dir, int year, const std::string& slug,
                           const std::string& kind = "决算");

}  // namespace gongkai::import
