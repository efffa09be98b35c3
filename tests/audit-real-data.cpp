// The audit on the real filings: it finds their real inconsistencies (read from the source documents)
// and nothing else; a mutation test shows that every cell some published identity covers is checked; and
// the findings' materiality (尾差 or error), grouping by root cause and plain headlines fit the real slips.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <tuple>

#include "audit/audit.hpp"
#include "audit/grouping.hpp"
#include "audit/materiality.hpp"
#include "audit/rule_catalog.hpp"
#include "model/money.hpp"
#include "render/view_audit.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;

namespace {

using Expected = std::tuple<std::string, std::string, std::string>;  // severity, rule, pointers of the cells

std::multiset<Expected> findings_of(const Filing& f) {
    std::multiset<Expected> out;
    for (const auto& fd : audit_filing(f).findings) {
        std::string pointers;
        for (const auto& c : fd.cells) pointers += (pointers.empty() ? "" : " ") + c.pointer;
        out.insert({severity_id(fd.severity), fd.rule, pointers});
    }
    return out;
}

// Signature of all findings, to tell whether a change to the input changed what the audit says.
std::multiset<std::string> signature(const AuditReport& r) {
    std::multiset<std::string> out;
    for (const auto& fd : r.findings) out.insert(fd.rule + "|" + fd.message);
    return out;
}

}  // namespace

TEST_CASE("湘潭县人民政府办公室 2024: exactly its real inconsistencies") {
    Filing f = real_filing(kXiangtanFiling);
    std::multiset<Expected> expected = {
        // 公开09表: 公务用车 小计 预算 43.2, but 购置 0 + 运行维护 0.
        {"error", "t09-three-public", "/tables/8/blocks/0/rows/2/values/budget /tables/8/blocks/0/rows/3/values/budget /tables/8/blocks/0/rows/4/values/budget"},
        // 公开09表: 决算 合计 25.8, but 出国 0 + 小计 0 + 接待 0.
        {"error", "t09-three-public", "/tables/8/blocks/0/rows/0/values/actual /tables/8/blocks/0/rows/1/values/actual /tables/8/blocks/0/rows/2/values/actual /tables/8/blocks/0/rows/5/values/actual"},
        // 公开09表: 决算 小计 0, but 运行维护费 25.8.
        {"error", "t09-three-public", "/tables/8/blocks/0/rows/2/values/actual /tables/8/blocks/0/rows/3/values/actual /tables/8/blocks/0/rows/4/values/actual"},
        // 五（三）1: 行政运行 支出决算 976.59, the table's 2010301 is 739.57 (976.59 is the whole 20103).
        {"error", "n-amount", "/narrative/figures/48 /tables/4/blocks/0/rows/3/values/total"},
        // 五（三）2: 抚恤 支出决算 291.52, the table's 20808 is 86.19 (291.52 is the whole class 208).
        {"error", "n-amount", "/narrative/figures/51 /tables/4/blocks/0/rows/9/values/total"},
        // 七（一）: “预算为43.2元” — 万元 in the table.
        {"error", "n-unit", "/narrative/figures/66 /tables/8/blocks/0/rows/0/values/budget"},
        // 七（一）: 公务接待费 “完成预算的0%” of a budget of 0 (a note, not an error).
        {"info", "n-completion", "/narrative/figures/73 /narrative/figures/72 /narrative/figures/71"},
        // 七（一）, 七（二） twice: 公务用车 决算 25.8, the table's 小计 决算 is 0 — but that cell is already wrong
        // (t09 above) and 25.8 is what its items add up to: a note, not a second error.
        {"info", "n-amount", "/narrative/figures/75 /tables/8/blocks/0/rows/2/values/actual"},
        {"info", "n-amount", "/narrative/figures/83 /tables/8/blocks/0/rows/2/values/actual"},
        {"info", "n-amount", "/narrative/figures/91 /tables/8/blocks/0/rows/2/values/actual"},
        // 七（二）3: “公务用车运行维护费 25.8 元”.
        {"error", "n-unit", "/narrative/figures/93 /tables/8/blocks/0/rows/4/values/actual"},
        // 十一: 小微 59.57 “占授予中小企业合同金额的87.28%” of 8.68.
        {"error", "n-share", "/narrative/figures/105 /narrative/figures/104 /narrative/figures/102"},
        // 五（一）: “增加55.31万元，减少5.53%” — the words contradict each other, and 5.53% fits 55.31 neither way.
        {"error", "n-yoy", "/narrative/figures/31 /narrative/figures/32"},
        {"error", "n-yoy", "/narrative/figures/31 /narrative/figures/32"},
        // 七（一）: “减少16.76万元，减少39.38%,增加的主要原因是……”.
        {"error", "n-yoy", "/narrative/figures/77 /narrative/figures/78"},
        // 十一: 小微企业 59.57 larger than 中小企业 8.68.
        {"error", "n-part-whole", "/narrative/figures/104 /narrative/figures/102"},
        // 第三部分 goes from 八、政府性基金预算收入支出决算情况 to 九、关于机关运行经费支出说明: no section on
        // 国有资本经营预算 (公开08表 is printed blank with its 说明, so only a note).
        {"info", "s-section-missing", ""},
        // The attachment (绩效自评报告): “部门预算总收入 1577.61 元”, “工资福利支出 1172.62 元” — 万元 in the tables.
        {"error", "text-unit", "/attachments/0/text /tables/0/blocks/0/rows/0/values/amount"},
        {"error", "text-unit", "/attachments/0/text /tables/5/blocks/0/rows/0/values/amount"},
        // The attachment: “专题会议经费、、老干工作费” (a note).
        {"info", "text-punctuation", "/attachments/0/text"},
        // The template's words to the compiler left in print (notes): “（**注意：三公经费情况说明……**）” in the title of
        // 七, “（**精确到个位数**）” in its text, “（当表格数据为空时，应有此说明）” under 公开07表 and 公开08表.
        {"info", "text-template", "/narrative/sections/6/title"},
        {"info", "text-template", "/narrative/sections/6/text"},
        {"info", "text-template", "/tables/6/notes/1"},
        {"info", "text-template", "/tables/7/notes/1"},
    };
    auto found = findings_of(f);
    CHECK(found == expected);
    for (const auto& e : found)
        if (!expected.count(e)) MESSAGE("unexpected: " << std::get<1>(e) << " " << std::get<2>(e));
    for (const auto& e : expected)
        if (!found.count(e)) MESSAGE("missed: " << std::get<1>(e) << " " << std::get<2>(e));
}

TEST_CASE("上海市普陀区财政局 2024: exactly its real inconsistencies") {
    Filing f = real_filing(kPutuoFiling);
    std::multiset<Expected> expected = {
        // 收入支出决算总表 八、社会保障和就业支出 326.71; 支出决算表 208 326.72. A 0.01 万元 difference between two
        // printed copies of one figure: a 尾差 (minor) since severity reflects materiality (issue 8), no longer an error.
        {"minor", "x01-03", "/tables/0/blocks/1/rows/7/values/amount /tables/2/blocks/0/rows/7/values/total"},
        // 财政拨款收入支出决算总表 326.71; 一般公共预算财政拨款支出决算表 208 326.72 (a 尾差, as above).
        {"minor", "x04-05", "/tables/3/blocks/1/rows/7/values/general_budget /tables/4/blocks/0/rows/6/values/total"},
        // 四: “财政拨款收入支出总计0.3万元”; the table's 总计 is 2,961.68.
        {"error", "n-amount", "/narrative/figures/13 /tables/3/blocks/0/rows/31/values/amount"},
        // 五（二）: 一般公共服务支出 2106.66 “占71.73%” of 2940.05 (71.65%).
        {"error", "n-share", "/narrative/figures/20 /narrative/figures/19 /narrative/figures/14"},
        // 七（一）: “完成预算的0%” where the 三公 table prints no budget (notes).
        {"info", "n-completion", "/narrative/figures/59 /narrative/figures/58 /tables/6/blocks/0/rows/1/values/budget"},
        {"info", "n-completion", "/narrative/figures/61 /narrative/figures/60 /tables/6/blocks/0/rows/2/values/budget"},
    };
    auto found = findings_of(f);
    CHECK(found == expected);
    for (const auto& e : found)
        if (!expected.count(e)) MESSAGE("unexpected: " << std::get<1>(e) << " " << std::get<2>(e));
}

// True when the mutant's audit has a finding the baseline lacks that names the cell at `pointer`.
bool caught(const AuditReport& mutant, const std::multiset<std::string>& baseline, const std::string& pointer) {
    for (const auto& fd : mutant.findings) {
        if (baseline.count(fd.rule + "|" + fd.message)) continue;
        for (const auto& c : fd.cells)
            if (c.pointer == pointer) return true;
    }
    return false;
}

TEST_CASE("上海市普陀区规划和自然资源局 2024: exactly its real inconsistencies") {
    Filing f = real_filing("310107-putuo/2024/planning-and-natural-resources-bureau.json");
    std::multiset<Expected> expected = {
        // 总表 卫生健康支出 236.63 and 城乡社区支出 3845.25; 支出决算表 236.64 and 3845.24 — 0.01 万元 each: 尾差
        // (minor) since severity reflects materiality, no longer errors.
        {"minor", "x01-03", "/tables/0/blocks/1/rows/8/values/amount /tables/2/blocks/0/rows/8/values/total"},
        {"minor", "x01-03", "/tables/0/blocks/1/rows/10/values/amount /tables/2/blocks/0/rows/12/values/total"},
        // 财政拨款总表 236.63; 一般公共预算支出表 236.64 (a 尾差, as above).
        {"minor", "x04-05", "/tables/3/blocks/1/rows/8/values/general_budget /tables/4/blocks/0/rows/7/values/total"},
        // 五（一）: “占本年支出合计的 99.86%”: 9746.50 ÷ 9759.38 = 99.87% — 0.003 个百分点 beyond the rounding range
        // (a truncated last digit): a 尾差 (minor), no longer an error.
        {"minor", "n-share", "/narrative/figures/17 /narrative/figures/16 /narrative/figures/7"},
        // 五（二） states 236.63 like table 04, where table 05 prints 236.64 (already an x04-05 error): a note.
        {"info", "n-amount", "/narrative/figures/24 /tables/4/blocks/0/rows/7/values/total"},
        // 五（三）: “完成年初预算的 95.45%”: 9746.50 ÷ 10210.34 = 95.46% — a truncated last digit: 尾差 (minor).
        {"minor", "n-completion", "/narrative/figures/34 /narrative/figures/33 /narrative/figures/32"},
        // 六: 基本支出 5377.64 and 人员经费 4896.98 include non-fiscal money; tables 05/06: 5364.75 and 4884.09.
        {"error", "n-amount", "/narrative/figures/75 /tables/4/blocks/0/rows/24/values/basic"},
        {"error", "n-amount", "/narrative/figures/76 /tables/5/blocks/0/rows/65/values/amount"},
        // 七: completion of a 0.00 budget (notes).
        {"info", "n-completion", "/narrative/figures/82 /narrative/figures/81 /tables/6/blocks/0/rows/1/values/budget"},
        {"info", "n-completion", "/narrative/figures/84 /narrative/figures/83 /tables/6/blocks/0/rows/2/values/budget"},
        // 机关运行经费 142.80 against 公用经费 480.66: the department includes 事业 units, hence a warning.
        {"warning", "n-operating-cost", "/narrative/figures/123 /tables/5/blocks/0/rows/66/values/amount"},
        // 七: “比 2023 年度减少 0.15 万元，下降（增长）27.78%” — both of the template's words left in.
        {"warning", "text-template", "/narrative/sections/6/text"},
        // 十: “平均得分99.33分（其中，绩效评级为……” — the bracket is never closed (a note).
        {"info", "text-punctuation", "/narrative/sections/9/text"},
    };
    CHECK(findings_of(f) == expected);
}

TEST_CASE("中共上海市普陀区委社会工作部 2024: exactly its real inconsistencies") {
    Filing f = real_filing("310107-putuo/2024/social-work-department.json");
    std::multiset<Expected> expected = {
        // 五（二）: 住房保障支出 29.42 “占9.55%” of 307.82 (9.56%) — a truncated last digit: 尾差 (minor), no longer an error.
        {"minor", "n-share", "/narrative/figures/26 /narrative/figures/25 /narrative/figures/14"},
        // 五（三）: 年初预算 0 万元, “完成年初预算的95.89%”.
        {"error", "n-completion", "/narrative/figures/30 /narrative/figures/29 /narrative/figures/27"},
        // 一, 四, 五（一）, 十一（一）: “增长100.00%” from a prior year of 0 (a new unit): warnings.
        {"warning", "n-yoy", "/narrative/figures/13 /narrative/figures/12 /narrative/figures/11 /narrative/figures/12"},
        {"warning", "n-yoy", "/narrative/figures/17 /narrative/figures/16 /narrative/figures/14 /narrative/figures/16"},
        {"warning", "n-yoy", "/narrative/figures/69 /narrative/figures/68 /narrative/figures/67 /narrative/figures/68"},
        {"warning", "n-yoy", "/narrative/figures/2 /narrative/figures/1 /narrative/figures/0 /narrative/figures/1"},
        // 十一（二）: 21.07 awarded in reserved projects plus 21.07 in other projects, of 21.07 procurement in all.
        {"error", "n-part-whole", "/narrative/figures/76 /narrative/figures/78 /narrative/figures/70"},
        // Under 政府性基金 and 国有资本经营 tables, the template's instruction “无…的，仍保留该表格式，并在本表下方作下述
        // 说明：” printed as a note (notes).
        {"info", "text-template", "/tables/7/notes/1"},
        {"info", "text-template", "/tables/8/notes/1"},
    };
    CHECK(findings_of(f) == expected);
}

TEST_CASE("mutation: every table cell is caught when perturbed, printed or blank") {
    std::size_t total_unnoticed = 0;
    for (const char* rel : {kXiangtanFiling, kPutuoFiling, "310107-putuo/2024/planning-and-natural-resources-bureau.json",
                            "310107-putuo/2024/social-work-department.json"}) {
        Filing base = real_filing(rel);
        auto base_sig = signature(audit_filing(base));
        std::size_t perturbed = 0, blanks = 0, cells = 0;
        std::vector<std::string> unnoticed;
        for (std::size_t ti = 0; ti < base.tables.size(); ++ti)
            for (std::size_t bi = 0; bi < base.tables[ti].blocks.size(); ++bi)
                for (std::size_t ri = 0; ri < base.tables[ti].blocks[bi].rows.size(); ++ri)
                    for (std::size_t ci = 0; ci < base.tables[ti].blocks[bi].rows[ri].cells.size(); ++ci) {
                        if (cells++ % kMutationStride != 0) continue;
                        const Table& t = base.tables[ti];
                        const Block& b = t.blocks[bi];
                        const Row& r = b.rows[ri];
                        Filing mutant = base;
                        Cell& cell = mutant.tables[ti].blocks[bi].rows[ri].cells[ci];
                        bool was_blank = !cell.has_value();
                        if (was_blank) {
                            cell = parse_decimal("1.00");
                            ++blanks;
                        } else {
                            cell->micro += kMicro;  // +1.00 万元
                            cell->printed = format_micro(cell->micro, cell->decimals);
                        }
                        ++perturbed;
                        std::string pointer = t.pointer + "/blocks/" + std::to_string(bi) + "/rows/" + std::to_string(ri) + "/values/" + b.columns[ci].id;
                        if (caught(audit_filing(mutant), base_sig, pointer)) continue;
                        std::string where = std::string(table_kind_id(t.kind)) + "/" + b.id + "/" + (r.code.empty() ? r.key : r.code);
                        unnoticed.push_back(where + "/" + b.columns[ci].id + (was_blank ? " (blank)" : ""));
                        CHECK_MESSAGE(false, "perturbing " << rel << " " << pointer << " went unnoticed");
                    }
        total_unnoticed += unnoticed.size();
        std::cout << "mutation test " << rel << ": " << perturbed << " cells perturbed (" << blanks << " of them blank), "
                  << unnoticed.size() << " unnoticed:\n";
        for (const auto& u : unnoticed) std::cout << "  " << u << "\n";
        CHECK(perturbed > 300 / kMutationStride);
    }
    std::cout << "mutation test: " << total_unnoticed << " perturbed cells unnoticed in all\n";
}

// ---- Materiality, grouping and plain headlines (issue 8), on the real filings. ----

namespace {

const Finding* find_finding(const AuditReport& r, const std::string& rule, const std::string& first_pointer) {
    for (const auto& fd : r.findings)
        if (fd.rule == rule && !fd.cells.empty() && fd.cells[0].pointer == first_pointer) return &fd;
    return nullptr;
}

}  // namespace

TEST_CASE("materiality: a cent between two printed copies is a 尾差, 0.3万元 for 2,961.68 万元 is material") {
    AuditReport r = audit_filing(real_filing(kPutuoFiling));
    // 总表 prints 社会保障和就业支出 326.71, the 支出决算表 326.72 (data/310107-putuo/2024/finance-bureau.json).
    const Finding* tail = find_finding(r, "x01-03", "/tables/0/blocks/1/rows/7/values/amount");
    REQUIRE(tail);
    CHECK(tail->severity == Severity::Minor);
    CHECK(severity_label(tail->severity) == "尾差");
    CHECK(tail->difference == 10'000);  // 0.01 万元
    CHECK(tail->relative_ppm < 100);    // about 0.003% of 326.72
    // The narrative's “财政拨款收入支出总计0.3万元” against the table's 2,961.68 (the slip the brief ascribes to
    // 湘潭县 is in this 普陀区财政局 filing): material, and nearly all of the amount.
    const Finding* slip = find_finding(r, "n-amount", "/narrative/figures/13");
    REQUIRE(slip);
    CHECK(slip->severity == Severity::Error);
    CHECK(slip->difference == 2961'380'000);
    CHECK(slip->relative_ppm > 999'000);
    // Its size against the whole filing: the difference over the 总表's 本年支出合计 as printed.
    const Filing putuo = real_filing(kPutuoFiling);
    const Block* spend = putuo.table(TableKind::IncomeExpenditureSummary)->block("expenditure");
    REQUIRE(spend);
    std::optional<std::int64_t> total;
    for (const auto& row : spend->rows)
        if (row.key == "total_expenditure")
            if (auto c = spend->cell(row, "amount")) total = c->micro;
    REQUIRE(total);
    REQUIRE(slip->total_share_ppm);
    CHECK(*slip->total_share_ppm == static_cast<std::int64_t>(static_cast<Int128>(*slip->difference) * 1'000'000 / *total));
    REQUIRE(tail->total_share_ppm);
    CHECK(*tail->total_share_ppm < 10);  // a cent of some 3,000 万元
    // 71.73% where 2106.66 ÷ 2940.05 is 71.65%: 0.08 个百分点, far beyond a last digit, stays an error.
    const Finding* share = find_finding(r, "n-share", "/narrative/figures/20");
    REQUIRE(share);
    CHECK(share->severity == Severity::Error);
    // The most material finding is listed first; the report is in materiality order throughout.
    CHECK(r.findings.front().rule == "n-amount");
    for (std::size_t i = 1; i < r.findings.size(); ++i) CHECK_FALSE(more_material(r.findings[i], r.findings[i - 1]));
}

TEST_CASE("materiality: a percentage that truncates its last digit is a 尾差 (规划和自然资源局 99.86% for 99.87%)") {
    AuditReport r = audit_filing(real_filing("310107-putuo/2024/planning-and-natural-resources-bureau.json"));
    const Finding* share = find_finding(r, "n-share", "/narrative/figures/17");
    REQUIRE(share);
    CHECK(share->severity == Severity::Minor);
    CHECK(share->excess <= kTailLimit);
    // 基本支出 5377.64 against 5364.75 in the table: 12.89 万元, material.
    const Finding* basic = find_finding(r, "n-amount", "/narrative/figures/75");
    REQUIRE(basic);
    CHECK(basic->severity == Severity::Error);
    CHECK(basic->difference == 12'890'000);
}

TEST_CASE("grouping: one wrong 小计 in the 湘潭县 三公 table is the cause of five findings") {
    AuditReport r = audit_filing(real_filing(kXiangtanFiling));
    auto groups = group_findings(r);
    const FindingGroup* vehicle = nullptr;
    for (const auto& g : groups)
        if (g.cause && g.cause->pointer == "/tables/8/blocks/0/rows/2/values/actual") vehicle = &g;
    REQUIRE(vehicle);
    // 合计 25.8 ≠ 0 + 0 + 0 and 小计 0 ≠ 0 + 25.8 (t09), and three narrative mentions of 25.8 against that 0 (notes).
    CHECK(vehicle->members.size() == 5);
    std::multiset<std::string> rules;
    for (std::size_t i : vehicle->members) rules.insert(r.findings[i].rule);
    CHECK(rules == std::multiset<std::string>{"t09-three-public", "t09-three-public", "n-amount", "n-amount", "n-amount"});
    CHECK(r.findings[vehicle->members.front()].severity == Severity::Error);
    // Every display line is numbered 1..n in display order with each group kept together; a finding repeated at
    // several places of the narrative (the three mentions of 25.8) is one line, its findings share its number.
    auto number = display_numbers(groups, r.findings.size());
    std::size_t lines = 0;
    for (const auto& g : groups) lines += g.lines.size();
    CHECK(vehicle->lines.size() == 3);
    std::set<int> seen(number.begin(), number.end());
    CHECK(seen.size() == lines);
    CHECK(*seen.begin() == 1);
    CHECK(*seen.rbegin() == static_cast<int>(lines));
    for (std::size_t k = 1; k < vehicle->members.size(); ++k) {
        int step = number[vehicle->members[k]] - number[vehicle->members[k - 1]];
        CHECK((step == 0 || step == 1));
    }
    // The highlighted 小计 决算 cell links to the group's first finding.
    auto anchors = finding_anchor_by_cell(r);
    CHECK(anchors.at(cell_key("three_public", "main", "vehicle_subtotal", "actual")) ==
          "finding-" + std::to_string(number[vehicle->members.front()]));
}

TEST_CASE("grouping: a figure two findings merely compute with is no common cause (社会工作部)") {
    AuditReport r = audit_filing(real_filing("310107-putuo/2024/social-work-department.json"));
    // The 一般公共预算财政拨款支出 307.82 is the whole of the 9.55% share and the base of a “增长100%”: not grouped.
    for (const auto& g : group_findings(r)) CHECK_FALSE(g.cause.has_value());
    // 规划和自然资源局: table 05's 卫生健康支出 236.64 is named by the x04-05 尾差 and the narrative note: one group.
    AuditReport p = audit_filing(real_filing("310107-putuo/2024/planning-and-natural-resources-bureau.json"));
    int grouped = 0;
    for (const auto& g : group_findings(p))
        if (g.cause) {
            ++grouped;
            CHECK(g.cause->pointer == "/tables/4/blocks/0/rows/7/values/total");
            CHECK(g.members.size() == 2);
        }
    CHECK(grouped == 1);
}

TEST_CASE("headlines: plain words with both numbers, no rule ids; the status counts root causes") {
    for (const char* rel : {kXiangtanFiling, kPutuoFiling, "310107-putuo/2024/planning-and-natural-resources-bureau.json",
                            "310107-putuo/2024/social-work-department.json"}) {
        AuditReport r = audit_filing(real_filing(rel));
        for (const auto& fd : r.findings) {
            std::string h = finding_headline(fd);
            CHECK_FALSE(h.empty());
            for (const auto& rule : rule_catalog()) CHECK_MESSAGE(h.find(rule.id) == std::string::npos, h);
            CHECK_MESSAGE((fd.severity == Severity::Minor) == (h.find("（尾差）") != std::string::npos), h);
        }
    }
    AuditReport r = audit_filing(real_filing(kPutuoFiling));
    std::string h = finding_headline(*find_finding(r, "x01-03", "/tables/0/blocks/1/rows/7/values/amount"));
    CHECK(h.find("326.71") != std::string::npos);
    CHECK(h.find("326.72") != std::string::npos);
    CHECK(h.find("相差 0.01") != std::string::npos);
    std::string slip = finding_headline(*find_finding(r, "n-amount", "/narrative/figures/13"));
    CHECK(slip.find("0.3") != std::string::npos);
    CHECK(slip.find("2,961.68") != std::string::npos);
    // 1 narrative amount against a table, 1 share computed from stated amounts, 2 尾差 (x01-03, x04-05).
    CHECK(audit_status_text(r) == "1 处说明与表格不符，1 处说明中的数字前后不一，2 处尾差");
}

// ---- Budgets (部门预算, issue 10): the budget rules on the real budgets, each finding read from the PDF. ----

namespace {

void expect_exactly(const std::string& rel, const std::multiset<Expected>& expected) {
    CAPTURE(rel);
    auto found = findings_of(real_filing(rel));
    CHECK(found == expected);
    for (const auto& e : found)
        if (!expected.count(e)) MESSAGE("unexpected: " << std::get<0>(e) << " " << std::get<1>(e) << " " << std::get<2>(e));
    for (const auto& e : expected)
        if (!found.count(e)) MESSAGE("missed: " << std::get<0>(e) << " " << std::get<1>(e) << " " << std::get<2>(e));
}

}  // namespace

TEST_CASE("上海市普陀区财政局 2025 部门预算: exactly its real inconsistencies") {
    expect_exactly("310107-putuo/2025/finance-bureau.budget.json", {
        // 编制说明 7: 机关事业单位职业年金缴费支出 “887.36万元” (printed twice, the page repeats it); every table prints
        // 873,617.00 元 = 87.36 万元.
        {"error", "b-narrative-amount", "/narrative/figures/19 /tables/4/blocks/0/rows/10/values/total"},
        // Four items whose 万元 is truncated, not rounded: 87.70 for 877,080 元 (87.708), 78.21 for 782,164 元 (78.2164),
        // 204.91 for 2,049,197 元 (204.9197), 268.77 for 2,687,760 元 (268.776): 尾差.
        {"minor", "b-narrative-amount", "/narrative/figures/17 /tables/4/blocks/0/rows/8/values/total"},
        {"minor", "b-narrative-amount", "/narrative/figures/21 /tables/4/blocks/0/rows/14/values/total"},
        {"minor", "b-narrative-amount", "/narrative/figures/22 /tables/4/blocks/0/rows/17/values/total"},
        {"minor", "b-narrative-amount", "/narrative/figures/23 /tables/4/blocks/0/rows/18/values/total"},
    });
    // The headline quotes the table in its own unit.
    AuditReport r = audit_filing(real_filing("310107-putuo/2025/finance-bureau.budget.json"));
    std::string h = finding_headline(*find_finding(r, "b-narrative-amount", "/narrative/figures/19"));
    CHECK_MESSAGE(h.find("887.36") != std::string::npos, h);
    CHECK_MESSAGE(h.find("873,617.00\u00a0元") != std::string::npos, h);
}

TEST_CASE("上海市普陀区司法局 2026 部门预算: exactly its real inconsistencies") {
    expect_exactly("310107-putuo/2026/justice-bureau.budget.json", {
        // 12、住房公积金 “208.8万元” (= 2,087,959 元), then “2026年预算安排201.50万元，比2025年预算执行数增加5.27%”: 5.27% fits
        // 198.34 → 208.8, so 201.50 is the slip.
        {"error", "b-narrative-amount", "/narrative/figures/59 /tables/4/blocks/0/rows/19/values/total"},
        // 9、职业年金: 77.99 → 91.97 is 增加17.93%, printed 17.66% (the rate of the line above, 156.34 → 183.95).
        {"error", "b-narrative-yoy", "/narrative/figures/48 /narrative/figures/45 /narrative/figures/46"},
        // 6、其他司法支出: “2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%” —
        // from 43269.3 it is a fall of 91.11%; 17.62% fits 3269.3.
        {"error", "b-narrative-yoy", "/narrative/figures/36 /narrative/figures/33 /narrative/figures/34"},
    });
}

TEST_CASE("上海市普陀区万里街道办事处 2024 部门预算: exactly its real inconsistencies") {
    expect_exactly("310107-putuo/2024/wanli-subdistrict-office.budget.json", {
        // 31、住房公积金 “350.35万元” (= 3,503,499 元), then “2024年预算安排352.67万元，比2023年预算执行数增加0.53%”: 0.53% fits
        // 348.52 → 350.35, so 352.67 is the slip.
        {"error", "b-narrative-amount", "/narrative/figures/131 /tables/4/blocks/0/rows/62/values/total"},
        // 9、其他教育支出: “2023年当年预算执行数为0.00万元 … 增加100.00%”: a rate of nothing, by convention (a warning).
        {"warning", "b-narrative-yoy", "/narrative/figures/48 /narrative/figures/45 /narrative/figures/46"},
    });
}

TEST_CASE("江苏省委办公厅 2019 部门预算 (narrative only): exactly its real inconsistencies") {
    expect_exactly("320000-jiangsu/2019/provincial-party-committee-general-office.budget.json", {
        // 住房保障（类）3894.09万元 “与上年相比增加878.93万元，增长30%”: 878.93 on 3015.16 is 29.15%.
        {"error", "b-narrative-yoy", "/narrative/figures/21 /narrative/figures/20 /narrative/figures/19 /narrative/figures/20"},
        // 行政运行 9370.12万元 “增加1297.83万元，增长16.07%”: 16.08%, its last digit cut (尾差).
        {"minor", "b-narrative-yoy", "/narrative/figures/50 /narrative/figures/49 /narrative/figures/48 /narrative/figures/49"},
    });
}

namespace {

// The usual number of decimals a table prints (the most common among its non-zero cells; ties: the smaller), in its
// own unit (a table in 元 counts its decimals in 万元, four more than printed).
int printed_precision(const Table& t) {
    std::map<int, int> counts;
    for (const auto& b : t.blocks)
        for (const auto& r : b.rows)
            for (const auto& c : r.cells)
                if (c && c->micro != 0) ++counts[c->decimals - (t.unit == "元" ? 4 : 0)];
    int best = 2, best_count = 0;
    for (const auto& [d, n] : counts)
        if (n > best_count) best = d, best_count = n;
    return std::max(0, best);
}

struct Mutation {
    std::size_t perturbed = 0, blanks = 0;
    std::vector<std::string> unnoticed;  // "kind/block/row/column", " (blank)" for a blank cell
    std::vector<std::string> unread;     // unnoticed cells that no check reads (not in covered_cells)
};

// Perturbs every table cell of `base` (every kMutationStride-th) in turn — a printed cell by `step(table)` millionths of 万元, a blank one set
// to that amount — and lists those no new finding names.
Mutation mutate(const Filing& base, const std::function<std::int64_t(const Table&)>& step) {
    auto base_sig = signature(audit_filing(base));
    Mutation m;
    std::size_t cells = 0;
    for (std::size_t ti = 0; ti < base.tables.size(); ++ti)
        for (std::size_t bi = 0; bi < base.tables[ti].blocks.size(); ++bi)
            for (std::size_t ri = 0; ri < base.tables[ti].blocks[bi].rows.size(); ++ri)
                for (std::size_t ci = 0; ci < base.tables[ti].blocks[bi].rows[ri].cells.size(); ++ci) {
                    if (cells++ % kMutationStride != 0) continue;
                    const Table& t = base.tables[ti];
                    const Block& b = t.blocks[bi];
                    const Row& r = b.rows[ri];
                    const std::int64_t delta = step(t);
                    const int decimals = printed_precision(t) + (t.unit == "元" ? 4 : 0);
                    Filing mutant = base;
                    Cell& cell = mutant.tables[ti].blocks[bi].rows[ri].cells[ci];
                    bool was_blank = !cell.has_value();
                    if (was_blank) {
                        cell = Decimal{"1.00", delta, decimals};
                        ++m.blanks;
                    } else {
                        cell->micro += delta;
                        cell->decimals = std::max(cell->decimals, decimals);
                        cell->printed = "+1.00";
                    }
                    ++m.perturbed;
                    std::string pointer = t.pointer + "/blocks/" + std::to_string(bi) + "/rows/" + std::to_string(ri) + "/values/" + b.columns[ci].id;
                    const AuditReport report = audit_filing(mutant);
                    if (caught(report, base_sig, pointer)) continue;
                    const std::string row = r.code.empty() ? r.key : r.code;
                    std::string where = std::string(table_kind_id(t.kind)) + "/" + b.id + "/" + row + "/" + b.columns[ci].id;
                    m.unnoticed.push_back(where + (was_blank ? " (blank)" : ""));
                    if (!report.covered_cells.count(cell_key(std::string(table_kind_id(t.kind)), b.id, row, b.columns[ci].id))) m.unread.push_back(where);
                }
    return m;
}

}  // namespace

TEST_CASE("budget mutation: every table cell of the real budgets is caught when perturbed, printed or blank") {
    // “+1.00” in the unit and precision each table prints: 1.00 元 in a table printed to the 分, 1.00 万元 in the 三公 table.
    // A table printed in whole 元 (万里街道) is perturbed by as many units of its last digit (100 元): a single 元 there
    // is within the rounding of its own sums (each whole-元 amount stands for ±0.5 元), see the second part.
    auto hundred_units = [](const Table& t) {
        std::int64_t unit_micro = t.unit == "元" ? 100 : kMicro;  // 1 元 or 1 万元 in millionths of 万元
        for (int d = printed_precision(t); d < 2; ++d) unit_micro *= 10;
        return unit_micro;
    };
    std::size_t total_unnoticed = 0, total_perturbed = 0;
    for (const auto& rel : real_budget_paths()) {
        Mutation m = mutate(real_filing(rel), hundred_units);
        total_unnoticed += m.unnoticed.size();
        total_perturbed += m.perturbed;
        std::cout << "budget mutation test " << rel << ": " << m.perturbed << " cells perturbed (" << m.blanks << " of them blank), "
                  << m.unnoticed.size() << " unnoticed:\n";
        for (const auto& u : m.unnoticed) {
            std::cout << "  " << u << "\n";
            CHECK_MESSAGE(false, "perturbing " << rel << " " << u << " went unnoticed");
        }
    }
    std::cout << "budget mutation test: " << total_perturbed << " cells perturbed, " << total_unnoticed << " unnoticed in all\n";
    CHECK(total_perturbed > 1000 / kMutationStride);

    // A single 元 in the whole-元 tables of 万里街道: what rounding can explain goes unnoticed, but every such cell is
    // read by some check (a +1 元 that breaks an identity printed to the 元 exactly, such as the same line in two
    // tables, is still caught).
    Mutation m = mutate(real_filing("310107-putuo/2024/wanli-subdistrict-office.budget.json"),
                        [](const Table& t) { return t.unit == "元" ? std::int64_t{100} : kMicro; });
    std::cout << "budget mutation test, +1 元 in 万里街道's whole-元 tables: " << m.perturbed << " cells perturbed, " << m.unnoticed.size()
              << " within rounding, " << m.unread.size() << " read by no check\n";
    for (const auto& u : m.unread) CHECK_MESSAGE(false, u << " is read by no check");
    CHECK(m.unnoticed.size() < m.perturbed / 2);
}
