#include "test_support.hpp"

#include "validate/decode_filing.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <boost/filesystem.hpp>

namespace fs = boost::filesystem;

namespace gongkai::test {

TempDir::TempDir() {
    fs::path p = fs::temp_directory_path() / fs::unique_path("gongkai-test-%%%%-%%%%-%%%%");
    fs::create_directories(p);
    path_ = p.string();
}

TempDir::~TempDir() {
    boost::system::error_code ec;
    fs::remove_all(path_, ec);
}

std::string source_dir() { return GONGKAI_SOURCE_DIR; }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::string& path, const std::string& bytes) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

void copy_real_data(const std::string& dir) {
    fs::path from = fs::path(source_dir()) / "data";
    for (fs::recursive_directory_iterator it(from), end; it != end; ++it) {
        fs::path rel = it->path().lexically_relative(from);
        if (fs::is_directory(it->path())) fs::create_directories(fs::path(dir) / rel);
        else fs::copy_file(it->path(), fs::path(dir) / rel, fs::copy_options::overwrite_existing);
    }
}

void edit_json(const std::string& path, const std::function<void(nlohmann::json&)>& edit) {
    auto j = nlohmann::json::parse(read_file(path));
    edit(j);
    write_file(path, j.dump(2));
}

BuildOptions options_for(const std::string& data, const std::string& out) {
    BuildOptions o;
    o.data_dir = data;
    o.out_dir = out;
    o.templates_dir = source_dir() + "/site-templates";
    o.assets_dir = source_dir() + "/assets";
    return o;
}

std::vector<std::string> list_files(const std::string& dir) {
    std::vector<std::string> out;
    for (fs::recursive_directory_iterator it(dir), end; it != end; ++it)
        if (fs::is_regular_file(it->path())) out.push_back(it->path().lexically_relative(dir).string());
    std::sort(out.begin(), out.end());
    return out;
}

JsonFile real_filing_file(const std::string& rel) {
    JsonFile f;
    f.path = source_dir() + "/data/" + rel;
    f.bytes = read_file(f.path);
    f.doc = nlohmann::json::parse(f.bytes);
    return f;
}

Filing real_filing(const std::string& rel) {
    // rel is "<county-dir>/<year>/<slug>.json" (a 决算) or "<county-dir>/<year>/<slug>.budget.json" (a 预算)
    auto first = rel.find('/'), second = rel.find('/', first + 1);
    std::string name = rel.substr(second + 1, rel.size() - second - 1 - 5);
    const std::string budget = ".budget";
    bool is_budget = name.size() > budget.size() && name.compare(name.size() - budget.size(), budget.size(), budget) == 0;
    if (is_budget) name.resize(name.size() - budget.size());
    FilingPath where{source_dir() + "/data/" + rel, rel.substr(0, first), std::stoi(rel.substr(first + 1, second - first - 1)), name,
                     is_budget ? "预算" : "决算"};
    ProblemList problems;
    auto filing = decode_filing(real_filing_file(rel), where, problems);
    if (!filing) throw std::runtime_error("cannot decode " + rel + ": " + (problems.empty() ? "" : problems.items()[0].to_string()));
    return *filing;
}

namespace {
// The filings under data/ (<county>/<year>/<name>.json), budgets (<slug>.budget.json) or final accounts.
std::vector<std::string> real_paths(bool budgets) {
    std::vector<std::string> out;
    for (const auto& rel : list_files(source_dir() + "/data")) {
        fs::path p(rel);
        auto parts = std::distance(p.begin(), p.end());
        std::string year = p.parent_path().filename().string();
        bool budget = p.stem().extension() == ".budget";
        if (parts == 3 && p.extension() == ".json" && year.size() == 4 && std::all_of(year.begin(), year.end(), ::isdigit) &&
            budget == budgets)
            out.push_back(rel);
    }
    return out;
}
}  // namespace

std::vector<std::string> real_filing_paths() { return real_paths(false); }
std::vector<std::string> real_budget_paths() { return real_paths(true); }

int run_command(const std::string& command, std::string& output) {
    output.clear();
    FILE* p = popen((command + " 2>&1").c_str(), "r");
    if (!p) return -1;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) output.append(buf.data(), n);
    int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace gongkai::test
