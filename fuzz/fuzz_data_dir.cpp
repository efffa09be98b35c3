// libFuzzer target: the data-folder scan (load/data_dir). Each input line names an entry to create under one
// temporary data folder (made once per process, emptied between inputs): "a/b/" a folder, "a/b" an empty file,
// "a/b -> t" a symbolic link to t (relative, or "@outside": a folder beside the data folder). Lines that are
// absolute, hold "." or ".." elements or a NUL are skipped, so nothing is ever created outside the temporary
// folder. Whatever the tree, scan_data_dir must neither crash nor throw, and what it lists must be regular files
// inside the data folder, reached without a symbolic link, named as data_dir.hpp says.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <boost/filesystem.hpp>
#include <unistd.h>

#include "load/data_dir.hpp"

using namespace gongkai;
namespace fs = boost::filesystem;

namespace {

constexpr std::size_t kMaxEntries = 64;     // lines used per input
constexpr std::size_t kMaxPathBytes = 240;  // per line
constexpr int kMaxDepth = 6;                // path elements per line

// base/data (scanned) and base/outside (the target of "@outside" links), on /dev/shm for speed.
struct Folders {
    std::string base, data, outside;
    Folders() {
        boost::system::error_code ec;
        const std::string made = "/dev/shm/gongkai-fuzz-data-dir-" + std::to_string(::getpid());
        fs::remove_all(made, ec);
        fs::create_directories(made, ec);
        base = fs::canonical(made).string();
        data = base + "/data";
        outside = base + "/outside";
    }
    // Empties both folders; the outside one gets a file and a year folder back (links through it may have
    // written there: still inside the temporary folder).
    bool reset() const {
        boost::system::error_code ec;
        fs::remove_all(data, ec);
        fs::remove_all(outside, ec);
        if (!fs::create_directory(data, ec) || !fs::create_directories(outside + "/2024", ec)) return false;
        if (std::FILE* f = std::fopen((outside + "/secret.json").c_str(), "w")) std::fclose(f);
        return true;
    }
    ~Folders() {
        boost::system::error_code ec;
        fs::remove_all(base, ec);
    }
};

Folders& folders() {
    static Folders f;
    return f;
}

[[noreturn]] void violated(const char* what, const std::string& path) {
    std::fprintf(stderr, "fuzz-data-dir: property violated: %s: %s\n", what, path.c_str());
    std::abort();
}

// `p` when it is a relative path of at most kMaxDepth elements, none of them empty, "." or "..", and holds no
// NUL; else "".
std::string safe_relative(std::string_view p) {
    if (p.empty() || p.size() > kMaxPathBytes || p.front() == '/' || p.find('\0') != std::string_view::npos) return "";
    int depth = 0;
    std::size_t start = 0;
    while (start <= p.size()) {
        std::size_t end = p.find('/', start);
        if (end == std::string_view::npos) end = p.size();
        const std::string_view element = p.substr(start, end - start);
        if (element.empty() && end != p.size()) return "";  // "a//b"
        if (element == "." || element == "..") return "";
        if (!element.empty() && ++depth > kMaxDepth) return "";
        start = end + 1;
    }
    return std::string(p);
}

void build_tree(const std::string& root, std::string_view input) {
    boost::system::error_code ec;
    std::size_t entries = 0;
    while (!input.empty() && entries < kMaxEntries) {
        std::size_t nl = input.find('\n');
        std::string_view line = input.substr(0, nl);
        input.remove_prefix(nl == std::string_view::npos ? input.size() : nl + 1);
        ++entries;
        std::string_view target;
        if (auto arrow = line.find(" -> "); arrow != std::string_view::npos) {
            target = line.substr(arrow + 4);
            line = line.substr(0, arrow);
        }
        const bool folder = !line.empty() && line.back() == '/';
        const std::string rel = safe_relative(folder ? line.substr(0, line.size() - 1) : line);
        if (rel.empty()) continue;
        const fs::path p = fs::path(root) / rel;
        fs::create_directories(p.parent_path(), ec);
        if (!target.empty()) {
            std::string to;
            if (target == "@outside") to = folders().outside;
            else to = safe_relative(target);  // relative to the link's folder: may dangle or loop, never leaves
            if (!to.empty()) fs::create_symlink(to, p, ec);
        } else if (folder) {
            fs::create_directories(p, ec);
        } else if (std::FILE* f = std::fopen(p.c_str(), "wx")) {
            std::fclose(f);
        }
    }
}

bool inside(const std::string& path, const std::string& root) { return path.compare(0, root.size() + 1, root + "/") == 0; }

// A listed file: inside the data folder, a regular file reached through no symbolic link.
void check_file(const std::string& path, const std::string& root) {
    if (!inside(path, root)) violated("a listed path outside the data folder", path);
    boost::system::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(path, ec))) violated("a listed path that is not a regular file", path);
    const std::string real = fs::canonical(path, ec).string();
    if (ec || real != path) violated("a listed path reached through a symbolic link", path);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Folders& f = folders();
    if (!f.reset()) return 0;
    build_tree(f.data, std::string_view(reinterpret_cast<const char*>(data), size));

    ProblemList problems;
    const DataLayout layout = scan_data_dir(f.data, problems);  // an exception escaping here is a finding

    static const std::regex county_re("^[1-9][0-9]{5}-[a-z0-9]+(-[a-z0-9]+)*$");
    for (const CountyPath& c : layout.counties) {
        check_file(c.path, f.data);
        if (c.path != f.data + "/" + c.dir + "/county.json" || !std::regex_match(c.dir, county_re))
            violated("a county.json not at <code>-<county>/county.json", c.path);
    }
    for (const auto* list : {&layout.filings, &layout.budgets})
        for (const FilingPath& p : *list) {
            check_file(p.path, f.data);
            const bool budget = list == &layout.budgets;
            const std::string name = p.slug + (budget ? ".budget.json" : ".json");
            if (p.path != f.data + "/" + p.county_dir + "/" + std::to_string(p.year) + "/" + name)
                violated("a filing not at <code>-<county>/<year>/<slug>.json", p.path);
            if (!std::regex_match(p.county_dir, county_re) || !is_valid_slug(p.slug) || p.year < 1900 || p.year > 2199 ||
                p.kind != (budget ? "预算" : "决算"))
                violated("a filing whose folder, year, slug or kind is not valid", p.path);
        }
    for (const std::string* top : {&layout.code_mapping, &layout.department_types})
        if (!top->empty()) check_file(*top, f.data);
    return 0;
}
