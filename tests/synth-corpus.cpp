// Synthetic corpora: 3 counties × 40 departments × 3 years build, pass the audit with zero findings, carry
// the 示例数据 banner on every page, and with injected errors the audit finds every one of them.
#include <doctest/doctest.h>

#include "audit/audit.hpp"
#include "site/site.hpp"
#include "synth/synthetic_corpus.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;
using nlohmann::json;

namespace {
std::string synth_command(const std::string& out, const std::string& extra) {
    return std::string(GONGKAI_BINARY) + " synth --quiet --out " + out + " --counties 3 --departments 40 --years 3 --seed 11 " + extra;
}
}  // namespace

TEST_CASE("a consistent synthetic corpus builds, audits clean and is marked everywhere") {
    TempDir d;
    std::string out;
    REQUIRE(run_command(synth_command(d / "corpus", ""), out) == 0);
    BuildOptions o = options_for(d / "corpus", d / "site");
    Site site(o);
    BuildReport report = site.build();
    CHECK(report.filings == 360);
    std::size_t findings = 0;
    for (const auto& a : site.audits()) findings += a.findings.size();
    CHECK(findings == 0);
    for (const auto& f : site.filings()) CHECK(f.synthetic);
    std::size_t pages = 0;
    for (const auto& rel : list_files(d / "site")) {
        if (rel.size() < 5 || rel.substr(rel.size() - 5) != ".html" || rel == "404.html" || rel.rfind("audit-rules", 0) == 0 ||
            rel.rfind("glossary", 0) == 0)
            continue;
        ++pages;
        CHECK_MESSAGE(read_file(d / ("site/" + rel)).find("示例数据") != std::string::npos, rel);
    }
    CHECK(pages >= 360 + 9 + 1 + 2 + 120);  // departments, county-years, home, compare, search, histories, class pages
    // A department over three years: its history page follows every code of every year.
    std::string history = read_file(d / "site/990001-example-1/departments/finance-bureau/index.html");
    CHECK(history.find(">2022<") != std::string::npos);
    CHECK(history.find(">2024<") != std::string::npos);
    CHECK(history.find("chart-history") != std::string::npos);
}

TEST_CASE("the same seed gives the same corpus; another seed a different one") {
    SynthOptions o;
    o.counties = 1;
    o.departments = 5;
    o.years = 2;
    o.seed = 3;
    auto a = synthesize(o), b = synthesize(o);
    REQUIRE(a.files.size() == b.files.size());
    for (std::size_t i = 0; i < a.files.size(); ++i) CHECK(a.files[i].second == b.files[i].second);
    o.seed = 4;
    CHECK(synthesize(o).files[1].second != a.files[1].second);
}

TEST_CASE("the audit finds every injected error, at the cell where it was injected") {
    TempDir d;
    std::string out;
    REQUIRE(run_command(synth_command(d / "corpus", "--inject-errors 25"), out) == 0);
    json truth = json::parse(read_file(d / "corpus/.injected-errors.json"));
    REQUIRE(truth.size() == 25);
    Site site(options_for(d / "corpus", d / "site"));
    site.check();
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < site.filings().size(); ++i) index[site.filings()[i].path] = i;
    std::set<std::string> kinds;
    for (const auto& e : truth) {
        std::string file = d / ("corpus/" + e["file"].get<std::string>());
        REQUIRE(index.count(file));
        const AuditReport& r = site.audits()[index[file]];
        bool found = false;
        for (const auto& fd : r.findings)
            for (const auto& c : fd.cells) found = found || (fd.severity != Severity::Info && c.pointer == e["pointer"].get<std::string>());
        CHECK_MESSAGE(found, "missed injected " << e["kind"] << " at " << e["file"] << e["pointer"]);
        kinds.insert(e["kind"].get<std::string>());
    }
    CHECK(kinds.size() == 5);  // every kind of injected error occurs
    // Files without an injected error stay clean.
    std::set<std::string> injected;
    for (const auto& e : truth) injected.insert(d / ("corpus/" + e["file"].get<std::string>()));
    for (std::size_t i = 0; i < site.filings().size(); ++i)
        if (!injected.count(site.filings()[i].path)) CHECK(site.audits()[i].findings.empty());
}

TEST_CASE("code-mapping.json lets a renamed code be followed across years; without it the line is marked") {
    TempDir d;
    std::string out;
    REQUIRE(run_command(std::string(GONGKAI_BINARY) + " synth --quiet --out " + (d / "corpus") + " --departments 1 --years 2 --seed 5", out) == 0);
    std::string filing = d / "corpus/990001-example-1/2023/government-office.json";
    std::string code;
    // Rename the last 项 of the 2023 spending tables, as a classification change would.
    edit_json(filing, [&](json& j) {
        for (auto& t : j["tables"])
            for (auto& b : t["blocks"])
                for (auto& r : b["rows"])
                    if (r.contains("code") && r["code"].get<std::string>().size() == 7) code = r["code"].get<std::string>();
        for (auto& t : j["tables"])
            for (auto& b : t["blocks"])
                for (auto& r : b["rows"])
                    if (r.contains("code") && r["code"] == code) r["code"] = "2290199";
        for (auto& f : j["narrative"]["figures"])
            if (f.contains("code") && f["code"] == code) f["code"] = "2290199";
    });
    REQUIRE(!code.empty());
    auto history = [&] {
        Site(options_for(d / "corpus", d / "site")).build();
        std::string html = read_file(d / "site/990001-example-1/departments/government-office/index.html");
        auto row = html.find("<td class=\"code\">" + code + "</td>");
        REQUIRE(row != std::string::npos);
        return html.substr(row, html.find("</tr>", row) - row);
    };
    std::string unmapped = history();
    CHECK(unmapped.find("⚠") != std::string::npos);
    write_file(d / "corpus/code-mapping.json",
               R"({"format": "gongkai-code-mapping/1", "mappings": [{"from": ["2290199"], "from_year": 2023, "to": ")" + code +
                   R"(", "note": "test rename"}]})");
    std::string mapped = history();
    CHECK(mapped.find("⚠") == std::string::npos);
    CHECK(mapped.find("原科目 2290199") != std::string::npos);
    // A broken mapping file is an input problem with its pointer.
    write_file(d / "corpus/code-mapping.json", R"({"format": "gongkai-code-mapping/1", "mappings": [{"from": ["12"], "from_year": 2023, "to": "201"}]})");
    try {
        Site(options_for(d / "corpus", d / "site")).build();
        FAIL("expected BuildFailed");
    } catch (const BuildFailed& e) {
        CHECK(e.problems().items()[0].pointer == "/mappings/0/from/0");
    }
}
