#pragma once
// Helpers shared by the tests: temporary folders, file I/O, fixture data and whole-site builds.
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "load/json_file.hpp"
#include "model/filing.hpp"
#include "site/site.hpp"

namespace gongkai::test {

// A fresh temporary folder, removed with everything in it when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

private:
    std::string path_;
};

std::string source_dir();  // the repository root
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);
// Copies the repository's data/ into `dir` (so tests can mutate it).
void copy_real_data(const std::string& dir);
// Loads, edits and saves a JSON file in place.
void edit_json(const std::string& path, const std::function<void(nlohmann::json&)>& edit);
// Options that build `data` into `out` with the repository's templates and assets.
BuildOptions options_for(const std::string& data, const std::string& out);
// Every regular file under `dir`, as sorted relative paths.
std::vector<std::string> list_files(const std::string& dir);
// Runs a shell command; returns its exit status and captures stdout+stderr into `output`.
int run_command(const std::string& command, std::string& output);

// A real filing of data/ (path relative to data/) read as a JsonFile, and decoded; decoding must succeed.
JsonFile real_filing_file(const std::string& rel);
Filing real_filing(const std::string& rel);

// Every 决算 filing of the repository's data/ (not the .budget.json) as "<county-dir>/<year>/<slug>.json", sorted.
std::vector<std::string> real_filing_paths();
// The 部门预算 filings under data/ (<slug>.budget.json), sorted.
std::vector<std::string> real_budget_paths();
// True when `needle` occurs in `haystack`.
inline bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// Loops that audit a whole filing once per table cell take every cell in the normal build, and every 7th in
// the sanitizer build (scripts/sanitize.sh), where an audit costs ten times as much: the same code runs, on
// fewer cells.
#ifdef GONGKAI_SANITIZED
inline constexpr std::size_t kMutationStride = 7;
#else
inline constexpr std::size_t kMutationStride = 1;
#endif

inline const char* kXiangtanFiling = "430321-xiangtan/2024/county-government-office.json";
inline const char* kPutuoFiling = "310107-putuo/2024/finance-bureau.json";

}  // namespace gongkai::test
