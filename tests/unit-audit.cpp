// The audit rules (audit/): every rule with a small hand-made filing that passes and one that fails,
// the rounding tolerance that must never flag what rounding explains, and how findings are sized (尾差 or
// error), ordered, grouped by root cause and headlined for citizens.
#include <doctest/doctest.h>

#include <set>
#include <stdexcept>

#include "audit/audit.hpp"
#include "audit/grouping.hpp"
#include "audit/rule_catalog.hpp"
#include "render/view_audit.hpp"
#include "validate/decode_filing.hpp"
#include "test_support.hpp"

using namespace gongkai;
using nlohmann::json;

namespace {

using K = TableKind;

struct RowSpec {
    std::string id;  // a code if it starts with a digit, else a key
    std::vector<std::optional<std::string>> values;
    std::string name = "";
};

// Adds (or replaces) a block of a table in a hand-made filing.
void put(Filing& f, K kind, const std::string& block, const std::vector<std::string>& columns, const std::vector<RowSpec>& rows) {
    Table* t = nullptr;
    for (auto& x : f.tables)
        if (x.kind == kind) t = &x;
    if (!t) {
        f.tables.push_back({});
        t = &f.tables.back();
        t->kind = kind;
        t->title = std::string(table_kind_id(kind));
        t->pointer = "/tables/" + std::to_string(f.tables.size() - 1);
    }
    Block b;
    b.id = block;
    for (const auto& c : columns) b.columns.push_back({c, c});
    for (const auto& r : rows) {
        Row row;
        (std::isdigit(static_cast<unsigned char>(r.id[0])) ? row.code : row.key) = r.id;
        row.name = r.name.empty() ? r.id : r.name;
        for (const auto& v : r.values) row.cells.push_back(v ? parse_decimal(*v) : std::nullopt);
        b.rows.push_back(row);
    }
    for (auto& x : t->blocks)
        if (x.id == block) {
            x = b;
            return;
        }
    t->blocks.push_back(b);
}

void say(Filing& f, const std::string& metric, const std::string& value, const std::string& unit, const std::string& code = {},
         const std::string& direction = {}) {
    f.figures.push_back({metric, code, *parse_decimal(value), unit, direction, "一", "测试句子：" + metric + " " + value + unit});
}

Filing blank() {
    Filing f;
    f.path = "test.json";
    f.kind = "决算";
    f.unit = "万元";
    return f;
}

std::set<std::string> failing_rules_seen;

// The rules with at least one finding of error or warning severity.
std::set<std::string> failed(const Filing& f) {
    std::set<std::string> out;
    for (const auto& fd : audit_filing(f).findings)
        if (fd.severity != Severity::Info) out.insert(fd.rule);
    return out;
}

void expect_pass(const Filing& f, const std::string& rule) {
    AuditReport r = audit_filing(f);
    CHECK_MESSAGE(r.checks_by_rule.count(rule) == 1, rule << " did not run");
    CHECK_MESSAGE(failed(f).count(rule) == 0, rule << " flagged a consistent filing");
}

void expect_fail(const Filing& f, const std::string& rule) {
    CHECK_MESSAGE(failed(f).count(rule) == 1, rule << " missed an inconsistency");
    failing_rules_seen.insert(rule);
}

}  // namespace

TEST_CASE("rounding: differences that rounding explains are never flagged") {
    Filing f = blank();
    // 0.33 + 0.33 + 0.33 = 0.99 against a printed total of 1.00: three rounded parts and a rounded total
    // allow up to ±0.02.
    put(f, K::GeneralBudgetExpenditure, "main", {"total", "basic", "project"},
        {{"total", {"1.00", "0.99", std::nullopt}}, {"201", {"0.33", "0.33", std::nullopt}}, {"208", {"0.33", "0.33", std::nullopt}},
         {"221", {"0.33", "0.33", std::nullopt}}});
    expect_pass(f, "function-hierarchy");
    put(f, K::GeneralBudgetExpenditure, "main", {"total", "basic", "project"},
        {{"total", {"1.03", "1.03", std::nullopt}}, {"201", {"0.33", "0.33", std::nullopt}}, {"208", {"0.33", "0.33", std::nullopt}},
         {"221", {"0.33", "0.33", std::nullopt}}});
    expect_fail(f, "function-hierarchy");
}

TEST_CASE("t01: income total, expenditure total, grand totals") {
    Filing f = blank();
    put(f, K::IncomeExpenditureSummary, "income", {"amount"},
        {{"general_budget", {"100.00"}}, {"other", {"5.00"}}, {"total_income", {"105.00"}}, {"opening_balance", {"10.00"}},
         {"grand_total", {"115.00"}}});
    put(f, K::IncomeExpenditureSummary, "expenditure", {"amount"},
        {{"201", {"60.00"}}, {"208", {"40.00"}}, {"total_expenditure", {"100.00"}}, {"closing_balance", {"15.00"}}, {"grand_total", {"115.00"}}});
    expect_pass(f, "t01-income-total");
    expect_pass(f, "t01-expenditure-total");
    expect_pass(f, "t01-grand-totals");
    Filing g = f;
    put(g, K::IncomeExpenditureSummary, "income", {"amount"},
        {{"general_budget", {"100.00"}}, {"other", {"5.00"}}, {"total_income", {"106.00"}}, {"opening_balance", {"10.00"}},
         {"grand_total", {"115.00"}}});
    expect_fail(g, "t01-income-total");
    expect_fail(g, "t01-grand-totals");
    g = f;
    put(g, K::IncomeExpenditureSummary, "expenditure", {"amount"},
        {{"201", {"60.00"}}, {"208", {"41.00"}}, {"total_expenditure", {"100.00"}}, {"closing_balance", {"15.00"}}, {"grand_total", {"115.00"}}});
    expect_fail(g, "t01-expenditure-total");
}

TEST_CASE("t02, t03, t05: row identities") {
    Filing f = blank();
    put(f, K::Income, "main", {"total", "fiscal", "other"}, {{"total", {"105.00", "100.00", "5.00"}}, {"201", {"105.00", "100.00", "5.00"}}});
    put(f, K::Expenditure, "main", {"total", "basic", "project"}, {{"total", {"100.00", "70.00", "30.00"}}, {"201", {"100.00", "70.00", "30.00"}}});
    put(f, K::GeneralBudgetExpenditure, "main", {"total", "basic", "project"}, {{"total", {"100.00", "70.00", "30.00"}}, {"201", {"100.00", "70.00", "30.00"}}});
    for (const char* r : {"t02-row-sum", "t03-row-sum", "t05-row-sum"}) expect_pass(f, r);
    Filing g = f;
    put(g, K::Income, "main", {"total", "fiscal", "other"}, {{"total", {"105.00", "100.00", "5.00"}}, {"201", {"105.00", "100.00", "6.00"}}});
    expect_fail(g, "t02-row-sum");
    g = f;
    put(g, K::Expenditure, "main", {"total", "basic", "project"}, {{"total", {"100.00", "70.00", "30.00"}}, {"201", {"100.00", "71.00", "30.00"}}});
    expect_fail(g, "t03-row-sum");
    g = f;
    put(g, K::GeneralBudgetExpenditure, "main", {"total", "basic", "project"}, {{"total", {"100.00", "70.00", "31.00"}}, {"201", {"100.00", "70.00", "30.00"}}});
    expect_fail(g, "t05-row-sum");
}

TEST_CASE("function-hierarchy: 类 = Σ款, 款 = Σ项") {
    Filing f = blank();
    put(f, K::Expenditure, "main", {"total"},
        {{"total", {"30.00"}}, {"201", {"30.00"}}, {"20103", {"30.00"}}, {"2010301", {"20.00"}}, {"2010302", {"10.00"}}});
    expect_pass(f, "function-hierarchy");
    put(f, K::Expenditure, "main", {"total"},
        {{"total", {"30.00"}}, {"201", {"30.00"}}, {"20103", {"30.00"}}, {"2010301", {"20.00"}}, {"2010302", {"11.00"}}});
    expect_fail(f, "function-hierarchy");
}

TEST_CASE("t04: rows, columns and totals of the fiscal summary") {
    Filing f = blank();
    put(f, K::FiscalSummary, "income", {"amount"},
        {{"general_budget", {"100.00"}}, {"total_income", {"100.00"}}, {"opening_balance", {"5.00"}}, {"opening_general_budget", {"5.00"}},
         {"grand_total", {"105.00"}}});
    put(f, K::FiscalSummary, "expenditure", {"total", "general_budget"},
        {{"201", {"100.00", "100.00"}}, {"total_expenditure", {"100.00", "100.00"}}, {"closing_balance", {"5.00", "5.00"}},
         {"grand_total", {"105.00", "105.00"}}});
    expect_pass(f, "t04-sums");
    put(f, K::FiscalSummary, "expenditure", {"total", "general_budget"},
        {{"201", {"100.00", "99.00"}}, {"total_expenditure", {"100.00", "100.00"}}, {"closing_balance", {"5.00", "5.00"}},
         {"grand_total", {"105.00", "105.00"}}});
    expect_fail(f, "t04-sums");
}

TEST_CASE("t06: economic hierarchy, personnel and public funds; x05-06") {
    Filing f = blank();
    put(f, K::BasicExpenditure, "main", {"amount"},
        {{"301", {"80.00"}}, {"30101", {"50.00"}}, {"30102", {"30.00"}}, {"302", {"15.00"}}, {"30201", {"15.00"}},
         {"303", {"5.00"}}, {"30305", {"5.00"}}, {"personnel_total", {"85.00"}}, {"public_total", {"15.00"}}});
    put(f, K::GeneralBudgetExpenditure, "main", {"total", "basic", "project"}, {{"total", {"100.00", "100.00", std::nullopt}}});
    expect_pass(f, "t06-economic-hierarchy");
    expect_pass(f, "t06-personnel-public");
    expect_pass(f, "x05-06");
    Filing g = f;
    put(g, K::BasicExpenditure, "main", {"amount"},
        {{"301", {"81.00"}}, {"30101", {"50.00"}}, {"30102", {"30.00"}}, {"302", {"15.00"}}, {"30201", {"15.00"}},
         {"303", {"5.00"}}, {"30305", {"5.00"}}, {"personnel_total", {"85.00"}}, {"public_total", {"16.00"}}});
    expect_fail(g, "t06-economic-hierarchy");
    expect_fail(g, "t06-personnel-public");
    expect_fail(g, "x05-06");
}

TEST_CASE("t09: 三公 total and vehicle subtotal, budget and actual") {
    Filing f = blank();
    put(f, K::ThreePublic, "main", {"budget", "actual"},
        {{"total", {"10.00", "8.00"}}, {"abroad", {"0", "0"}}, {"vehicle_subtotal", {"6.00", "5.00"}}, {"vehicle_purchase", {"0", "0"}},
         {"vehicle_operation", {"6.00", "5.00"}}, {"reception", {"4.00", "3.00"}}});
    expect_pass(f, "t09-three-public");
    put(f, K::ThreePublic, "main", {"budget", "actual"},
        {{"total", {"10.00", "8.00"}}, {"abroad", {"0", "0"}}, {"vehicle_subtotal", {"6.00", "0"}}, {"vehicle_purchase", {"0", "0"}},
         {"vehicle_operation", {"6.00", "5.00"}}, {"reception", {"4.00", "3.00"}}});
    expect_fail(f, "t09-three-public");
}

TEST_CASE("x06-09: table 06's 三公 items are parts of the 三公 table's 决算, never more") {
    // put() replaces a whole block: the four items of table 06, and the 三公 table's six rows (决算 given).
    auto items = [](std::optional<std::string> abroad, std::optional<std::string> reception, std::optional<std::string> operation,
                    std::optional<std::string> purchase) {
        return std::vector<RowSpec>{{"30212", {abroad}}, {"30217", {reception}}, {"30231", {operation}}, {"31013", {purchase}}};
    };
    const std::vector<RowSpec> three = {
        {"total", {"20.00", "16.00"}}, {"abroad", {"5.00", "4.00"}}, {"vehicle_subtotal", {"10.00", "9.00"}},
        {"vehicle_purchase", {"0", "0"}}, {"vehicle_operation", {"10.00", "9.00"}}, {"reception", {"5.00", "3.00"}}};
    Filing f = blank();
    put(f, K::ThreePublic, "main", {"budget", "actual"}, three);
    // Equal, smaller (the rest paid from project spending), blank (all of it project spending), 0.00 against 0.
    put(f, K::BasicExpenditure, "main", {"amount"}, items("4.00", "1.50", std::nullopt, "0.00"));
    expect_pass(f, "x06-09");
    CHECK(audit_filing(f).checks_by_rule.at("x06-09") == 4);
    CHECK(audit_filing(f).findings.empty());
    // Within rounding: 3.04 against a 决算 printed with one decimal (3.0 stands for up to 3.05).
    Filing g = blank();
    put(g, K::ThreePublic, "main", {"budget", "actual"}, {{"reception", {"5.0", "3.0"}}});
    put(g, K::BasicExpenditure, "main", {"amount"}, {{"30217", {"3.04"}}});
    expect_pass(g, "x06-09");
    // 公务接待费 8.31 in basic spending against 3.00 for all appropriations (as in GovBudgetChecker's 宜川 sample).
    g = f;
    put(g, K::BasicExpenditure, "main", {"amount"}, items("4.00", "8.31", std::nullopt, "0.00"));
    expect_fail(g, "x06-09");
    AuditReport r = audit_filing(g);
    REQUIRE(r.findings.size() == 1);
    const Finding& fd = r.findings[0];
    CHECK(fd.check == CheckKind::Exceeds);
    CHECK(fd.severity == Severity::Error);
    REQUIRE(fd.cells.size() == 2);
    CHECK(fd.cells[0].table == "basic_expenditure");
    CHECK(fd.cells[0].row == "30217");
    CHECK(fd.cells[1].table == "three_public");
    CHECK(fd.cells[1].row == "reception");
    CHECK(fd.cells[1].column == "actual");
    CHECK(*fd.difference == 5'310'000);
    // A cent beyond rounding is a 尾差.
    g = f;
    put(g, K::BasicExpenditure, "main", {"amount"}, items("4.01", "1.50", std::nullopt, "0.00"));
    r = audit_filing(g);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == "x06-09");
    CHECK(r.findings[0].severity == Severity::Minor);
    // A 三公 line printed blank holds nothing: a 购置 of 12.00 in basic spending is more.
    g = f;
    std::vector<RowSpec> no_purchase = three;
    no_purchase[3] = {"vehicle_purchase", {std::nullopt, std::nullopt}};
    put(g, K::ThreePublic, "main", {"budget", "actual"}, no_purchase);
    put(g, K::BasicExpenditure, "main", {"amount"}, items("4.00", "1.50", std::nullopt, "12.00"));
    expect_fail(g, "x06-09");
    // A 三公 table that prints only the vehicle subtotal: 30231 + 31013 against it.
    g = blank();
    put(g, K::ThreePublic, "main", {"budget", "actual"}, {{"vehicle_subtotal", {"10.00", "9.00"}}});
    put(g, K::BasicExpenditure, "main", {"amount"}, {{"30231", {"6.00"}}, {"31013", {"3.00"}}});
    expect_pass(g, "x06-09");
    put(g, K::BasicExpenditure, "main", {"amount"}, {{"30231", {"6.00"}}, {"31013", {"3.10"}}});
    expect_fail(g, "x06-09");
    // No 三公 table: nothing to compare.
    g = blank();
    put(g, K::BasicExpenditure, "main", {"amount"}, items(std::nullopt, "8.31", std::nullopt, std::nullopt));
    CHECK(audit_filing(g).checks_by_rule.count("x06-09") == 0);
    // The real filings: every item printed in table 06 is compared, none exceeds (湘潭县's 30231 is blank while its
    // 三公 公务用车运行维护费 is 25.8: paid from project spending; 规划和自然资源局's 30217 0.39 equals its 接待费).
    for (const auto& rel : test::real_filing_paths()) {
        INFO(rel);
        const AuditReport real = audit_filing(test::real_filing(rel));
        CHECK(real.checks_by_rule.count("x06-09") == 1);
        if (real.checks_by_rule.count("x06-09")) CHECK(real.checks_by_rule.at("x06-09") == 4);
        CHECK(real.failed_rules.count("x06-09") == 0);
    }
}

TEST_CASE("across tables: 01-02, 01-03, 04-01, 04-05") {
    Filing f = blank();
    put(f, K::IncomeExpenditureSummary, "income", {"amount"}, {{"general_budget", {"100.00"}}, {"total_income", {"100.00"}}});
    put(f, K::IncomeExpenditureSummary, "expenditure", {"amount"}, {{"201", {"100.00"}}, {"total_expenditure", {"100.00"}}});
    put(f, K::Income, "main", {"total", "fiscal"}, {{"total", {"100.00", "100.00"}}});
    put(f, K::Expenditure, "main", {"total"}, {{"total", {"100.00"}}, {"201", {"100.00"}}});
    put(f, K::FiscalSummary, "income", {"amount"}, {{"general_budget", {"100.00"}}});
    put(f, K::FiscalSummary, "expenditure", {"total", "general_budget"}, {{"201", {"100.00", "100.00"}}, {"total_expenditure", {"100.00", "100.00"}}});
    put(f, K::GeneralBudgetExpenditure, "main", {"total"}, {{"total", {"100.00"}}, {"201", {"100.00"}}});
    for (const char* r : {"x01-02", "x01-03", "x04-01", "x04-05"}) expect_pass(f, r);
    Filing g = f;
    put(g, K::Income, "main", {"total", "fiscal"}, {{"total", {"100.00", "99.00"}}});
    expect_fail(g, "x01-02");
    g = f;
    put(g, K::Expenditure, "main", {"total"}, {{"total", {"100.00"}}, {"201", {"100.01"}}});
    expect_fail(g, "x01-03");
    g = f;
    put(g, K::FiscalSummary, "income", {"amount"}, {{"general_budget", {"100.01"}}});
    expect_fail(g, "x04-01");
    g = f;
    put(g, K::FiscalSummary, "expenditure", {"total", "general_budget"}, {{"201", {"99.99", "99.99"}}, {"total_expenditure", {"100.00", "100.00"}}});
    expect_fail(g, "x04-05");
}

TEST_CASE("t07-08: row spending and balances of the fund tables") {
    Filing f = blank();
    put(f, K::GovernmentFund, "main", {"opening_balance", "income", "total", "basic", "project", "closing_balance"},
        {{"total", {"5.00", "20.00", "18.00", "3.00", "15.00", "7.00"}}, {"2120801", {"5.00", "20.00", "18.00", "3.00", "15.00", "7.00"}}});
    expect_pass(f, "t07-08-rows");
    put(f, K::GovernmentFund, "main", {"opening_balance", "income", "total", "basic", "project", "closing_balance"},
        {{"total", {"5.00", "20.00", "18.00", "3.00", "15.00", "8.00"}}, {"2120801", {"5.00", "20.00", "18.00", "3.00", "15.00", "7.00"}}});
    expect_fail(f, "t07-08-rows");
}

namespace {

// Table 04 with money in two funds, and tables 07 (in the 普陀区 layout) and 08 (in the 湘潭县 layout, spending
// only) that agree with it: 一般公共预算 3 + 100 = 95 + 8, 政府性基金 5 + 20 = 18 + 7.
Filing fund_filing() {
    Filing f = blank();
    const std::optional<std::string> none;
    put(f, K::FiscalSummary, "income", {"amount"},
        {{"general_budget", {"100.00"}}, {"government_fund", {"20.00"}}, {"state_capital", {none}}, {"total_income", {"120.00"}},
         {"opening_balance", {"8.00"}}, {"opening_general_budget", {"3.00"}}, {"opening_government_fund", {"5.00"}},
         {"opening_state_capital", {none}}, {"grand_total", {"128.00"}}});
    put(f, K::FiscalSummary, "expenditure", {"total", "general_budget", "government_fund", "state_capital"},
        {{"201", {"95.00", "95.00", none, none}}, {"212", {"18.00", none, "18.00", none}}, {"223", {none, none, none, none}},
         {"total_expenditure", {"113.00", "95.00", "18.00", none}}, {"closing_balance", {"15.00", "8.00", "7.00", none}},
         {"grand_total", {"128.00", "103.00", "25.00", none}}});
    put(f, K::GovernmentFund, "main", {"opening_balance", "income", "total", "basic", "project", "closing_balance"},
        {{"total", {"5.00", "20.00", "18.00", "3.00", "15.00", "7.00"}}, {"212", {"5.00", "20.00", "18.00", "3.00", "15.00", "7.00"}},
         {"21208", {"5.00", "20.00", "18.00", "3.00", "15.00", "7.00"}}, {"2120801", {"5.00", "20.00", "18.00", "3.00", "15.00", "7.00"}}});
    put(f, K::StateCapital, "main", {"total", "basic", "project"}, {{"total", {none, none, none}}, {"none", {none, none, none}, "无"}});
    return f;
}

Table& table_of(Filing& f, K kind) {
    for (auto& t : f.tables)
        if (t.kind == kind) return t;
    throw std::logic_error("no such table");
}

}  // namespace

TEST_CASE("t04-fund-balance: each fund's 年初 + 本年收入 = 本年支出 + 年末 in table 04") {
    Filing f = fund_filing();
    for (const char* r : {"t04-fund-balance", "t04-sums"}) expect_pass(f, r);
    // 1.00 of closing balance moved from 政府性基金 to 一般公共预算: every total of table 04 still adds up
    // (t04-sums passes), but neither fund balances any more.
    Filing g = f;
    const std::optional<std::string> none;
    put(g, K::FiscalSummary, "expenditure", {"total", "general_budget", "government_fund", "state_capital"},
        {{"201", {"95.00", "95.00", none, none}}, {"212", {"18.00", none, "18.00", none}}, {"total_expenditure", {"113.00", "95.00", "18.00", none}},
         {"closing_balance", {"15.00", "9.00", "6.00", none}}, {"grand_total", {"128.00", "104.00", "24.00", none}}});
    expect_pass(g, "t04-sums");
    expect_fail(g, "t04-fund-balance");
    int funds_failing = 0;
    for (const auto& fd : audit_filing(g).findings) funds_failing += fd.rule == "t04-fund-balance";
    CHECK(funds_failing == 2);
    // A layout that prints the closing balance as rows of its own (amount in the 合计 column).
    Filing h = blank();
    put(h, K::FiscalSummary, "income", {"amount"},
        {{"government_fund", {"20.00"}}, {"total_income", {"20.00"}}, {"opening_balance", {"5.00"}}, {"opening_government_fund", {"5.00"}},
         {"grand_total", {"25.00"}}});
    put(h, K::FiscalSummary, "expenditure", {"total", "government_fund"},
        {{"212", {"18.00", "18.00"}}, {"total_expenditure", {"18.00", "18.00"}}, {"closing_balance", {"7.00", none}},
         {"closing_government_fund", {"7.00", none}}, {"grand_total", {"25.00", "25.00"}}});
    expect_pass(h, "t04-fund-balance");
    put(h, K::FiscalSummary, "expenditure", {"total", "government_fund"},
        {{"212", {"18.00", "18.00"}}, {"total_expenditure", {"18.00", "18.00"}}, {"closing_balance", {"7.00", none}},
         {"closing_government_fund", {"6.00", none}}, {"grand_total", {"25.00", "25.00"}}});
    expect_fail(h, "t04-fund-balance");
    // A table 04 without the opening and closing rows (the synthetic corpus): nothing to check.
    Filing s = blank();
    put(s, K::FiscalSummary, "income", {"amount"}, {{"general_budget", {"100.00"}}, {"total_income", {"100.00"}}});
    put(s, K::FiscalSummary, "expenditure", {"total", "general_budget"}, {{"total_expenditure", {"90.00", "90.00"}}});
    CHECK(audit_filing(s).checks_by_rule.count("t04-fund-balance") == 0);
}

TEST_CASE("x04-07, x04-08: the fund tables against their fund in table 04") {
    Filing f = fund_filing();
    for (const char* r : {"x04-07", "x04-08", "t07-08-rows"}) expect_pass(f, r);
    const std::optional<std::string> none;
    const std::vector<std::string> cols = {"opening_balance", "income", "total", "basic", "project", "closing_balance"};
    // 07's 本年收入 21.00 against 04's 20.00.
    Filing g = f;
    put(g, K::GovernmentFund, "main", cols,
        {{"total", {"5.00", "21.00", "18.00", "3.00", "15.00", "8.00"}}, {"212", {"5.00", "20.00", "18.00", "3.00", "15.00", "7.00"}}});
    expect_fail(g, "x04-07");
    // 07 printed blank while 04 shows 政府性基金 money.
    g = f;
    put(g, K::GovernmentFund, "main", cols, {{"total", {none, none, none, none, none, none}}});
    expect_fail(g, "x04-07");
    // 07 printed with money that 04 shows blank (04's 政府性基金 income left blank).
    g = f;
    put(g, K::FiscalSummary, "income", {"amount"},
        {{"general_budget", {"100.00"}}, {"government_fund", {none}}, {"total_income", {"100.00"}}, {"opening_balance", {"8.00"}},
         {"opening_general_budget", {"3.00"}}, {"opening_government_fund", {"5.00"}}, {"grand_total", {"108.00"}}});
    expect_fail(g, "x04-07");
    // The totals agree, the classes do not: 07 puts 10.00 under 212 and 8.00 under 213, 04 all 18.00 under 212.
    g = f;
    put(g, K::GovernmentFund, "main", cols,
        {{"total", {"5.00", "20.00", "18.00", "3.00", "15.00", "7.00"}}, {"212", {"5.00", "12.00", "10.00", "3.00", "7.00", "7.00"}},
         {"213", {none, "8.00", "8.00", none, "8.00", none}}});
    expect_fail(g, "x04-07");
    int class_findings = 0;
    for (const auto& fd : audit_filing(g).findings) class_findings += fd.rule == "x04-07";
    CHECK(class_findings == 2);  // 212: 18.00 against 10.00; 213: 8.00 where 04 has no row
    // 07 printing only 项 rows: compared with 04's class through their sum.
    g = f;
    put(g, K::GovernmentFund, "main", cols,
        {{"total", {"5.00", "20.00", "18.00", "3.00", "15.00", "7.00"}}, {"2120801", {"5.00", "12.00", "10.00", "3.00", "7.00", "7.00"}},
         {"2120802", {none, "8.00", "8.00", none, "8.00", none}}});
    expect_pass(g, "x04-07");
    // 07 not printed at all while 04 shows 政府性基金 money: one finding; not printed and nothing in 04: none.
    g = f;
    table_of(g, K::GovernmentFund).absent = true;
    table_of(g, K::GovernmentFund).blocks.clear();
    expect_fail(g, "x04-07");
    class_findings = 0;
    for (const auto& fd : audit_filing(g).findings) class_findings += fd.rule == "x04-07";
    CHECK(class_findings == 1);
    table_of(g, K::StateCapital).absent = true;
    table_of(g, K::StateCapital).blocks.clear();
    expect_pass(g, "x04-08");
    // 08 in the 湘潭县 layout (spending only) printing money that 04's 国有资本经营 column leaves blank.
    g = f;
    put(g, K::StateCapital, "main", {"total", "basic", "project"}, {{"total", {"4.00", none, "4.00"}}, {"223", {"4.00", none, "4.00"}}});
    expect_fail(g, "x04-08");
    // 04 printing 0.00 where 08 is blank is the same nothing.
    g = f;
    put(g, K::FiscalSummary, "expenditure", {"total", "general_budget", "government_fund", "state_capital"},
        {{"201", {"95.00", "95.00", none, none}}, {"212", {"18.00", none, "18.00", none}}, {"total_expenditure", {"113.00", "95.00", "18.00", "0.00"}},
         {"closing_balance", {"15.00", "8.00", "7.00", none}}, {"grand_total", {"128.00", "103.00", "25.00", none}}});
    expect_pass(g, "x04-08");
}

TEST_CASE("empty tables carry their explanation") {
    Filing f = blank();
    put(f, K::GovernmentFund, "main", {"total"}, {{"total", {std::nullopt}}});
    f.tables.back().empty_explanation = "本单位无政府性基金收支，故本表无数据。";
    expect_pass(f, "empty-table-explained");
    f.tables.back().empty_explanation.clear();
    expect_fail(f, "empty-table-explained");
}

TEST_CASE("narrative amounts, units and the operating-cost rule") {
    Filing f = blank();
    put(f, K::IncomeExpenditureSummary, "income", {"amount"}, {{"grand_total", {"1577.61"}}});
    put(f, K::ThreePublic, "main", {"budget", "actual"}, {{"total", {"43.2", "25.8"}}});
    put(f, K::BasicExpenditure, "main", {"amount"}, {{"public_total", {"52.061"}}});
    say(f, "total.amount", "1577.61", "万元");
    say(f, "three_public.total.budget", "43.2", "万元");
    say(f, "operating_cost.amount", "52.06", "万元");  // 52.061 printed with fewer decimals: consistent
    expect_pass(f, "n-amount");
    expect_pass(f, "n-operating-cost");
    Filing g = f;
    g.figures[0].value = *parse_decimal("1577.62");
    g.figures[2].value = *parse_decimal("50.00");
    expect_fail(g, "n-amount");
    expect_fail(g, "n-operating-cost");
    g = f;
    g.figures[1].unit = "元";  // “预算为43.2元”
    expect_fail(g, "n-unit");
    say(f, "meeting.amount", "35000", "元");  // a plausible amount in 元 is fine
    expect_pass(f, "n-unit");
}

TEST_CASE("narrative shares and completion rates, with direction words") {
    Filing f = blank();
    put(f, K::IncomeExpenditureSummary, "expenditure", {"amount"}, {{"total_expenditure", {"1577.61"}}});
    put(f, K::Expenditure, "main", {"total", "basic"}, {{"total", {"1577.61", "1310.87"}}});
    say(f, "expenditure.basic.share", "83.1", "%");  // 1310.87 / 1577.61 = 83.09%, printed with one decimal
    say(f, "gb.item.budget", "1109.57", "万元", "2010301");
    say(f, "gb.item.actual", "976.59", "万元", "2010301");
    say(f, "gb.item.completion", "88.02", "%", "2010301", "小于");
    expect_pass(f, "n-share");
    expect_pass(f, "n-completion");
    expect_pass(f, "c-budget-actual");  // the word recorded on the rate (comparison family)
    Filing g = f;
    g.figures[0].value = *parse_decimal("83.2");
    g.figures[3].value = *parse_decimal("98.02");
    g.figures[3].direction = "大于";
    expect_fail(g, "n-share");
    expect_fail(g, "n-completion");
    expect_fail(g, "c-budget-actual");
}

TEST_CASE("政府性基金 and 国有资本经营 figures against tables 07 and 08") {
    Filing f = blank();
    const std::vector<std::string> columns = {"opening_balance", "income", "total", "basic", "project", "closing_balance"};
    put(f, K::GovernmentFund, "main", columns,
        {{"total", {"0.00", "105.00", "105.00", "0.00", "105.00", "0.00"}},
         {"2219899", {"0.00", "105.00", "105.00", "0.00", "105.00", "0.00"}}});
    put(f, K::IncomeExpenditureSummary, "expenditure", {"amount"}, {{"total_expenditure", {"500.00"}}});
    say(f, "gov_fund.income", "105.00", "万元");
    say(f, "gov_fund.total", "105.00", "万元");
    say(f, "gov_fund.item.budget", "100.00", "万元", "2219899");
    say(f, "gov_fund.item.actual", "105.00", "万元", "2219899");
    say(f, "gov_fund.item.completion", "105", "%", "2219899");
    say(f, "gov_fund.share", "21", "%");  // of 本年支出合计
    say(f, "gov_fund.yoy_change", "5.00", "万元", "", "增加");
    say(f, "gov_fund.yoy_pct", "5", "%", "", "增长");  // 5 / 100
    expect_pass(f, "n-amount");
    expect_pass(f, "n-completion");
    expect_pass(f, "n-share");
    expect_pass(f, "n-yoy");
    CHECK(audit_filing(f).checks_by_rule.at("n-amount") == 3);
    // GovBudgetChecker's 宜川 sample: the item's 支出决算 stated as 135.00 against the table's 105.00.
    Filing g = f;
    g.figures[3].value = *parse_decimal("135.00");
    expect_fail(g, "n-amount");
    AuditReport r = audit_filing(g);
    bool named = false;
    for (const auto& fd : r.findings)
        if (fd.rule == "n-amount")
            for (const auto& c : fd.cells) named = named || (c.table == "government_fund" && c.row == "2219899" && c.column == "total");
    CHECK(named);
    g = f;
    g.figures[0].value = *parse_decimal("100.00");  // 收入 against the 合计 row's 本年收入
    expect_fail(g, "n-amount");
    g = f;
    g.figures[5].value = *parse_decimal("25");
    expect_fail(g, "n-share");

    // 国有资本经营: Hunan's table 08 prints spending only (no 本年收入 column): the stated income is not compared.
    Filing h = blank();
    put(h, K::StateCapital, "main", {"total", "basic", "project"},
        {{"total", {"18.00", "0.00", "18.00"}}, {"223", {"18.00", "0.00", "18.00"}}, {"22301", {"18.00", "0.00", "18.00"}}});
    say(h, "state_capital.income", "20.00", "万元");
    say(h, "state_capital.total", "18.00", "万元");
    say(h, "state_capital.class.amount", "18.00", "万元", "223");
    say(h, "state_capital.class.share", "100", "%", "223");
    say(h, "state_capital.budget", "20.00", "万元");
    say(h, "state_capital.actual", "18.00", "万元");
    say(h, "state_capital.completion", "90", "%");
    expect_pass(h, "n-amount");
    expect_pass(h, "n-share");
    expect_pass(h, "n-completion");
    CHECK(audit_filing(h).checks_by_rule.at("n-amount") == 3);
    Filing k = h;
    k.figures[2].value = *parse_decimal("16.00");
    expect_fail(k, "n-amount");
    k = h;
    k.figures[6].value = *parse_decimal("95");
    expect_fail(k, "n-completion");
}

TEST_CASE("year-over-year: rate, amount and direction agree") {
    Filing f = blank();
    put(f, K::IncomeExpenditureSummary, "income", {"amount"}, {{"grand_total", {"1577.61"}}});
    say(f, "total.yoy_change", "92.38", "万元", "", "减少");
    say(f, "total.yoy_pct", "5.53", "%", "", "减少");  // 92.38 / (1577.61 + 92.38)
    expect_pass(f, "n-yoy");
    Filing g = f;
    g.figures[0].direction = "增加";  // “增加55.31万元，减少5.53%”
    expect_fail(g, "n-yoy");
    g = f;
    g.figures[0].sentence = "与上年相比减少92.38万元，减少5.53%，增加的主要原因是人员增加。";
    expect_fail(g, "n-yoy");
    g = f;
    g.figures[1].value = *parse_decimal("5.86");  // the rate of a 92.38 decrease against the current year, not the prior
    expect_fail(g, "n-yoy");
    // Both years stated (comparison family): “减少” needs this year below last year.
    Filing h = blank();
    h.year = 2024;
    const std::string said = "本年决算数为1577.61万元，上年决算数为1669.99万元，比上年减少92.38万元。";
    h.figures.push_back({"total.amount", "", *parse_decimal("1577.61"), "万元", "", "一", said});
    h.figures.push_back({"total.prior", "", *parse_decimal("1669.99"), "万元", "", "一", said});
    h.figures.push_back({"total.yoy_change", "", *parse_decimal("92.38"), "万元", "减少", "一", said});
    expect_pass(h, "c-prior-year");
    h.figures[1].value = *parse_decimal("1485.23");
    expect_fail(h, "c-prior-year");
}

TEST_CASE("parts never exceed their whole; counts agree") {
    Filing f = blank();
    say(f, "procurement.total", "68.25", "万元");
    say(f, "procurement.goods", "42.61", "万元");
    say(f, "procurement.works", "0", "万元");
    say(f, "procurement.services", "25.64", "万元");
    say(f, "procurement.sme.amount", "59.57", "万元");
    say(f, "procurement.small_micro.amount", "8.68", "万元");
    say(f, "assets.vehicles.total", "9", "辆");
    say(f, "assets.vehicles.head", "1", "辆");
    say(f, "assets.vehicles.confidential", "8", "辆");
    f.overview.vehicles_actual = 9;
    f.overview.staff_authorized_total = 81;
    f.overview.staff_authorized = {{"行政编制", 48}, {"工勤编制", 16}, {"事业编制", 17}};
    expect_pass(f, "n-part-whole");
    expect_pass(f, "n-counts");
    Filing g = f;
    std::swap(g.figures[4].value, g.figures[5].value);  // 小微 larger than 中小: as printed in 湘潭县
    expect_fail(g, "n-part-whole");
    g = f;
    g.overview.staff_authorized_total = 80;
    expect_fail(g, "n-counts");
}

TEST_CASE("tables printed in 元 keep their own precision") {
    Filing f = blank();
    put(f, K::ThreePublic, "main", {"budget", "actual"},
        {{"total", {"258123.45", "258123.45"}}, {"abroad", {"0", "0"}}, {"vehicle_subtotal", {"258123.45", "258123.45"}},
         {"vehicle_purchase", {"0", "0"}}, {"vehicle_operation", {"258123.45", "258123.45"}}, {"reception", {"0", "0"}}});
    // What the decoder does for a table in 元: millionths of 万元, printed precision counted in 万元.
    for (auto& b : f.tables.back().blocks)
        for (auto& r : b.rows)
            for (auto& c : r.cells)
                if (c) c->micro /= 10'000, c->decimals += 4;
    say(f, "three_public.total.actual", "25.81", "万元");  // 258123.45 元 rounded to 万元
    expect_pass(f, "n-amount");
    expect_pass(f, "t09-three-public");
    f.tables.back().blocks[0].rows[2].cells[1]->micro += 10'000;  // 小计 决算 off by 100 元
    expect_fail(f, "t09-three-public");
}

TEST_CASE("huge values never overflow or crash the audit") {
    Filing f = blank();
    std::vector<RowSpec> rows = {{"301", {"999999999999.99"}}};
    for (int i = 0; i < 12; ++i) rows.push_back({"301" + std::string(i < 10 ? "0" : "") + std::to_string(i), {"999999999999.99"}});
    put(f, K::BasicExpenditure, "main", {"amount"}, rows);
    expect_fail(f, "t06-economic-hierarchy");
    say(f, "procurement.sme.amount", "0.01", "万元");
    say(f, "procurement.small_micro.amount", "999999999999", "万元");
    say(f, "procurement.small_micro.share", "50", "%");
    CHECK_NOTHROW(audit_filing(f));
    CHECK(failed(f).count("n-share") == 1);
}

TEST_CASE("the 项 of a missing 款 count towards their 类; unnamed lines count in their column") {
    Filing f = blank();
    put(f, K::GeneralBudgetExpenditure, "main", {"total"}, {{"total", {"30.00"}}, {"201", {"30.00"}}, {"2010301", {"20.00"}}, {"2010302", {"11.00"}}});
    expect_fail(f, "function-hierarchy");
    Filing g = blank();
    put(g, K::IncomeExpenditureSummary, "income", {"amount"},
        {{"general_budget", {"100.00"}}, {"blank", {"500.00"}}, {"total_income", {"100.00"}}});
    expect_fail(g, "t01-income-total");
}

TEST_CASE("the printed 注 describing a table does not explain why it is empty; 持平 needs no change") {
    Filing f = blank();
    put(f, K::StateCapital, "main", {"total"}, {{"total", {std::nullopt}}});
    f.tables.back().notes = {"注：本表反映部门本年度国有资本经营预算财政拨款支出情况。"};
    expect_fail(f, "empty-table-explained");
    f.tables.back().notes.push_back("说明：我单位没有使用国有资本经营预算安排的支出，故本表无数据。");
    expect_pass(f, "empty-table-explained");
    Filing g = blank();
    put(g, K::IncomeExpenditureSummary, "income", {"amount"}, {{"grand_total", {"100.00"}}});
    say(g, "total.yoy_change", "3.00", "万元", "", "持平");
    say(g, "total.yoy_pct", "3.00", "%", "", "持平");
    expect_fail(g, "n-yoy");
}

TEST_CASE("small amounts stated in 元 are not unit errors") {
    Filing f = blank();
    put(f, K::ThreePublic, "main", {"budget", "actual"}, {{"reception", {"0.30", "0.24"}}});
    say(f, "three_public.reception.actual", "2350", "元");
    expect_pass(f, "n-unit");
    expect_pass(f, "n-amount");
}

TEST_CASE("across years: stated 上年 figures and changes against the previous year's filing (more in unit-audit-years)") {
    auto dept = [](int year) {
        Filing f = blank();
        f.county_dir = "990001-example";
        f.slug = "dept";
        f.year = year;
        return f;
    };
    auto check = [](const Filing& f, const Filing& prev, const std::string& rule, bool fails) {
        AuditReport r = audit_filing(f, &prev);
        CHECK_MESSAGE(r.checks_by_rule.count(rule) == 1, rule << " did not run");
        bool found = false;
        for (const auto& fd : r.findings) found = found || (fd.rule == rule && fd.severity != Severity::Info);
        CHECK_MESSAGE(found == fails, rule << (fails ? " missed an inconsistency" : " flagged a consistent pair"));
        if (fails && found) failing_rules_seen.insert(rule);
    };
    Filing f = dept(2024);
    put(f, K::IncomeExpenditureSummary, "income", {"amount"}, {{"grand_total", {"110.00"}}});
    put(f, K::FiscalSummary, "income", {"amount"}, {{"grand_total", {"110.00"}}});
    say(f, "total.yoy_change", "10.00", "万元", {}, "增加");
    say(f, "fiscal.yoy_pct", "10.00", "%", {}, "增长");
    say(f, "gb.prior", "90.00", "万元");
    say(f, "gb.item.prior", "5.00", "万元", "2010301");
    auto last = [&](const char* total, const char* fiscal, const char* gb, const char* item) {
        Filing p = dept(2023);
        put(p, K::IncomeExpenditureSummary, "income", {"amount"}, {{"grand_total", {total}}});
        put(p, K::FiscalSummary, "income", {"amount"}, {{"grand_total", {fiscal}}});
        put(p, K::GeneralBudgetExpenditure, "main", {"total"}, {{"total", {gb}}, {"2010301", {item}}});
        return p;
    };
    Filing agrees = last("100.00", "100.00", "90.00", "5.00");
    for (const char* rule : {"y-change", "y-rate", "y-prior", "y-function-prior"}) check(f, agrees, rule, false);
    check(f, last("105.00", "100.00", "90.00", "5.00"), "y-change", true);
    check(f, last("100.00", "120.00", "90.00", "5.00"), "y-rate", true);
    check(f, last("100.00", "100.00", "91.00", "5.00"), "y-prior", true);
    check(f, last("100.00", "100.00", "90.00", "6.00"), "y-function-prior", true);
}

TEST_CASE("structure: an unprinted table, a blank core table, a missing part and section (more in unit-audit-structure)") {
    Filing f = test::real_filing(test::kPutuoFiling);
    for (const char* rule : {"s-table-absent", "empty-table-explained", "s-section-missing"}) expect_pass(f, rule);
    Filing absent = f;
    for (auto& t : absent.tables)
        if (t.kind == K::Income) t.absent = true, t.blocks.clear();
    expect_fail(absent, "s-table-absent");
    Filing blanked = f;
    for (auto& t : blanked.tables)
        if (t.kind == K::Expenditure)
            for (auto& b : t.blocks)
                for (auto& r : b.rows)
                    for (auto& c : r.cells) c.reset();
    expect_fail(blanked, "empty-table-explained");
    Filing parts = f;
    parts.parts = {{"第一部分", "部门概况"}, {"第二部分", "部门决算表"}, {"第三部分", "部门决算情况说明"}, {"第四部分", "名词解释"}};
    expect_pass(parts, "s-part-missing");
    parts.parts.pop_back();
    expect_fail(parts, "s-part-missing");
    Filing sections = f;
    sections.sections.erase(sections.sections.begin() + 1);  // 二、收入决算情况说明
    expect_fail(sections, "s-section-missing");
}

TEST_CASE("text: placeholders, template words, years, units in attachments, punctuation (more in unit-audit-text)") {
    Filing f = test::real_filing(test::kPutuoFiling);
    for (const char* rule : {"text-placeholder", "text-template", "text-year-heading", "text-year-date", "text-year-comparison"})
        expect_pass(f, rule);
    auto edited = [&](const std::function<void(Filing&)>& edit) {
        Filing m = f;
        edit(m);
        return m;
    };
    expect_fail(edited([](Filing& m) { m.sections[0].title = "一、上海市XX局收入支出决算总体情况说明"; }), "text-placeholder");
    expect_fail(edited([](Filing& m) { m.sections[0].text = "收入支出总计减少56.95万元，下降（增长）1.87%。"; }), "text-template");
    expect_fail(edited([](Filing& m) { m.tables[0].title = "2023年度收入支出决算总表"; }), "text-year-heading");
    expect_fail(edited([](Filing& m) { m.sections[0].text = "截至2023年12月31日，共有车辆0辆。"; }), "text-year-date");
    expect_fail(edited([](Filing& m) { m.sections[0].text = "与2022年度相比，收入支出总计减少56.95万元。"; }), "text-year-comparison");
    Filing attachment = edited([](Filing& m) { m.attachments = {{"2024年度部门整体支出绩效自评报告", "本年支出合计 2940.05 元。"}}; });
    expect_pass(edited([](Filing& m) { m.attachments = {{"2024年度部门整体支出绩效自评报告", "本年支出合计 2940.05 万元，捐款 300 元。"}}; }),
                "text-unit");
    expect_fail(attachment, "text-unit");
    // Punctuation slips are notes (提示): they never fail the rule, but they are reported.
    Filing doubled = edited([](Filing& m) { m.sections[0].text = "收入支出总计2995.39万元。。"; });
    bool noted = false;
    for (const auto& fd : audit_filing(doubled).findings) noted = noted || (fd.rule == "text-punctuation" && fd.severity == Severity::Info);
    CHECK(noted);
    CHECK(audit_filing(f).checks_by_rule.count("text-punctuation") == 1);
    if (noted) failing_rules_seen.insert("text-punctuation");
}

TEST_CASE("every rule of the catalog has a failing case above, and is documented") {
    for (const auto& r : rule_catalog()) {
        // The budget rules (b-…) and x-budget-final have theirs in tests/unit-audit-budget.cpp, which asserts them.
        const bool budget_rule = r.id.rfind("b-", 0) == 0 || r.id == "x-budget-final";
        CHECK_MESSAGE((budget_rule || failing_rules_seen.count(r.id) == 1), "no failing test case for rule " << r.id);
        CHECK(!r.title_zh.empty());
        CHECK(!r.title_en.empty());
        CHECK(!r.explanation.empty());
        CHECK(!r.tolerance.empty());
        CHECK(!r.reads.empty());
    }
    // Only rules that compare amounts or percentages can report a 尾差 (and the rules page says so).
    CHECK(rule_compares_amounts("t09-three-public"));
    CHECK(rule_compares_amounts("y-change"));
    for (const char* words : {"text-placeholder", "text-unit", "s-table-absent", "c-budget-actual", "n-counts", "n-unit", "empty-table-explained"})
        CHECK_FALSE(rule_compares_amounts(words));
}

TEST_CASE("a table the publication does not print is reported, not taken for an explained empty table") {
    JsonFile file = test::real_filing_file(test::kXiangtanFiling);
    file.doc["format"] = "gongkai-filing/2";
    for (auto& t : file.doc["tables"])
        if (t["kind"] == "three_public") t = {{"kind", "three_public"}, {"title", "财政拨款“三公”经费支出决算表"}, {"absent", true}};
    ProblemList problems;
    auto f = decode_filing(file, {file.path, "430321-xiangtan", 2024, "county-government-office"}, problems);
    REQUIRE(f.has_value());
    const AuditReport r = audit_filing(*f);
    bool reported = false;
    for (const auto& fd : r.findings)
        if (fd.rule == "s-table-absent" && fd.message.find("未印出") != std::string::npos &&
            fd.cells.at(0).table == "three_public")
            reported = true;
    CHECK(reported);
}

// ---- Materiality (尾差 or error), ordering and grouping (issue 8) on hand-made filings. ----

namespace {

std::vector<Finding> findings_of_rule(const Filing& f, const std::string& rule) {
    std::vector<Finding> out;
    for (const auto& fd : audit_filing(f).findings)
        if (fd.rule == rule) out.push_back(fd);
    return out;
}

Filing three_public(const std::string& vehicle_operation_budget) {
    Filing f = blank();
    put(f, K::ThreePublic, "main", {"budget", "actual"},
        {{"total", {"10.00", "8.00"}}, {"abroad", {"0", "0"}}, {"vehicle_subtotal", {"6.00", "5.00"}}, {"vehicle_purchase", {"0", "0"}},
         {"vehicle_operation", {vehicle_operation_budget, "5.00"}}, {"reception", {"4.00", "3.00"}}});
    return f;
}

}  // namespace

TEST_CASE("materiality: a sum off by at most 0.01 万元 beyond rounding is a 尾差; more is an error") {
    // 小计 6.00 against 0 + 6.02: 0.02 apart, rounding explains 0.01 (two rounded figures): 0.01 beyond — a 尾差.
    auto tail = findings_of_rule(three_public("6.02"), "t09-three-public");
    REQUIRE(tail.size() == 1);
    CHECK(tail[0].severity == Severity::Minor);
    CHECK(tail[0].difference == 20'000);
    CHECK(tail[0].excess == 10'000);
    CHECK(tail[0].unit == "万元");
    // 6.03: 0.02 beyond rounding — an error.
    auto error = findings_of_rule(three_public("6.03"), "t09-three-public");
    REQUIRE(error.size() == 1);
    CHECK(error[0].severity == Severity::Error);
    CHECK(error[0].excess == 20'000);
}

TEST_CASE("materiality: one figure printed twice, a cent apart, is a 尾差; the headline says so with both numbers") {
    Filing f = blank();
    put(f, K::IncomeExpenditureSummary, "expenditure", {"amount"}, {{"201", {"326.71"}}, {"total_expenditure", {"326.71"}}});
    put(f, K::Expenditure, "main", {"total", "basic", "project"},
        {{"total", {"326.72", "300.00", "26.72"}}, {"201", {"326.72", "300.00", "26.72"}, "一般公共服务支出"}});
    auto x = findings_of_rule(f, "x01-03");
    REQUIRE(x.size() == 2);  // the class row and the total
    for (const auto& fd : x) {
        CHECK(fd.severity == Severity::Minor);
        std::string h = finding_headline(fd);
        CHECK(h.find("326.71") != std::string::npos);
        CHECK(h.find("326.72") != std::string::npos);
        CHECK(h.find("（尾差）") != std::string::npos);
        CHECK(h.find("x01-03") == std::string::npos);
    }
    // A tenth apart is an error, and no 尾差 is mentioned.
    put(f, K::IncomeExpenditureSummary, "expenditure", {"amount"}, {{"201", {"326.62"}}, {"total_expenditure", {"326.62"}}});
    for (const auto& fd : findings_of_rule(f, "x01-03")) {
        CHECK(fd.severity == Severity::Error);
        CHECK(finding_headline(fd).find("尾差") == std::string::npos);
    }
}

TEST_CASE("materiality: counts are never 尾差, and a narrative amount far off is ranked first") {
    Filing g = blank();
    g.overview.staff_authorized_total = 11;
    g.overview.staff_authorized = {{"行政", 10}};
    auto counts = findings_of_rule(g, "n-counts");
    REQUIRE(counts.size() == 1);
    CHECK(counts[0].severity == Severity::Warning);  // 1 person off is not a rounding slip

    Filing f = blank();
    put(f, K::ThreePublic, "main", {"budget", "actual"},
        {{"total", {"10.00", "8.00"}}, {"abroad", {"0", "0"}}, {"vehicle_subtotal", {"6.00", "5.00"}}, {"vehicle_purchase", {"0", "0"}},
         {"vehicle_operation", {"6.02", "5.00"}}, {"reception", {"4.00", "3.00"}}});
    say(f, "three_public.total.actual", "0.3", "万元");  // 0.3 stated for 8.00
    AuditReport r = audit_filing(f);
    REQUIRE(r.findings.size() == 2);
    CHECK(r.findings[0].rule == "n-amount");
    CHECK(r.findings[0].severity == Severity::Error);
    CHECK(r.findings[0].relative_ppm > 900'000);
    CHECK(r.findings[1].severity == Severity::Minor);
    CHECK(audit_status_text(r) == "1 处说明与表格不符，1 处尾差");
    // No 本年支出合计 printed: no share of the total, only of the amount involved.
    CHECK_FALSE(r.findings[0].total_share_ppm);
    // With one, a 万元 difference carries its share of it: 7.70 of 77.00 is a tenth.
    put(f, K::IncomeExpenditureSummary, "expenditure", {"amount"}, {{"total_expenditure", {"77.00"}}});
    for (const auto& fd : audit_filing(f).findings)
        if (fd.rule == "n-amount") {
            REQUIRE(fd.total_share_ppm);
            CHECK(*fd.total_share_ppm == 100'000);
        }
    // Percentages and counts have no share of a money total.
    CHECK_FALSE(counts[0].total_share_ppm);
}

TEST_CASE("grouping: one wrong total that breaks a row sum and a column sum is one group with that cell as its cause") {
    Filing f = blank();
    put(f, K::Expenditure, "main", {"total", "basic", "project"},
        {{"total", {"100.00", "75.00", "30.00"}}, {"201", {"100.00", "70.00", "30.00"}}});
    AuditReport r = audit_filing(f);
    REQUIRE(r.findings.size() == 2);  // 合计行: 100 ≠ 75 + 30; 基本支出列: 75 ≠ 70
    auto groups = group_findings(r);
    REQUIRE(groups.size() == 1);
    REQUIRE(groups[0].cause);
    CHECK(groups[0].cause->pointer == "/tables/0/blocks/0/rows/0/values/basic");
    CHECK(groups[0].members.size() == 2);
    // The shared cell links to the group's first finding; the other cells to the finding that names them.
    auto anchors = finding_anchor_by_cell(r);
    CHECK(anchors.at(cell_key("expenditure", "main", "total", "basic")) == "finding-1");
    json panel = audit_panel_view(r, "../../../");
    REQUIRE(panel["items"].size() == 1);
    CHECK(panel["items"][0]["grouped"] == true);
    CHECK(panel["items"][0]["members"][0]["anchor"] == "finding-1");
    CHECK(panel["items"][0]["members"][1]["anchor"] == "finding-2");
    CHECK(panel["status"] == "1 处表格数字对不上");
}

TEST_CASE("finding views sort by materiality across filings") {
    Filing f = blank();
    put(f, K::Expenditure, "main", {"total", "basic", "project"},
        {{"total", {"100.00", "70.00", "30.02"}}, {"201", {"100.00", "70.00", "30.02"}}});
    Filing g = blank();
    put(g, K::Expenditure, "main", {"total", "basic", "project"}, {{"total", {"100.00", "70.00", "20.00"}}});
    json views = json::array();
    for (const auto& fd : audit_filing(f).findings) views.push_back(finding_view(fd, ""));
    for (const auto& fd : audit_filing(g).findings) views.push_back(finding_view(fd, ""));
    sort_by_materiality(views);
    REQUIRE(views.size() >= 2);
    CHECK(views.front()["severity"] == "error");
    CHECK(views.back()["severity"] == "minor");
    CHECK(views.back()["minor"] == true);
}
