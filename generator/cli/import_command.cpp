#include "cli/import_command.hpp"

#include <algorithm>
#include <atomic>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>

#include "import/filing_output.hpp"
#include "import/import_report.hpp"
#include "import/importer.hpp"
#include "import/source/import_error.hpp"

namespace gongkai {

namespace {

const char* const kImportHelp =
    "Usage: gongkai import FILE... --county CODE [--slug SLUG] [--data DIR | -o OUT.json]\n"
    "                      [--report text|json] [--force] [--jobs N] [--quiet]\n"
    "\n"
    "Turns published 部门决算 and 部门预算 documents (PDF with a text layer, an HTML page, or extracted text)\n"
    "into filings. The kind, year and department's name come from the document; the county from\n"
    "DIR/<CODE>-<county>/county.json.\n"
    "\n"
    "  --county CODE   6-digit division code of the county (its folder must exist under --data)\n"
    "  --slug SLUG     the department's slug (one document only; default: from the file name)\n"
    "  --data DIR      data folder: writes DIR/<code>-<county>/<year>/<slug>.json   (default: data)\n"
    "                  (a budget: <slug>.budget.json)\n"
    "  -o OUT.json     write this file instead (one document only; the county is still read from --data)\n"
    "  --report FMT    the report on stdout: text or json                           (default: text)\n"
    "  --force         replace an existing filing\n"
    "  --jobs N        documents imported at once, 0 = one per core                  (default: 0)\n"
    "  --quiet         no progress lines on stderr\n"
    "\n"
    "Exit codes: 0 every document imported and written (audit findings never block it), 1 some document\n"
    "could not be imported or written (nothing is written for it), 2 usage error.\n";

int usage(const std::string& msg) {
    std::cerr << "gongkai import: " << msg << "\nRun 'gongkai import --help' for usage.\n";
    return 2;
}

}  // namespace

int run_import_command(const std::vector<std::string>& args) {
    std::vector<std::string> files;
    std::string county, slug, data = "data", out, report = "text";
    bool force = false, quiet = false, data_given = false;
    unsigned jobs = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& into) -> bool {
            if (i + 1 >= args.size()) return false;
            into = args[++i];
            return true;
        };
        if (a == "--help" || a == "-h") {
            std::cout << kImportHelp;
            return 0;
        } else if (a == "--county") {
            if (!value(county)) return usage("--county needs a division code");
        } else if (a == "--slug") {
            if (!value(slug)) return usage("--slug needs a value");
        } else if (a == "--data") {
            if (!value(data)) return usage("--data needs a folder");
            data_given = true;
        } else if (a == "-o" || a == "--out") {
            if (!value(out)) return usage("-o needs a file name");
        } else if (a == "--report") {
            if (!value(report)) return usage("--report needs text or json");
        } else if (a == "--jobs") {
            std::string j;
            if (!value(j)) return usage("--jobs needs a number");
            try {
                std::size_t used = 0;
                const int n = std::stoi(j, &used);
                if (used != j.size() || n < 0 || n > 64) throw std::out_of_range("jobs");
                jobs = static_cast<unsigned>(n);
            } catch (const std::exception&) {
                return usage("--jobs takes a whole number from 0 to 64");
            }
        } else if (a == "--force") {
            force = true;
        } else if (a == "--quiet") {
            quiet = true;
        } else if (a.rfind("-", 0) == 0 && a.size() > 1) {
            return usage("unknown option '" + a + "'");
        } else {
            files.push_back(a);
        }
    }
    (void)data_given;
    if (files.empty()) return usage("give at least one document (a PDF or a text file)");
    if (county.empty()) return usage("--county CODE is required (the 6-digit division code of the county)");
    if (report != "text" && report != "json") return usage("--report takes text or json");
    if (!out.empty() && files.size() > 1) return usage("-o writes one file: give one document, or use --data");
    if (!slug.empty() && files.size() > 1) return usage("--slug names one department: give one document");
    if (!out.empty() && (out.size() < 5 || out.substr(out.size() - 5) != ".json")) return usage("-o takes a file name ending in .json");

    import::CountyInfo info;
    try {
        info = import::find_county(data, county);
    } catch (const import::ImportError& e) {
        std::cerr << "gongkai import: " << e.what() << "\n";
        return 1;
    }

    std::vector<import::ImportReport> reports(files.size());
    std::mutex mu;
    std::set<std::string> claimed;  // output paths of this run: two documents never write the same file
    std::size_t finished = 0;
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; (i = next++) < files.size();) {
            import::ImportedDocument doc = import::import_document(files[i], info, slug);
            import::ImportReport& r = doc.report;
            if (r.imported) {
                const std::string path = out.empty() ? import::filing_path_in(data, info.dir, r.year, r.slug, r.kind) : out;
                bool mine = false;
                {
                    std::lock_guard<std::mutex> lock(mu);
                    mine = claimed.insert(path).second;
                }
                try {
                    if (!mine) throw import::ImportError("another document of this import also makes " + path + "; give each its own --slug");
                    import::write_filing_file(path, doc.filing.dump(2) + "\n", force);
                    r.written = path;
                } catch (const import::ImportError& e) {
                    r.imported = false;
                    r.error = e.what();
                }
            }
            std::lock_guard<std::mutex> lock(mu);
            ++finished;
            if (!quiet) std::cerr << import::progress_line(r, finished, files.size()) << "\n" << std::flush;
            reports[i] = std::move(r);
        }
    };
    unsigned n = jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
    n = static_cast<unsigned>(std::min<std::size_t>(n, files.size()));
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < n; ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();

    std::cout << (report == "json" ? import::import_report_json(reports) : import::import_report_text(reports));
    for (const auto& r : reports)
        if (!r.imported) return 1;
    return 0;
}

}  // namespace gongkai
