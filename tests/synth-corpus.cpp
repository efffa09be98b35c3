// Synthetic corpora: 3 counties × 40 departments × 3 years build, pass the audit with zero findings, carry
// the 示例数据 banner on every page, and with injected errors the audit finds every one of them.
#include <doctest/doctest.h>

#include "audit/audit.hpp"
#include "compute/department_summary.hpp"
#include "compute/department_types.hpp"
#include "model/money.hpp"
#include "site/site.hpp"
#include "synth/synthetic_corpus.hpp"
#include "validate/decode_department_types.hpp"
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

    // Plausible by department type: the 教育局 spends most on 205 教育 and is on the 205 class page; 卫健 on 210,
    // 公安 on 204, 农业农村 on 213, 财政 on 201; every department pays some 208 and 221.
    std::map<std::string, std::string> largest_class_of = {{"education-bureau", "205"}, {"health-commission", "210"},
        {"public-security-bureau", "204"}, {"agriculture-bureau", "213"}, {"finance-bureau", "201"}};
    std::map<std::pair<std::string, std::string>, std::map<int, std::int64_t>> totals;  // (county, slug) -> year -> 支出合计
    std::size_t checked = 0;
    for (const auto& f : site.filings()) {
        DepartmentSummary s = summarize(f);
        REQUIRE(!s.function_classes.empty());
        auto largest = std::max_element(s.function_classes.begin(), s.function_classes.end(),
                                        [](const ClassAmount& a, const ClassAmount& b) { return a.micro < b.micro; });
        if (auto it = largest_class_of.find(f.slug); it != largest_class_of.end()) {
            CHECK_MESSAGE(largest->code == it->second, f.path);
            ++checked;
        }
        std::set<std::string> codes;
        for (const auto& c : s.function_classes) codes.insert(c.code);
        CHECK_MESSAGE((codes.count("208") && codes.count("221")), f.path);
        totals[{f.county_dir, f.slug}][f.year] = *s.total_expenditure;
    }
    CHECK(checked == 5 * 3 * 3);
    CHECK(read_file(d / "site/990001-example-1/2024/classes/205/index.html").find("示例县1教育局") != std::string::npos);
    // Year-over-year changes of 支出合计 are not whole percentages (as printed, to two decimals) for most departments.
    std::size_t changes = 0, whole = 0;
    for (const auto& [dept, years] : totals)
        for (const auto& [year, total] : years)
            if (auto prior = years.find(year - 1); prior != years.end()) {
                ++changes;
                auto pct = percent_micro(total - prior->second, prior->second);
                REQUIRE(pct);
                std::string printed = format_micro(*pct, 2);  // as the narrative prints it: "4.71"
                whole += printed.size() > 3 && printed.compare(printed.size() - 3, 3, ".00") == 0;
            }
    CHECK(changes == 3 * 40 * 2);
    CHECK(whole * 10 < changes);
    // Every department gets a type, from the corpus's own mapping and the same one from data/department-types.json;
    // each type has its page.
    REQUIRE(!site.department_types().empty());
    ProblemList problems;
    auto real_file = read_json_file(source_dir() + "/data/department-types.json", problems);
    REQUIRE(real_file);
    auto real_types = decode_department_types(*real_file, problems);
    REQUIRE(real_types);
    for (const auto& f : site.filings()) {
        const DepartmentType* own = department_type_of(site.department_types(), f);
        const DepartmentType* real = department_type_of(*real_types, f);
        REQUIRE_MESSAGE(own, f.department_name);
        REQUIRE_MESSAGE(real, f.department_name);
        CHECK_MESSAGE(own->id == real->id, f.department_name);
        CHECK_MESSAGE(own->name == real->name, f.department_name);
    }
    std::string education = read_file(d / "site/types/education/index.html");
    CHECK(education.find("示例县3教育局") != std::string::npos);
    CHECK(education.find("\"type\":\"hbar\"") != std::string::npos);
    CHECK(read_file(d / "site/types/index.html").find("id=\"untyped-h\"") == std::string::npos);
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
