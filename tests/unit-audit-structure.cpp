// The Structure family (audit/rules_structure.cpp): tables printed and not blank without a word, the
// document's parts and the 情况说明's sections present. Each rule passes and fails on real filings edited in
// memory; on every real filing, each of the nine tables removed, each table blanked and each template
// section dropped is reported by name.
#include <doctest/doctest.h>

#include <set>

#include "audit/audit.hpp"
#include "render/view_audit.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;

namespace {

using K = TableKind;

std::vector<Finding> findings_of(const Filing& f, const std::string& rule) {
    std::vector<Finding> out;
    for (const auto& fd : audit_filing(f).findings)
        if (fd.rule == rule) out.push_back(fd);
    return out;
}

// The findings of a rule at a severity that counts (not a note).
std::vector<Finding> problems_of(const Filing& f, const std::string& rule) {
    std::vector<Finding> out;
    for (const auto& fd : findings_of(f, rule))
        if (fd.severity != Severity::Info) out.push_back(fd);
    return out;
}

Table& table_of(Filing& f, K k) {
    for (auto& t : f.tables)
        if (t.kind == k) return t;
    FAIL("no table " << table_kind_id(k));
    throw std::logic_error("unreachable");
}

void mark_absent(Filing& f, K k) {
    Table& t = table_of(f, k);
    t.absent = true;
    t.blocks.clear();
    t.notes.clear();
    t.empty_explanation.clear();
}

// Every cell blank, and no word under the table.
void blank_out(Filing& f, K k) {
    Table& t = table_of(f, k);
    for (auto& b : t.blocks)
        for (auto& r : b.rows)
            for (auto& c : r.cells) c.reset();
    t.notes.clear();
    t.empty_explanation.clear();
}

bool names_table(const Finding& fd, K k, const std::string& title) {
    return !fd.cells.empty() && fd.cells[0].table == table_kind_id(k) && contains(fd.message, title) && contains(fd.headline, title);
}

const std::vector<K> kCore = {K::IncomeExpenditureSummary, K::Income, K::Expenditure, K::FiscalSummary, K::GeneralBudgetExpenditure,
                              K::BasicExpenditure};

}  // namespace

TEST_CASE("the four real filings print every table, none blank without its explanation, and no template section is missing") {
    for (const auto& rel : real_filing_paths()) {
        CAPTURE(rel);
        Filing f = real_filing(rel);
        AuditReport r = audit_filing(f);
        for (const char* rule : {"s-table-absent", "empty-table-explained", "s-section-missing"}) {
            CHECK(r.checks_by_rule.count(rule) == 1);
            CHECK(problems_of(f, rule).empty());
        }
        CHECK(r.checks_by_rule.count("s-part-missing") == 0);  // version-1 filings record no parts
    }
}

TEST_CASE("mutation: on every real filing, each of the nine tables removed is a finding naming it") {
    for (const auto& rel : real_filing_paths()) {
        for (K k : all_table_kinds()) {
            CAPTURE(rel);
            CAPTURE(table_kind_id(k));
            Filing f = real_filing(rel);
            std::string title = table_of(f, k).title;
            mark_absent(f, k);
            auto found = findings_of(f, "s-table-absent");
            REQUIRE(found.size() == 1);
            CHECK(names_table(found[0], k, title));
            bool core = std::find(kCore.begin(), kCore.end(), k) != kCore.end();
            if (core) CHECK(found[0].severity == Severity::Error);
            else CHECK(found[0].severity != Severity::Error);
            CHECK(findings_of(f, "empty-table-explained").empty());  // one report, not two
        }
    }
}

TEST_CASE("mutation: on every real filing, each table printed blank without a word is a finding naming it") {
    for (const auto& rel : real_filing_paths()) {
        for (K k : all_table_kinds()) {
            CAPTURE(rel);
            CAPTURE(table_kind_id(k));
            Filing f = real_filing(rel);
            std::string title = table_of(f, k).title;
            blank_out(f, k);
            auto found = problems_of(f, "empty-table-explained");
            REQUIRE(found.size() == 1);
            CHECK(names_table(found[0], k, title));
            bool must_have_numbers = k == K::IncomeExpenditureSummary || k == K::Income || k == K::Expenditure;
            CHECK((found[0].severity == Severity::Error) == must_have_numbers);
        }
    }
}

TEST_CASE("an absent fund or 三公 table: a warning, or a note when the 情况说明 says there is none") {
    Filing f = real_filing(kPutuoFiling);
    // 八、政府性基金…情况说明: “…2024年度无政府性基金预算财政拨款收入和支出。”
    mark_absent(f, K::GovernmentFund);
    auto found = findings_of(f, "s-table-absent");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Info);
    // Without that sentence the omission is unexplained.
    for (auto& s : f.sections)
        if (contains(s.title, "政府性基金")) s.text = "详见公开表。";
    found = findings_of(f, "s-table-absent");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Warning);
    // The 三公 section of 湘潭县 states amounts (and “与上年无增减”): not a statement that there is none.
    Filing x = real_filing(kXiangtanFiling);
    mark_absent(x, K::ThreePublic);
    found = findings_of(x, "s-table-absent");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Warning);
}

TEST_CASE("a blank table: its explanation under the table, or a printed 注 saying there is none; 0 is not blank") {
    Filing f = real_filing(kXiangtanFiling);
    blank_out(f, K::ThreePublic);
    CHECK(problems_of(f, "empty-table-explained").size() == 1);
    table_of(f, K::ThreePublic).notes = {"注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。"};  // describes, does not explain
    CHECK(problems_of(f, "empty-table-explained").size() == 1);
    table_of(f, K::ThreePublic).notes.push_back("说明：本单位本年度没有财政拨款“三公”经费支出，故本表无数据。");
    CHECK(problems_of(f, "empty-table-explained").empty());
    table_of(f, K::ThreePublic).notes.clear();
    table_of(f, K::ThreePublic).empty_explanation = "本单位无“三公”经费支出。";
    CHECK(problems_of(f, "empty-table-explained").empty());
    // A table of printed zeros is not blank.
    Filing z = real_filing(kXiangtanFiling);
    for (auto& b : table_of(z, K::ThreePublic).blocks)
        for (auto& r : b.rows)
            for (auto& c : r.cells) c = parse_decimal("0.00");
    CHECK(findings_of(z, "empty-table-explained").empty());
}

TEST_CASE("a blank 收入决算表 is an error even with an explanation; a blank fund table contradicting table 01 is an error") {
    Filing f = real_filing(kPutuoFiling);
    blank_out(f, K::Income);
    table_of(f, K::Income).empty_explanation = "本单位无收入，故本表无数据。";
    auto found = problems_of(f, "empty-table-explained");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Error);

    // 政府性基金表 is blank with its 说明 — fine while table 01 lists no such income; not once it lists some.
    Filing g = real_filing(kPutuoFiling);
    CHECK(problems_of(g, "empty-table-explained").empty());
    for (auto& b : table_of(g, K::IncomeExpenditureSummary).blocks)
        for (auto& r : b.rows)
            if (r.key == "government_fund") r.cells.at(0) = parse_decimal("12.50");
    found = problems_of(g, "empty-table-explained");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Error);
    CHECK(found[0].cells.size() == 2);
    CHECK(found[0].cells[1].printed == "12.50");
    CHECK(contains(found[0].headline, "12.50"));
}

TEST_CASE("sections: dropping a template section from a real filing is a finding naming it") {
    // What each kind of section is about, to tell that the finding names the section that was dropped.
    const std::vector<std::string> topics = {"三公", "政府性基金", "国有资本", "绩效", "机关运行经费", "政府采购", "国有资产", "基本支出",
                                             "一般公共预算", "财政拨款收入支出", "收入决算", "支出决算", "收入支出决算总体"};
    for (const auto& rel : real_filing_paths()) {
        Filing original = real_filing(rel);
        std::set<std::string> before;
        for (const auto& fd : findings_of(original, "s-section-missing")) before.insert(fd.message);
        for (std::size_t i = 0; i < original.sections.size(); ++i) {
            const auto& dropped = original.sections[i];
            CAPTURE(rel);
            CAPTURE(dropped.title);
            Filing f = original;
            f.sections.erase(f.sections.begin() + static_cast<long>(i));
            std::vector<Finding> fresh;
            for (const auto& fd : findings_of(f, "s-section-missing"))
                if (!before.count(fd.message)) fresh.push_back(fd);
            // 湘潭县's 十、一般性支出情况说明 (会议费、培训费) is a Hunan addition, not a section of the national template.
            if (contains(dropped.title, "一般性支出")) {
                CHECK(fresh.empty());
                continue;
            }
            REQUIRE(!fresh.empty());
            for (const auto& fd : fresh) {
                bool named = false;
                for (const auto& t : topics) named = named || (contains(fd.message, t) && contains(dropped.title + dropped.text, t));
                CHECK_MESSAGE(named, fd.message);
                CHECK(contains(fd.headline, "情况说明中没有"));
                // The status line names it as a missing part, not as a number to check.
                if (fd.severity == Severity::Warning) CHECK(contains(audit_status_text(audit_filing(f)), "处缺少应有的部分"));
            }
        }
    }
}

TEST_CASE("sections are matched by meaning: other numbering and wording, or a subsection, still count") {
    Filing f = real_filing(kPutuoFiling);
    for (auto& s : f.sections) {
        auto starts = [&](const char* number) { return s.title.rfind(number, 0) == 0; };
        if (starts("一、")) s.title = "1. 部门收支决算总体情况";
        else if (starts("二、")) s.title = "（二）收入决算情况";
        else if (starts("三、")) s.title = "三、支出决算情况";
        else if (starts("四、")) s.title = "四、财政拨款收支总体情况";
        else if (starts("七、")) s.title = "七、“三公” 经费支出决算情况说明";
        else if (starts("十、")) s.title = "十、关于2024年度预算绩效情况的说明";
    }
    for (const auto& fd : findings_of(f, "s-section-missing")) FAIL_CHECK(fd.message);
    CHECK(f.sections.at(0).title == "1. 部门收支决算总体情况");
    // 机关运行经费, 政府采购 and 国有资产 as subsections of 其他重要事项 (上海) or as sections (湖南) — both count;
    // without line breaks the subsection heading is not found and the section is reported missing.
    Filing g = real_filing(kPutuoFiling);
    for (auto& s : g.sections)
        if (contains(s.title, "其他重要事项")) {
            std::string flat;
            for (char c : s.text) flat += c == '\n' ? ' ' : c;
            s.text = "详见附件。" + flat;
        }
    CHECK(findings_of(g, "s-section-missing").size() == 3);
}

TEST_CASE("sections are checked only when the filing records them; synthetic stubs are left out") {
    Filing f = real_filing(kPutuoFiling);
    f.sections.clear();
    AuditReport r = audit_filing(f);
    CHECK(r.checks_by_rule.count("s-section-missing") == 0);
    Filing s = real_filing(kPutuoFiling);
    s.synthetic = true;
    s.sections.resize(1);
    CHECK(audit_filing(s).checks_by_rule.count("s-section-missing") == 0);
    s.synthetic = false;
    CHECK(findings_of(s, "s-section-missing").size() == 12);  // all but 一、收入支出决算总体情况说明
}

TEST_CASE("parts: checked when recorded; 附件 is optional, 名词解释 is not") {
    Filing f = real_filing(kXiangtanFiling);
    // 湘潭县: 第一部分 湘潭县人民政府办公室概况 … 第五部分 附件.
    f.parts = {{"第一部分", "湘潭县人民政府办公室概况"}, {"第二部分", "部门决算表"}, {"第三部分", "部门决算情况说明"}, {"第四部分", "名词解释"},
               {"第五部分", "附件"}};
    CHECK(audit_filing(f).checks_by_rule.count("s-part-missing") == 1);
    CHECK(findings_of(f, "s-part-missing").empty());
    // 上海 template: four parts, no 附件; titles carry the department and year.
    f.parts = {{"第一部分", "上海市普陀区财政局概况"}, {"第二部分", "上海市普陀区财政局 2024 年度部门决算表"},
               {"第三部分", "上海市普陀区财政局 2024 年度部门决算情况说明"}, {"第四部分", "名词解释"}};
    CHECK(findings_of(f, "s-part-missing").empty());
    f.parts.pop_back();
    auto found = findings_of(f, "s-part-missing");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Warning);
    CHECK(contains(found[0].message, "名词解释"));
}
