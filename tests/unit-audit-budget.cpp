// The budget (部门预算) rules (audit/rules_budget_*.cpp): each b- rule and x-budget-final on small hand-made
// filings that pass and fail; a budget runs the budget rules only and a 决算 none of them; tables printed in 元 are
// checked to the 分 while the narrative's 万元 keeps its own rounding; x-budget-final on a real budget against a
// 决算 built for it. (The real budgets themselves: tests/audit-real-data.cpp.)
#include <doctest/doctest.h>

#include <set>

#include "audit/audit.hpp"
#include "audit/rule_catalog.hpp"
#include "site/site.hpp"
#include "test_support.hpp"

using namespace gongkai;

namespace {

using K = TableKind;

struct RowSpec {
    std::string id;  // a code if it starts with a digit, else a key
    std::vector<std::optional<std::string>> values;
};

Table& table_of(Filing& f, K kind) {
    for (auto& t : f.tables)
        if (t.kind == kind) return t;
    f.tables.push_back({});
    Table& t = f.tables.back();
    t.kind = kind;
    t.title = std::string(standard_table_title(kind));
    t.unit = "万元";
    t.pointer = "/tables/" + std::to_string(f.tables.size() - 1);
    return t;
}

// Adds (or replaces) a block of a table, its amounts printed in `unit` ("元": converted as the decoder does —
// millionths of 万元, the printed decimals counted in 万元).
void put(Filing& f, K kind, const std::string& block, const std::vector<std::string>& columns, const std::vector<RowSpec>& rows,
         const std::string& unit = "元") {
    Table& t = table_of(f, kind);
    t.unit = unit;
    Block b;
    b.id = block;
    for (const auto& c : columns) b.columns.push_back({c, c});
    for (const auto& r : rows) {
        Row row;
        (std::isdigit(static_cast<unsigned char>(r.id[0])) ? row.code : row.key) = r.id;
        row.name = r.id;
        for (const auto& v : r.values) {
            Cell c = v ? parse_decimal(*v) : std::nullopt;
            if (c && unit == "元") c->micro /= 10'000, c->decimals += 4;
            row.cells.push_back(c);
        }
        b.rows.push_back(row);
    }
    for (auto& x : t.blocks)
        if (x.id == block) {
            x = b;
            return;
        }
    t.blocks.push_back(b);
}

void say(Filing& f, const std::string& metric, const std::string& value, const std::string& unit, const std::string& code = {},
         const std::string& direction = {}) {
    f.figures.push_back({metric, code, *parse_decimal(value), unit, direction, "四", "测试句子：" + metric + " " + value + unit});
}

Filing budget() {
    Filing f;
    f.path = "test.budget.json";
    f.kind = "预算";
    f.unit = "万元";
    f.year = 2025;
    f.county_dir = "310107-putuo";
    f.slug = "finance-bureau";
    return f;
}

std::set<std::string> failing_rules_seen;

std::set<std::string> failed(const Filing& f, const Filing* with_budget = nullptr) {
    std::set<std::string> out;
    for (const auto& fd : audit_filing(f, nullptr, nullptr, with_budget).findings)
        if (fd.severity != Severity::Info) out.insert(fd.rule);
    return out;
}

void expect_pass(const Filing& f, const std::string& rule, const Filing* with_budget = nullptr) {
    AuditReport r = audit_filing(f, nullptr, nullptr, with_budget);
    CHECK_MESSAGE(r.checks_by_rule.count(rule) == 1, rule << " did not run");
    CHECK_MESSAGE(failed(f, with_budget).count(rule) == 0, rule << " flagged a consistent filing");
}

void expect_fail(const Filing& f, const std::string& rule, const Filing* with_budget = nullptr) {
    CHECK_MESSAGE(failed(f, with_budget).count(rule) == 1, rule << " missed an inconsistency");
    failing_rules_seen.insert(rule);
}

// A small, consistent Shanghai-style budget in 元 (三公 table in 万元): 3,000,000.50 元 of general-budget money,
// 201 (basic and project) and 208 (basic).
Filing consistent() {
    Filing f = budget();
    put(f, K::BudgetSummary, "income", {"amount"},
        {{"fiscal", {"3,000,000.50"}}, {"general_budget", {"3,000,000.50"}}, {"government_fund", {std::nullopt}}, {"business", {std::nullopt}},
         {"blank", {std::nullopt}}, {"grand_total", {"3,000,000.50"}}});
    put(f, K::BudgetSummary, "expenditure", {"amount"},
        {{"201", {"2,000,000.50"}}, {"208", {"1,000,000.00"}}, {"blank", {std::nullopt}}, {"grand_total", {"3,000,000.50"}}});
    const std::vector<RowSpec> lines = {{"201", {"2,000,000.50"}}, {"20106", {"2,000,000.50"}}, {"2010601", {"1,500,000.50"}},
                                        {"2010602", {"500,000.00"}}, {"208", {"1,000,000.00"}}, {"20805", {"1,000,000.00"}},
                                        {"2080505", {"1,000,000.00"}}, {"total", {"3,000,000.50"}}};
    std::vector<RowSpec> income;
    for (const auto& l : lines) income.push_back({l.id, {l.values[0], l.values[0], std::nullopt}});
    put(f, K::BudgetIncome, "main", {"total", "fiscal", "business"}, income);
    const std::vector<RowSpec> spending = {{"201", {"2,000,000.50", "1,500,000.50", "500,000.00"}},
                                           {"20106", {"2,000,000.50", "1,500,000.50", "500,000.00"}},
                                           {"2010601", {"1,500,000.50", "1,500,000.50", std::nullopt}},
                                           {"2010602", {"500,000.00", std::nullopt, "500,000.00"}},
                                           {"208", {"1,000,000.00", "1,000,000.00", std::nullopt}},
                                           {"20805", {"1,000,000.00", "1,000,000.00", std::nullopt}},
                                           {"2080505", {"1,000,000.00", "1,000,000.00", std::nullopt}},
                                           {"total", {"3,000,000.50", "2,500,000.50", "500,000.00"}}};
    put(f, K::BudgetExpenditure, "main", {"total", "basic", "project"}, spending);
    put(f, K::BudgetGeneralFunction, "main", {"total", "basic", "project"}, spending);
    put(f, K::BudgetFiscalSummary, "income", {"amount"},
        {{"general_budget", {"3,000,000.50"}}, {"government_fund", {std::nullopt}}, {"grand_total", {"3,000,000.50"}}});
    put(f, K::BudgetFiscalSummary, "expenditure", {"total", "general_budget", "government_fund"},
        {{"201", {"2,000,000.50", "2,000,000.50", std::nullopt}},
         {"208", {"1,000,000.00", "1,000,000.00", std::nullopt}},
         {"grand_total", {"3,000,000.50", "3,000,000.50", std::nullopt}}});
    put(f, K::BudgetGovernmentFund, "main", {"total", "basic", "project"}, {{"total", {std::nullopt, std::nullopt, std::nullopt}}});
    put(f, K::BudgetBasicEconomic, "main", {"total", "personnel", "public"},
        {{"301", {"2,200,000.00", "2,200,000.00", "0.00"}},
         {"30101", {"2,200,000.00", "2,200,000.00", "0.00"}},
         {"302", {"300,000.50", "0.00", "300,000.50"}},
         {"30201", {"290,500.50", "0.00", "290,500.50"}},
         {"30217", {"9,500.00", "0.00", "9,500.00"}},
         {"total", {"2,500,000.50", "2,200,000.00", "300,000.50"}}});
    put(f, K::BudgetThreePublic, "main", {"budget"},
        {{"total", {"0.95"}}, {"abroad", {"0"}}, {"reception", {"0.95"}}, {"vehicle_subtotal", {std::nullopt}},
         {"vehicle_purchase", {std::nullopt}}, {"vehicle_operation", {std::nullopt}}, {"operating_cost", {"30.00"}}},
        "万元");
    say(f, "income.total", "300.00", "万元");
    say(f, "gb.total", "300.00", "万元");
    say(f, "gb.item.amount", "150.00", "万元", "2010601");
    say(f, "three_public.total.budget", "0.95", "万元");
    say(f, "three_public.reception.budget", "0.95", "万元");
    say(f, "operating_cost.amount", "30.00", "万元");
    return f;
}

// Sets one cell (by table, block, row id and column) to `value` as printed in that table's unit.
void set(Filing& f, K kind, const std::string& block, const std::string& row, const std::string& column, std::optional<std::string> value) {
    Table& t = table_of(f, kind);
    for (auto& b : t.blocks) {
        if (b.id != block) continue;
        int ci = b.column_index(column);
        REQUIRE(ci >= 0);
        for (auto& r : b.rows)
            if (r.code == row || (r.code.empty() && r.key == row)) {
                Cell c = value ? parse_decimal(*value) : std::nullopt;
                if (c && t.unit == "元") c->micro /= 10'000, c->decimals += 4;
                r.cells[static_cast<std::size_t>(ci)] = c;
                return;
            }
    }
    FAIL("no cell " << row << "/" << column);
}

}  // namespace

TEST_CASE("a consistent budget passes every budget table rule, and a budget runs the budget rules only") {
    Filing f = consistent();
    for (const char* rule : {"b-summary", "b-income-rows", "b-expenditure-rows", "b-function-hierarchy", "b-fiscal-summary", "b-economic",
                             "b-three-public", "b-summary-income", "b-summary-expenditure", "b-fiscal-function", "b-basic-economic",
                             "b-income-expenditure", "b-economic-three-public", "b-narrative-amount"})
        expect_pass(f, rule);
    AuditReport r = audit_filing(f);
    CHECK(r.findings.empty());
    for (const auto& checked : r.checks_by_rule) CHECK_MESSAGE(checked.first.rfind("b-", 0) == 0, checked.first << " ran on a budget");
    // A budget is not a 决算 missing its nine tables.
    CHECK(r.checks_by_rule.count("s-table-absent") == 0);
}

TEST_CASE("budget table rules: totals, rows and hierarchies fail to the 分 in tables printed in 元") {
    SUBCASE("b-summary") {
        Filing f = consistent();
        set(f, K::BudgetSummary, "expenditure", "grand_total", "amount", "3,000,000.51");  // one 分 off
        expect_fail(f, "b-summary");
        f = consistent();
        set(f, K::BudgetSummary, "income", "business", "amount", "1.00");  // a printed income beside the total
        expect_fail(f, "b-summary");
        f = consistent();
        set(f, K::BudgetSummary, "income", "government_fund", "amount", "5.00");  // 财政拨款 ≠ its three funds
        expect_fail(f, "b-summary");
    }
    SUBCASE("b-income-rows") {
        Filing f = consistent();
        set(f, K::BudgetIncome, "main", "2010602", "business", "10.00");
        expect_fail(f, "b-income-rows");
    }
    SUBCASE("b-expenditure-rows") {
        Filing f = consistent();
        set(f, K::BudgetGeneralFunction, "main", "2010601", "project", "0.01");
        expect_fail(f, "b-expenditure-rows");
    }
    SUBCASE("b-function-hierarchy") {
        Filing f = consistent();
        set(f, K::BudgetExpenditure, "main", "20106", "total", "2,000,001.50");
        expect_fail(f, "b-function-hierarchy");
    }
    SUBCASE("b-fiscal-summary") {
        Filing f = consistent();
        set(f, K::BudgetFiscalSummary, "expenditure", "208", "government_fund", "1.00");
        expect_fail(f, "b-fiscal-summary");
        f = consistent();
        set(f, K::BudgetFiscalSummary, "income", "grand_total", "amount", "3,000,001.50");
        expect_fail(f, "b-fiscal-summary");
    }
    SUBCASE("b-economic") {
        Filing f = consistent();
        set(f, K::BudgetBasicEconomic, "main", "30101", "public", "1.00");  // 合计 ≠ 人员 + 公用
        expect_fail(f, "b-economic");
        f = consistent();
        set(f, K::BudgetBasicEconomic, "main", "30201", "total", "290,501.50");
        set(f, K::BudgetBasicEconomic, "main", "30201", "public", "290,501.50");  // 302 ≠ Σ款
        expect_fail(f, "b-economic");
    }
    SUBCASE("b-three-public") {
        Filing f = consistent();
        set(f, K::BudgetThreePublic, "main", "abroad", "budget", "0.10");
        expect_fail(f, "b-three-public");
        f = consistent();
        set(f, K::BudgetThreePublic, "main", "vehicle_purchase", "budget", "2.00");
        set(f, K::BudgetThreePublic, "main", "vehicle_subtotal", "budget", "0");
        expect_fail(f, "b-three-public");
    }
    SUBCASE("b-procurement") {
        Filing f = budget();
        put(f, K::BudgetProcurement, "main", {"total", "goods", "works", "services"},
            {{"item", {"10.00", "10.00", std::nullopt, std::nullopt}}, {"item", {"5.00", std::nullopt, std::nullopt, "5.00"}},
             {"total", {"15.00", "10.00", std::nullopt, "5.00"}}},
            "万元");
        expect_pass(f, "b-procurement");
        set(f, K::BudgetProcurement, "main", "total", "services", "6.00");
        expect_fail(f, "b-procurement");
    }
}

TEST_CASE("budget rules across tables: the same figure in two budget tables") {
    SUBCASE("b-summary-income") {
        Filing f = consistent();
        set(f, K::BudgetIncome, "main", "total", "total", "3,000,000.00");
        expect_fail(f, "b-summary-income");
    }
    SUBCASE("b-summary-expenditure") {
        Filing f = consistent();
        set(f, K::BudgetSummary, "expenditure", "201", "amount", "2,000,000.00");
        set(f, K::BudgetSummary, "expenditure", "blank", "amount", "0.50");  // the summary still adds up
        expect_fail(f, "b-summary-expenditure");
        CHECK(failed(f).count("b-summary") == 0);
    }
    SUBCASE("b-fiscal-function") {
        Filing f = consistent();
        set(f, K::BudgetFiscalSummary, "expenditure", "201", "general_budget", std::nullopt);
        set(f, K::BudgetFiscalSummary, "expenditure", "201", "government_fund", "2,000,000.50");  // booked under the wrong fund
        expect_fail(f, "b-fiscal-function");
        CHECK(failed(f).count("b-fiscal-summary") == 1);  // the column totals no longer hold either
    }
    SUBCASE("b-basic-economic") {
        Filing f = consistent();
        set(f, K::BudgetBasicEconomic, "main", "total", "total", "2,500,100.50");
        set(f, K::BudgetBasicEconomic, "main", "total", "personnel", "2,200,100.00");
        expect_fail(f, "b-basic-economic");
    }
    SUBCASE("b-income-expenditure") {
        Filing f = consistent();
        for (const char* col : {"total", "fiscal"}) {
            set(f, K::BudgetIncome, "main", "2010601", col, "1,400,000.50");
            set(f, K::BudgetIncome, "main", "2010602", col, "600,000.00");
        }
        expect_fail(f, "b-income-expenditure");
        CHECK(failed(f).count("b-income-rows") == 0);
        CHECK(failed(f).count("b-function-hierarchy") == 0);
    }
    SUBCASE("b-economic-three-public") {
        Filing f = consistent();
        set(f, K::BudgetThreePublic, "main", "reception", "budget", "0.90");
        set(f, K::BudgetThreePublic, "main", "total", "budget", "0.90");
        expect_fail(f, "b-economic-three-public");  // 30217 of 9,500 元 against a 接待费 of 0.90 万元
        f = consistent();
        set(f, K::BudgetThreePublic, "main", "operating_cost", "budget", "31.00");  // 机关运行经费 above the 公用经费 30.00005
        expect_fail(f, "b-economic-three-public");
    }
}

TEST_CASE("budget narrative: 万元 against 元 tables within the narrative's rounding") {
    Filing f = budget();
    put(f, K::BudgetIncome, "main", {"total", "fiscal"}, {{"total", {"31,214,205.80", "31,214,205.80"}}});
    put(f, K::BudgetGeneralFunction, "main", {"total", "basic", "project"}, {{"2080599", {"9,620.00", "9,620.00", std::nullopt}}});
    say(f, "income.total", "3,121.42", "万元");        // 31,214,205.80 元 = 3121.42 万元
    say(f, "gb.item.amount", "0.96", "万元", "2080599");  // 9,620 元 = 0.962 万元
    expect_pass(f, "b-narrative-amount");
    Filing g = f;
    g.figures[0].value = *parse_decimal("3,121.43");
    expect_fail(g, "b-narrative-amount");
    // A cent of 万元 the narrative truncated rather than rounded (普陀区财政局 2025: 87.70 for 877,080 元) is a 尾差.
    g = f;
    g.figures[1].value = *parse_decimal("0.95");
    AuditReport r = audit_filing(g);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == "b-narrative-amount");
    CHECK(r.findings[0].severity == Severity::Minor);
    // Messages keep the 元 of the table.
    CHECK(r.findings[0].message.find("9,620.00元") != std::string::npos);
}

TEST_CASE("b-narrative-amount: 三公 and 机关运行经费 against the 三公 budget table; b-narrative-unit") {
    Filing f = consistent();
    expect_pass(f, "b-narrative-amount");
    Filing g = f;
    g.figures[5].value = *parse_decimal("32.00");  // 机关运行经费
    expect_fail(g, "b-narrative-amount");
    g = f;
    g.figures[3].unit = "元";  // “三公”经费 0.95元
    expect_fail(g, "b-narrative-unit");
    // The same slip stated twice (普陀区财政局 2025 prints the paragraph twice) is two errors of the narrative, not a
    // narrative error and a note that the cell is in doubt: a narrative finding never puts its table cell in doubt.
    g = f;
    g.figures[5].value = *parse_decimal("32.00");
    g.figures.push_back(g.figures[5]);
    int errors = 0;
    for (const auto& fd : audit_filing(g).findings) errors += fd.rule == "b-narrative-amount" && fd.severity == Severity::Error;
    CHECK(errors == 2);
    // A cell a table rule finds wrong: the narrative that disagrees with it is only noted.
    g = f;
    set(g, K::BudgetThreePublic, "main", "operating_cost", "budget", "31.00");
    bool noted = false;
    for (const auto& fd : audit_filing(g).findings) noted = noted || (fd.rule == "b-narrative-amount" && fd.severity == Severity::Info);
    CHECK(noted);
    g = f;
    g.figures[4].value = *parse_decimal("9,500");  // 公务接待费 9,500 元: a real 元 amount, 0.95 万元
    g.figures[4].unit = "元";
    expect_pass(g, "b-narrative-unit");
    expect_pass(g, "b-narrative-amount");
}

TEST_CASE("b-narrative-share, b-narrative-yoy, b-narrative-parts") {
    Filing f = budget();
    say(f, "expenditure.total", "200.00", "万元");
    say(f, "expenditure.basic.amount", "150.00", "万元");
    say(f, "expenditure.basic.share", "75.00", "%");
    say(f, "gb.item.amount", "91.97", "万元", "2080506");
    say(f, "gb.item.prior", "77.99", "万元", "2080506");
    say(f, "gb.item.yoy_pct", "17.93", "%", "2080506", "增加");
    say(f, "procurement.total", "117.00", "万元");
    say(f, "procurement.goods", "17.00", "万元");
    say(f, "procurement.works", "0", "万元");
    say(f, "procurement.services", "100.00", "万元");
    say(f, "three_public.total.budget", "10.81", "万元");
    say(f, "three_public.abroad.budget", "0", "万元");
    say(f, "three_public.vehicle.budget", "9.98", "万元");
    say(f, "three_public.reception.budget", "0.83", "万元");
    for (const char* rule : {"b-narrative-share", "b-narrative-yoy", "b-narrative-parts"}) expect_pass(f, rule);

    Filing g = f;
    g.figures[2].value = *parse_decimal("70.00");
    expect_fail(g, "b-narrative-share");

    g = f;
    g.figures[5].value = *parse_decimal("17.66");  // 司法局 2026: 77.99 → 91.97 is 17.93%, printed 17.66%
    expect_fail(g, "b-narrative-yoy");
    g = f;
    g.figures[4].value = *parse_decimal("107.99");  // 上年 above this year's, yet “增加”
    expect_fail(g, "b-narrative-yoy");
    bool worded = false;
    for (const auto& fd : audit_filing(g).findings) worded = worded || (fd.rule == "b-narrative-yoy" && fd.message.find("减少") != std::string::npos);
    CHECK(worded);
    // Without a stated prior: the rate against the stated change (上年 = 本年 − 增减额).
    Filing h = budget();
    say(h, "gb.total", "110.00", "万元");
    say(h, "gb.yoy_change", "10.00", "万元", {}, "增加");
    say(h, "gb.yoy_pct", "10.00", "%", {}, "增加");
    expect_pass(h, "b-narrative-yoy");
    h.figures[2].value = *parse_decimal("9.00");
    expect_fail(h, "b-narrative-yoy");

    g = f;
    g.figures[6].value = *parse_decimal("118.00");
    expect_fail(g, "b-narrative-parts");
    g = f;
    g.figures[10].value = *parse_decimal("10.70");
    expect_fail(g, "b-narrative-parts");
}

namespace {

// A 决算 of 2025 for the department of consistent(): its narrative and 三公 table restate the budget.
Filing final_accounts() {
    Filing f;
    f.path = "test.json";
    f.kind = "决算";
    f.unit = "万元";
    f.year = 2025;
    f.county_dir = "310107-putuo";
    f.slug = "finance-bureau";
    say(f, "gb.budget", "300.00", "万元");
    say(f, "gb.item.budget", "150.00", "万元", "2010601");
    say(f, "three_public.reception.budget", "0.95", "万元");
    Table& t = table_of(f, K::ThreePublic);
    t.title = "财政拨款“三公”经费支出决算表";
    put(f, K::ThreePublic, "main", {"budget", "actual"},
        {{"total", {"0.95", "0.50"}}, {"abroad", {"0", "0"}}, {"vehicle_subtotal", {std::nullopt, std::nullopt}},
         {"vehicle_purchase", {std::nullopt, std::nullopt}}, {"vehicle_operation", {std::nullopt, std::nullopt}}, {"reception", {"0.95", "0.50"}}},
        "万元");
    return f;
}

}  // namespace

TEST_CASE("x-budget-final: the 决算's 年初预算 against the same year's budget") {
    const Filing b = consistent();
    Filing f = final_accounts();
    expect_pass(f, "x-budget-final", &b);
    CHECK(audit_filing(f).checks_by_rule.count("x-budget-final") == 0);  // no budget: nothing to compare
    for (const auto& [rule, n] : audit_filing(f, nullptr, nullptr, &b).checks_by_rule) CHECK(rule.rfind("b-", 0) != 0);

    Filing g = f;
    g.figures[0].value = *parse_decimal("310.00");  // gb.budget
    expect_fail(g, "x-budget-final", &b);
    g = f;
    g.figures[1].code = "2010699";  // an item the budget does not have
    expect_fail(g, "x-budget-final", &b);
    g = f;
    set(g, K::ThreePublic, "main", "total", "budget", "1.95");  // the 三公 table's 预算数
    expect_fail(g, "x-budget-final", &b);
    // The budget's cells are named as such, in the budget's file.
    for (const auto& fd : audit_filing(g, nullptr, nullptr, &b).findings)
        if (fd.rule == "x-budget-final") {
            CHECK(fd.severity == Severity::Warning);
            REQUIRE(fd.cells.size() == 2);
            CHECK(fd.cells[1].pointer.rfind("310107-putuo/2025/finance-bureau.budget.json#/tables/", 0) == 0);
            CHECK(fd.cells[1].table == "budget/budget_three_public");
        }
    // Another year's or another department's budget is not compared.
    Filing other = b;
    other.year = 2026;
    CHECK(audit_filing(g, nullptr, nullptr, &other).checks_by_rule.count("x-budget-final") == 0);
    other = b;
    other.slug = "justice-bureau";
    CHECK(audit_filing(g, nullptr, nullptr, &other).checks_by_rule.count("x-budget-final") == 0);
}

TEST_CASE("x-budget-final on the real 普陀区财政局 2025 budget, against a 2025 决算 built for it") {
    const Filing b = test::real_filing("310107-putuo/2025/finance-bureau.budget.json");
    Filing f = final_accounts();
    f.figures.clear();
    say(f, "gb.budget", "3121.42", "万元");                      // 31,214,205.80 元
    say(f, "gb.item.budget", "1623.18", "万元", "2010601");       // 16,231,840.80 元
    say(f, "gb.item.budget", "87.36", "万元", "2080506");         // 873,617.00 元
    say(f, "three_public.reception.budget", "0.95", "万元");
    say(f, "three_public.total.budget", "0.95", "万元");
    expect_pass(f, "x-budget-final", &b);
    // Five stated figures and the six rows of the 三公 table's 预算数 (blank against blank included).
    CHECK(audit_filing(f, nullptr, nullptr, &b).checks_by_rule.at("x-budget-final") == 11);
    f.figures[2].value = *parse_decimal("887.36");  // the budget's own narrative slip, carried into the 决算
    expect_fail(f, "x-budget-final", &b);
}

TEST_CASE("every budget rule of the catalog has a failing case above") {
    std::size_t budget_rules = 0;
    for (const auto& r : rule_catalog()) {
        if (r.id.rfind("b-", 0) != 0 && r.id != "x-budget-final") continue;
        ++budget_rules;
        CHECK_MESSAGE(failing_rules_seen.count(r.id) == 1, "no failing test case for budget rule " << r.id);
    }
    CHECK(budget_rules == 20);
    CHECK_FALSE(rule_compares_amounts("b-narrative-unit"));
    CHECK(rule_compares_amounts("b-narrative-amount"));
}

TEST_CASE("the site audits every budget and pairs each 决算 with its department's budget of the same year") {
    test::TempDir d;
    test::copy_real_data(d / "data");
    // A 2025 决算 for 普陀区财政局 (its 2024 one, moved a year on), beside the real 2025 budget.
    std::string out;
    test::run_command("cp " + (d / "data/310107-putuo/2024/finance-bureau.json") + " " + (d / "data/310107-putuo/2025/finance-bureau.json"), out);
    test::edit_json(d / "data/310107-putuo/2025/finance-bureau.json", [](nlohmann::json& j) { j["year"] = 2025; });
    Site site(test::options_for(d / "data", d / "site"));
    site.check();
    REQUIRE(site.budget_audits().size() == site.budgets().size());
    REQUIRE(site.budgets().size() == test::real_budget_paths().size());
    for (std::size_t i = 0; i < site.budgets().size(); ++i) {
        CAPTURE(site.budgets()[i].path);
        CHECK(site.budget_audits()[i].findings.size() == audit_filing(site.budgets()[i]).findings.size());
        for (const auto& [rule, n] : site.budget_audits()[i].checks_by_rule) CHECK(rule.rfind("b-", 0) == 0);
    }
    bool paired = false;
    for (std::size_t i = 0; i < site.filings().size(); ++i) {
        const Filing& f = site.filings()[i];
        const bool has_budget = f.slug == "finance-bureau" && f.year == 2025;
        CAPTURE(f.path);
        CHECK((site.audits()[i].checks_by_rule.count("x-budget-final") == 1) == has_budget);
        if (!has_budget) continue;
        // The 2024 决算's 年初预算 (一般公共预算 2993.92, 行政运行 1560.05 …) are not the 2025 budget's: warnings, each
        // naming the budget's cell in the budget's file.
        for (const auto& fd : site.audits()[i].findings) {
            if (fd.rule != "x-budget-final") continue;
            paired = true;
            CHECK(fd.severity == Severity::Warning);
            CHECK(fd.cells.back().pointer.rfind("310107-putuo/2025/finance-bureau.budget.json#/tables/", 0) == 0);
        }
    }
    CHECK(paired);
}
