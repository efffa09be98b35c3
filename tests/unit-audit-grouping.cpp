// The audit as root causes on the real filings: the county dashboard counts and words them exactly as the
// department page does; a finding repeated at several places of the narrative is one root cause and one line
// that says where; no two lines of a panel read the same; and a finding without a numeric gap ranks below those
// with one. Expected numbers come from the audit run itself (audit_filing, group_findings), never from the page.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "audit/grouping.hpp"
#include "audit/materiality.hpp"
#include "render/view_audit.hpp"
#include "site/site.hpp"
#include "test_support.hpp"
#include "validate/decode_filing.hpp"

using namespace gongkai;
using namespace gongkai::test;
using nlohmann::json;

namespace {

struct RealFiling {
    const char* rel;     // under data/
    const char* county;  // the county-year folder of the site
    const char* slug;
};

const RealFiling kReal[] = {
    {"430321-xiangtan/2024/county-government-office.json", "430321-xiangtan/2024", "county-government-office"},
    {"310107-putuo/2024/finance-bureau.json", "310107-putuo/2024", "finance-bureau"},
    {"310107-putuo/2024/planning-and-natural-resources-bureau.json", "310107-putuo/2024", "planning-and-natural-resources-bureau"},
    {"310107-putuo/2024/social-work-department.json", "310107-putuo/2024", "social-work-department"},
};

// The site built once from data/.
struct BuiltSite {
    TempDir dir;
    std::string out;
    BuiltSite() : out(dir / "site") { Site(options_for(source_dir() + "/data", out)).build(); }
    std::string page(const std::string& rel) const { return read_file(out + "/" + rel); }
};

const BuiltSite& site() {
    static BuiltSite s;
    return s;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The row of the county dashboard's department table that links to `slug`.
std::string department_row(const std::string& county, const std::string& slug) {
    auto at = county.find("<th scope=\"row\"><a href=\"" + slug + "/index.html\">");
    REQUIRE_MESSAGE(at != std::string::npos, slug);
    return county.substr(at, county.find("</tr>", at) - at);
}

// The texts of the elements with class `cls` ("finding-head"), tags stripped.
std::vector<std::string> texts_of(const std::string& html, const std::string& cls) {
    std::vector<std::string> out;
    const std::string open = "class=\"" + cls + "\"";
    for (auto at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
        auto start = html.find('>', at) + 1;
        std::string inner = html.substr(start, html.find("</h3>", start) - start), text;
        bool tag = false;
        for (char c : inner) {
            if (c == '<') tag = true;
            if (!tag) text += c;
            if (c == '>') tag = false;
        }
        out.push_back(text);
    }
    return out;
}

// Findings of a report that repeat an earlier one elsewhere in the narrative (the page shows them on its line).
std::size_t repeats_of_earlier(const AuditReport& r) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < r.findings.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (repeats_elsewhere(r.findings[j], r.findings[i])) {
                ++n;
                break;
            }
    return n;
}

// 规划和自然资源局 with its sentence on 机关运行经费 (142.80 万元, where the table's 公用经费合计 is 480.66: a warning)
// stated once more under section 三 — as filings often repeat a sentence. The filing in data/ is not touched.
const char* kPlanningFiling = "310107-putuo/2024/planning-and-natural-resources-bureau.json";

Filing planning_with_repeated_sentence() {
    JsonFile file = real_filing_file(kPlanningFiling);
    auto& figures = file.doc["narrative"]["figures"];
    json copies = json::array();
    for (const auto& fig : figures)
        if (fig.value("metric", "") == "operating_cost.amount") {
            json copy = fig;
            copy["section"] = "三";
            copies.push_back(copy);
        }
    REQUIRE(copies.size() == 1);
    for (auto& c : copies) figures.push_back(c);
    file.bytes = file.doc.dump();
    FilingPath where{file.path, "310107-putuo", 2024, "planning-and-natural-resources-bureau"};
    ProblemList problems;
    auto filing = decode_filing(file, where, problems);
    REQUIRE_MESSAGE(filing, (problems.empty() ? std::string() : problems.items()[0].to_string()));
    return *filing;
}

}  // namespace

TEST_CASE("the county dashboard counts root causes and words them as the department page does") {
    for (const auto& f : kReal) {
        CAPTURE(f.rel);
        AuditReport r = audit_filing(real_filing(f.rel));
        auto groups = group_findings(r);
        int error_causes = 0, warning_causes = 0, listed = 0;
        for (const auto& g : groups) {
            Severity lead = r.findings[g.members.front()].severity;
            error_causes += lead == Severity::Error;
            warning_causes += lead == Severity::Warning;
            listed += lead != Severity::Info;
        }
        RootCauseCounts n = root_cause_counts(r);
        CHECK(n.errors == error_causes);
        CHECK(n.warnings == warning_causes);

        std::string county = site().page(std::string(f.county) + "/index.html");
        std::string row = department_row(county, f.slug);
        if (error_causes + warning_causes > 0) {
            CHECK(row.find("sev-error\">" + std::to_string(error_causes) + "</span>") != std::string::npos);
            CHECK(row.find("sev-warning\">" + std::to_string(warning_causes) + "</span>") != std::string::npos);
        } else {
            CHECK(row.find("无差错") != std::string::npos);
        }
        // The same status words on both pages.
        std::string status = audit_status_text(r);
        CHECK_MESSAGE(row.find(status) != std::string::npos, row);
        std::string dept = site().page(std::string(f.county) + "/" + f.slug + "/index.html");
        CHECK(dept.find("<strong>" + status + "</strong>") != std::string::npos);
        // The findings list: one row per root cause that is not a note, each linking to its line on the department page.
        auto list = county.substr(county.find("id=\"findings\""));
        CHECK(occurrences(list, "<a href=\"" + std::string(f.slug) + "/index.html#audit\">") == static_cast<std::size_t>(listed));
        for (auto at = list.find("<a href=\"" + std::string(f.slug) + "/index.html#finding-"); at != std::string::npos;
             at = list.find("<a href=\"" + std::string(f.slug) + "/index.html#finding-", at + 1)) {
            auto hash = list.find('#', at) + 1;
            std::string id = list.substr(hash, list.find('"', hash) - hash);
            CHECK_MESSAGE(dept.find("id=\"" + id + "\"") != std::string::npos, id);
        }
    }
    // 湘潭县: its raw findings (the one wrong 三公 小计 alone breaks two sums) are more than its root causes.
    AuditReport xiangtan = audit_filing(real_filing(kXiangtanFiling));
    CHECK(root_cause_counts(xiangtan).errors < xiangtan.count(Severity::Error));
}

TEST_CASE("a finding stated at several places of the narrative is one line that says how often and where (湘潭县)") {
    AuditReport r = audit_filing(real_filing(kXiangtanFiling));
    // The notes comparing a narrative 25.8 with the table's 三公 小计 决算 (0), wherever the narrative says it.
    const std::string subtotal = "/tables/8/blocks/0/rows/2/values/actual";
    std::vector<std::size_t> notes;
    std::set<std::string> sections;
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const Finding& fd = r.findings[i];
        if (fd.rule == "n-amount" && fd.severity == Severity::Info && fd.cells.size() == 2 && fd.cells[1].pointer == subtotal) {
            notes.push_back(i);
            sections.insert(narrative_section(fd.cells[0].label));
        }
    }
    REQUIRE(notes.size() >= 2);
    for (std::size_t k = 1; k < notes.size(); ++k) CHECK(repeats_elsewhere(r.findings[notes[0]], r.findings[notes[k]]));
    CHECK(finding_headline(r.findings[notes[0]]) == finding_headline(r.findings[notes[1]]));  // why they must merge

    json panel = audit_panel_view(r, "../../../");
    const json* line = nullptr;
    std::size_t lines = 0;
    for (const auto& item : panel["items"])
        for (const auto& m : item["members"]) {
            ++lines;
            if (m["rule"] == "n-amount" && m["severity"] == "info" && m["repeats"] == notes.size()) line = &m;
        }
    REQUIRE(line);
    std::string h = (*line)["headline"];
    CHECK(h.find("共有 " + std::to_string(notes.size()) + " 处") != std::string::npos);
    for (const auto& s : sections) CHECK_MESSAGE(h.find(s) != std::string::npos, s);
    CHECK(h.find("（表中这个数本身已被判定有误，此处只作提示）") != std::string::npos);
    // Its detail names every place (each figure), and the findings all share its anchor.
    std::set<std::string> links;
    for (const auto& c : (*line)["cells"]) links.insert(c["link"]);
    for (std::size_t i : notes) CHECK(links.count("#" + r.findings[i].cells[0].anchor) == 1);
    auto number = display_numbers(group_findings(r), r.findings.size());
    for (std::size_t i : notes) CHECK("finding-" + std::to_string(number[i]) == (*line)["anchor"]);
    // One line per finding, less the repeats; the group still counts every finding of its root cause.
    CHECK(lines == r.findings.size() - repeats_of_earlier(r));
    for (const auto& item : panel["items"])
        if (item["grouped"] == true && item["cause_link"] == "#three_public-main-vehicle_subtotal--actual") {
            std::size_t members = 0;
            for (const auto& m : item["members"]) members += m["repeats"].get<std::size_t>();
            CHECK(item["count"] == members);
        }

    // The department page shows that one line, with ids numbered 1..lines.
    std::string dept = site().page("430321-xiangtan/2024/county-government-office/index.html");
    CHECK(occurrences(dept, "class=\"finding-head\"") == lines);
    for (std::size_t k = 1; k <= lines; ++k) CHECK(dept.find("id=\"finding-" + std::to_string(k) + "\"") != std::string::npos);
}

TEST_CASE("no two finding lines of a department page read the same") {
    for (const auto& f : kReal) {
        CAPTURE(f.rel);
        AuditReport r = audit_filing(real_filing(f.rel));
        json panel = audit_panel_view(r, "../../../");
        std::set<std::string> heads;
        for (const auto& item : panel["items"])
            for (const auto& m : item["members"]) CHECK_MESSAGE(heads.insert(m["headline"].get<std::string>()).second, m["headline"]);
        std::string dept = site().page(std::string(f.county) + "/" + f.slug + "/index.html");
        auto shown = texts_of(dept, "finding-head");
        CHECK(shown.size() == heads.size());
        CHECK(std::set<std::string>(shown.begin(), shown.end()).size() == shown.size());
    }
}

TEST_CASE("a warning repeated elsewhere in the narrative is one root cause: counts and status do not change (规划和自然资源局)") {
    AuditReport before = audit_filing(real_filing(kPlanningFiling));
    AuditReport after = audit_filing(planning_with_repeated_sentence());
    // The repeated sentence adds a raw warning (机关运行经费 against 公用经费合计)…
    REQUIRE(after.count(Severity::Warning) == before.count(Severity::Warning) + 1);
    // …but no root cause, no change in the status words, and no second line reading the same.
    CHECK(root_cause_counts(after).warnings == root_cause_counts(before).warnings);
    CHECK(root_cause_counts(after).errors == root_cause_counts(before).errors);
    CHECK(audit_status_text(after) == audit_status_text(before));
    CHECK(group_findings(after).size() == group_findings(before).size());
    json panel = audit_panel_view(after, "../../../");
    std::set<std::string> heads;
    const json* merged = nullptr;
    for (const auto& item : panel["items"])
        for (const auto& m : item["members"]) {
            CHECK(heads.insert(m["headline"].get<std::string>()).second);
            if (m["repeats"] == 2) merged = &m;
        }
    REQUIRE(merged);
    CHECK((*merged)["severity"] == "warning");
    std::string h = (*merged)["headline"];
    CHECK(h.find("共有 2 处") != std::string::npos);
    CHECK(h.find("见十一（一）、三") != std::string::npos);
    // The county list gathers it once too.
    std::size_t listed_before = root_cause_views(before, "x/index.html").size();
    CHECK(root_cause_views(after, "x/index.html").size() == listed_before);
}

TEST_CASE("within one severity, findings without a numeric gap rank below those with one") {
    json views = json::array();
    for (const auto& f : kReal) {
        CAPTURE(f.rel);
        AuditReport r = audit_filing(real_filing(f.rel));
        for (std::size_t i = 1; i < r.findings.size(); ++i) {
            const Finding& a = r.findings[i - 1];
            const Finding& b = r.findings[i];
            CHECK(materiality_rank(a) <= materiality_rank(b));
            if (a.severity == b.severity) CHECK_FALSE((!a.difference && b.difference));
        }
        for (auto& v : root_cause_views(r, std::string(f.slug) + "/index.html")) views.push_back(v);
    }
    // 湘潭县: the narrative's 抚恤 291.52 against the table's 86.19 (a gap of 205.33 万元) comes before the words-only
    // contradiction “增加55.31万元 … 减少5.53%”, which has no number to measure.
    AuditReport r = audit_filing(real_filing(kXiangtanFiling));
    std::size_t pension = r.findings.size(), words = r.findings.size();
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const Finding& fd = r.findings[i];
        if (fd.rule == "n-amount" && fd.cells.front().pointer == "/narrative/figures/51") pension = i;
        if (fd.severity == Severity::Error && !fd.difference && words == r.findings.size()) words = i;
    }
    REQUIRE(pension < r.findings.size());
    REQUIRE(words < r.findings.size());
    CHECK(r.findings[pension].severity == Severity::Error);
    CHECK(pension < words);
    // Across departments (the county list): the same order.
    sort_by_materiality(views);
    for (std::size_t i = 1; i < views.size(); ++i)
        if (views[i]["severity"] == views[i - 1]["severity"])
            CHECK_FALSE((views[i - 1]["difference"] == "" && views[i]["difference"] != ""));
}
