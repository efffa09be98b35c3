#include "load/data_dir.hpp"

#include <algorithm>
#include <regex>

#include <boost/filesystem.hpp>

namespace fs = boost::filesystem;

namespace gongkai {

namespace {
constexpr std::string_view kBudgetSuffix = ".budget";
}  // namespace

bool is_division_code(const std::string& s) {
    return s.size() == 6 && s[0] != '0' && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_valid_slug(const std::string& s) {
    if (s.empty() || s.size() > 80 || s.front() == '-' || s.back() == '-') return false;
    char prev = 0;
    for (char c : s) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && prev == '-')) return false;
        prev = c;
    }
    return true;
}

static std::vector<fs::path> sorted_entries(const fs::path& dir) {
    std::vector<fs::path> v;
    for (const auto& e : fs::directory_iterator(dir)) v.push_back(e.path());
    // Entries of one folder differ in their last element only, so comparing the strings orders them as
    // path::compare would, without splitting each path into elements on every comparison.
    std::sort(v.begin(), v.end(), [](const fs::path& a, const fs::path& b) { return a.native() < b.native(); });
    return v;
}

static bool is_hidden(const fs::path& p) { return p.filename().string().rfind('.', 0) == 0; }

// Inputs are read only from inside the data folder: a symbolic link could point anywhere.
static bool reject_symlink(const fs::path& p, ProblemList& problems) {
    if (!fs::is_symlink(fs::symlink_status(p))) return false;
    problems.add({p.string(), "", "a regular file or folder inside the data folder", "a symbolic link, which gongkai does not follow", ""});
    return true;
}

DataLayout scan_data_dir(const std::string& data_dir, ProblemList& problems) {
    DataLayout layout;
    boost::system::error_code ec;
    if (!fs::is_directory(data_dir, ec)) {
        problems.add({data_dir, "", "a data folder", fs::exists(data_dir, ec) ? "a file" : "no such folder", "--data"});
        return layout;
    }
    static const std::regex county_re("^[1-9][0-9]{5}-[a-z0-9]+(-[a-z0-9]+)*$");
    static const std::regex year_re("^(19|20|21)[0-9]{2}$");
    for (const auto& county : sorted_entries(data_dir)) {
        if (is_hidden(county) || reject_symlink(county, problems)) continue;
        std::string name = county.filename().string();
        if (!fs::is_directory(county)) {
            if (name == "code-mapping.json") {
                layout.code_mapping = county.string();
                continue;
            }
            if (name == "department-types.json") {
                layout.department_types = county.string();
                continue;
            }
            if (county.extension() == ".json")
                problems.add({county.string(), "", "filings inside <code>-<county>/<year>/ folders", "a JSON file at the top of the data folder", ""});
            continue;
        }
        if (!std::regex_match(name, county_re)) {
            problems.add({county.string(), "", "a county folder named <6-digit code>-<slug>, e.g. 430321-xiangtan", "\"" + name + "\"", ""});
            continue;
        }
        fs::path county_json = county / "county.json";
        if (!fs::is_regular_file(county_json)) {
            problems.add({county_json.string(), "", "a county.json file describing the county", "no such file", ""});
        } else {
            layout.counties.push_back({county_json.string(), name});
        }
        for (const auto& year : sorted_entries(county)) {
            if (is_hidden(year) || reject_symlink(year, problems)) continue;
            if (year.filename() == "county.json") continue;
            std::string yname = year.filename().string();
            if (!fs::is_directory(year)) {
                problems.add({year.string(), "", "only county.json and year folders in a county folder", "an unexpected file", ""});
                continue;
            }
            if (!std::regex_match(yname, year_re)) {
                problems.add({year.string(), "", "a year folder named like 2024", "\"" + yname + "\"", ""});
                continue;
            }
            for (const auto& file : sorted_entries(year)) {
                if (is_hidden(file) || reject_symlink(file, problems)) continue;
                std::string stem = file.stem().string();
                if (!fs::is_regular_file(file) || file.extension() != ".json") {
                    problems.add({file.string(), "", "only <department-slug>.json and <department-slug>.budget.json filings in a year folder",
                                  "an unexpected entry", ""});
                    continue;
                }
                // <slug>.budget.json is the 部门预算 of the year; <slug>.json its 部门决算.
                const bool budget = stem.size() > kBudgetSuffix.size() && stem.compare(stem.size() - kBudgetSuffix.size(), kBudgetSuffix.size(), kBudgetSuffix) == 0;
                if (budget) stem.resize(stem.size() - kBudgetSuffix.size());
                if (!is_valid_slug(stem)) {
                    problems.add({file.string(), "", "a file name that is a slug (lower-case a-z, 0-9 and single dashes), then .json or .budget.json",
                                  "\"" + file.filename().string() + "\"", ""});
                    continue;
                }
                (budget ? layout.budgets : layout.filings).push_back({file.string(), name, std::stoi(yname), stem, budget ? "预算" : "决算"});
            }
        }
    }
    return layout;
}

}  // namespace gongkai
