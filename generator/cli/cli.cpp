#include "cli/cli.hpp"

#include <csignal>
#include <limits>
#include <type_traits>
#include <iostream>
#include <map>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>

#include "cli/check_report.hpp"
#include "cli/import_command.hpp"
#include "import/source/pdf_reader.hpp"
#include "import/importer.hpp"
#include "synth/synthetic_corpus.hpp"
#include "serve/preview_server.hpp"
#include "site/site.hpp"

namespace gongkai {

namespace {

const char* const kHelp =
    "gongkai — static dashboards of Chinese county department final accounts (部门决算)\n"
    "\n"
    "Usage:\n"
    "  gongkai build [--data DIR] [--out DIR] [--base-url URL] [options]\n"
    "  gongkai serve [--data DIR] [--out DIR] [--host 127.0.0.1] [--port 8080] [options]\n"
    "  gongkai check [--data DIR] [--format text|json]\n"
    "  gongkai synth --out DIR [--counties N] [--departments M] [--years Y] [--seed S] [--inject-errors K]\n"
    "  gongkai import FILE... --county CODE [--slug SLUG] [--data DIR | -o OUT.json] [--report text|json] [--force]\n"
    "  gongkai --help | --version\n"
    "\n"
    "Commands:\n"
    "  build   load and validate every filing, compute, render and write the site to --out.\n"
    "          On any invalid filing nothing is written and every problem is listed.\n"
    "  serve   build, then serve --out; rebuild when data/, site-templates/ or assets/ change\n"
    "          and reload open pages. A failed rebuild is shown as an error page.\n"
    "  check   validate and audit every filing: do the tables add up, does the narrative say what\n"
    "          the tables say? Lists every finding with rule, cells, expected and found values.\n"
    "          An invalid filing is reported (file, JSON pointer, what was expected) and left out;\n"
    "          every valid filing is still audited. Budgets (<slug>.budget.json) are audited with the\n"
    "          budget rules, and each 决算 against its budget of the same year.\n"
    "          Exit 1 on any error-level finding (or invalid filing), 0 otherwise. `build` runs the\n"
    "          same audit and shows it on the site; a finding never blocks publishing.\n"
    "  synth   write a corpus of synthetic filings (for demos, tests and benchmarks; never for data/):\n"
    "          internally consistent, marked \"synthetic\", county codes 99xxxx; each 决算 with its budget\n"
    "          (<slug>.budget.json), and next year's budget after the last year. --inject-errors K adds K\n"
    "          inconsistencies to 决算 and lists them in DIR/.injected-errors.json (ground truth for the audit).\n"
    "  import  turn published 部门决算 documents (PDF with a text layer, or extracted text) into filings,\n"
    "          with a report of every table found, what could not be placed and the audit's findings.\n"
    "          See 'gongkai import --help'.\n"
    "\n"
    "Options:\n"
    "  --data DIR        filings: DIR/<code>-<county>/<year>/<slug>.json   (default: data)\n"
    "  --out DIR         output folder, replaced atomically on success       (default: public)\n"
    "  --base-url URL    absolute URL of the published site; writes sitemap.xml\n"
    "  --templates DIR   mustache templates                                  (default: site-templates)\n"
    "  --assets DIR      CSS/JS and the npm install of ECharts               (default: assets)\n"
    "  --jobs N          worker threads, 0 = one per core                    (default: 0)\n"
    "  --host HOST       serve: address to bind                              (default: 127.0.0.1)\n"
    "  --port PORT       serve: port                                         (default: 8080)\n"
    "  --format FORMAT   check: text or json                                  (default: text)\n"
    "  --quiet           no progress output on stderr\n"
    "  --full            build: render every page anew, ignoring the previous site (default: reuse the\n"
    "                    previous site's files whose inputs did not change, from the cache beside --out)\n"
    "\n"
    "Exit codes: 0 success, 1 invalid input or (check) audit errors, 2 usage error.\n";

struct Parsed {
    std::string command;
    std::map<std::string, std::string> values;
    bool quiet = false;
};

int usage_error(const std::string& msg) {
    std::cerr << "gongkai: " << msg << "\nRun 'gongkai --help' for usage.\n";
    return 2;
}

PreviewServer* g_server = nullptr;
extern "C" void on_signal(int) {
    if (g_server) g_server->request_stop();
}

}  // namespace

int run_cli(const std::vector<std::string>& args) {
    if (args.empty()) return usage_error("a command is required (build, serve or check)");
    // Internal: the isolated PDF reader that `import` runs as a child process.
    if (args[0] == "__extract-pdf" && args.size() >= 2) {
        import::PdfLimits limits;
        for (std::size_t i = 2; i + 1 < args.size(); i += 2) {
            if (args[i] == "--max-pages") limits.max_pages = std::stoi(args[i + 1]);
            if (args[i] == "--max-seconds") limits.max_seconds = std::stod(args[i + 1]);
        }
        return import::extract_pdf_main(args[1], limits);
    }
    // Internal, for developing the importer: the document's flow, one line per text line or table row.
    if (args[0] == "__flow" && args.size() >= 2) return import::print_flow_main(args[1]);
    if (args[0] == "import") return run_import_command(std::vector<std::string>(args.begin() + 1, args.end()));
    Parsed p;
    static const std::map<std::string, bool> options = {
        {"--data", true}, {"--out", true}, {"--base-url", true}, {"--templates", true}, {"--assets", true},
        {"--jobs", true}, {"--host", true}, {"--port", true}, {"--format", true}, {"--quiet", false}, {"--full", false},
        {"--counties", true}, {"--departments", true}, {"--years", true}, {"--seed", true}, {"--inject-errors", true}};
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            std::cout << kHelp;
            return 0;
        }
        if (a == "--version") {
            std::cout << "gongkai " << GONGKAI_VERSION << "\n";
            return 0;
        }
        if (a.rfind("--", 0) != 0) {
            if (!p.command.empty()) return usage_error("unexpected argument '" + a + "'");
            p.command = a;
            continue;
        }
        std::string name = a, value;
        bool inline_value = false;
        if (auto eq = a.find('='); eq != std::string::npos) {
            name = a.substr(0, eq);
            value = a.substr(eq + 1);
            inline_value = true;
        }
        auto it = options.find(name);
        if (it == options.end()) return usage_error("unknown option '" + name + "'");
        if (!it->second) {  // a flag: --quiet or --full
            if (inline_value) return usage_error("option " + name + " takes no value");
            if (name == "--quiet") p.quiet = true;
            p.values[name] = "";
            continue;
        }
        if (!inline_value) {
            if (i + 1 >= args.size()) return usage_error("option " + name + " needs a value");
            value = args[++i];
        }
        p.values[name] = value;
    }
    if (p.command != "build" && p.command != "serve" && p.command != "check" && p.command != "synth")
        return usage_error(p.command.empty() ? "a command is required (build, serve or check)" : "unknown command '" + p.command + "'");

    BuildOptions b;
    auto get = [&](const char* k, std::string& into) { if (auto it = p.values.find(k); it != p.values.end()) into = it->second; };
    get("--data", b.data_dir);
    get("--out", b.out_dir);
    get("--base-url", b.base_url);
    get("--templates", b.templates_dir);
    get("--assets", b.assets_dir);
    if (auto it = p.values.find("--jobs"); it != p.values.end()) {
        try {
            int j = std::stoi(it->second);
            if (j < 0 || j > 256) throw std::out_of_range("jobs");
            b.jobs = static_cast<unsigned>(j);
        } catch (const std::exception&) {
            return usage_error("--jobs takes a whole number from 0 to 256");
        }
    }
    if (!b.base_url.empty() && b.base_url.rfind("https://", 0) != 0 && b.base_url.rfind("http://", 0) != 0)
        return usage_error("--base-url must be an absolute http(s) URL");
    if (!p.quiet) {
        bool tty = ::isatty(STDERR_FILENO) != 0;
        // The progress line is redrawn in place on a terminal; in a log, one line per ten seconds at most.
        b.log = [tty](const std::string& line) { std::cerr << (tty ? "\r\033[K" : "") << line << "\n"; };
        auto started = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now());
        auto last = std::make_shared<double>(0.0);
        auto lock = std::make_shared<std::mutex>();
        b.progress = [tty, started, last, lock](std::size_t done, std::size_t total) {
            std::lock_guard<std::mutex> guard(*lock);
            double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - *started).count();
            if (!tty && done != total && s - *last < 10) return;
            if (!tty && done == total) return;
            *last = s;
            char buf[160];
            std::snprintf(buf, sizeof buf, "writing %zu / %zu files (%.0f%%), %.0f files/s", done, total,
                          total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0, s > 0 ? static_cast<double>(done) / s : 0.0);
            std::cerr << (tty ? "\r\033[K" : "") << buf << (tty ? "" : "\n") << std::flush;
        };
    }
    if (p.values.count("--full")) b.incremental = false;

    if (p.command == "synth") {
        SynthOptions so;
        auto number = [&](const char* flag, long long lo, long long hi, auto& into) -> bool {
            auto it = p.values.find(flag);
            if (it == p.values.end()) return true;
            try {
                std::size_t used = 0;
                long long v = std::stoll(it->second, &used);
                if (used != it->second.size() || v < lo || v > hi) return false;
                into = static_cast<std::remove_reference_t<decltype(into)>>(v);
                return true;
            } catch (const std::exception&) {
                return false;
            }
        };
        if (!number("--counties", 1, 9999, so.counties)) return usage_error("--counties takes a number from 1 to 9999");
        if (!number("--departments", 1, 10000, so.departments)) return usage_error("--departments takes a number from 1 to 10000");
        if (!number("--years", 1, 50, so.years)) return usage_error("--years takes a number from 1 to 50");
        if (!number("--seed", 0, std::numeric_limits<long long>::max(), so.seed)) return usage_error("--seed takes a non-negative number");
        if (!number("--inject-errors", 0, 1000000, so.inject_errors)) return usage_error("--inject-errors takes a non-negative number");
        if (!p.values.count("--out")) return usage_error("synth needs --out DIR");
        try {
            std::size_t n = write_synthetic_corpus(so, b.out_dir);
            if (b.log) b.log("wrote " + std::to_string(n) + " synthetic filings into " + b.out_dir);
            return 0;
        } catch (const BuildFailed& e) {
            std::cerr << "gongkai: synth failed:\n";
            for (const auto& pr : e.problems().items()) std::cerr << "  " << pr.to_string() << "\n";
            return 1;
        }
    }

    if (p.command == "check") {
        std::string format = "text";
        get("--format", format);
        if (format != "text" && format != "json") return usage_error("--format takes text or json");
        for (const char* o : {"--out", "--host", "--port", "--base-url"})
            if (p.values.count(o)) return usage_error(std::string(o) + " does not belong to 'check'");
        try {
            Site site(b);
            site.check();  // invalid filings are reported and left out; every valid one is audited
            CheckResult result{site.filings(), site.audits(), site.problems(), site.invalid_filings(), &site.budgets(), &site.budget_audits()};
            std::cout << (format == "json" ? check_report_json(result) : check_report_text(result));
            return check_failed(result) ? 1 : 0;
        } catch (const BuildFailed& e) {
            std::cerr << "gongkai: " << e.problems().size() << " problem(s) in the input:\n";
            for (const auto& pr : e.problems().items()) std::cerr << "  " << pr.to_string() << "\n";
            return 1;
        }
    }

    if (p.command == "build") {
        if (p.values.count("--host") || p.values.count("--port")) return usage_error("--host and --port belong to 'serve'");
        try {
            // Never destroyed: freeing a large model piece by piece takes seconds the operating system saves
            // when the process ends.
            // Documents are let go once digested and loaded again county by county: memory grows with the
            // summaries, not with the documents (BuildOptions::release_documents).
            b.release_documents = true;
            Site* site = new Site(b);
#ifdef GONGKAI_SANITIZE
            std::unique_ptr<Site> freed_at_exit(site);  // the sanitizer build frees it, so that LeakSanitizer reports real leaks only
#endif
            BuildReport r = site->build();
            if (b.log)
                b.log("built " + std::to_string(r.pages) + " pages from " + std::to_string(r.filings) + " filings into " + b.out_dir + " (" +
                      std::to_string(r.rendered) + " files written, " + std::to_string(r.reused) + " unchanged and reused)");
            return 0;
        } catch (const BuildFailed& e) {
            std::cerr << "gongkai: build failed, " << e.problems().size() << " problem(s); the previous site was left untouched:\n";
            for (const auto& pr : e.problems().items()) std::cerr << "  " << pr.to_string() << "\n";
            return 1;
        } catch (const std::exception& e) {
            std::cerr << "gongkai: build failed: " << e.what() << "; the previous site was left untouched\n";
            return 1;
        }
    }

    ServeOptions s;
    get("--host", s.host);
    if (auto it = p.values.find("--port"); it != p.values.end()) {
        try {
            s.port = std::stoi(it->second);
            if (s.port < 0 || s.port > 65535) throw std::out_of_range("port");
        } catch (const std::exception&) {
            return usage_error("--port takes a number from 0 to 65535");
        }
    }
    if (!b.log) b.log = [](const std::string& line) {
        if (line.rfind("build failed", 0) == 0 || line.rfind("  ", 0) == 0) std::cerr << line << "\n";
    };
    PreviewServer server(b, s);
    g_server = &server;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    bool ok = server.run();
    g_server = nullptr;
    if (!ok) {
        std::cerr << "gongkai: cannot listen on " << s.host << ":" << s.port << "\n";
        return 1;
    }
    return 0;
}

}  // namespace gongkai
