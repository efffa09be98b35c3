// Budget against final accounts (compute/budget_vs_actual): the lines per function and economic class on small
// hand-made filings (hierarchy, order, difference and rate of both pairings, which budget a 决算 is shown with),
// and on the real pair 普陀区财政局 2024 决算 + 2025 预算, whose every number must be the two filings' cells.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <set>

#include "compute/budget_vs_actual.hpp"
#include "render/view_budget.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;

namespace {

using K = TableKind;

struct RowSpec {
    std::string id;  // a code if it starts with a digit, else a key
    std::vector<std::optional<std::string>> values;
};

// Adds a "main" block with `columns` and `rows` to a hand-made filing.
void put(Filing& f, K kind, const std::vector<std::string>& columns, const std::vector<RowSpec>& rows) {
    Table t;
    t.kind = kind;
    t.title = std::string(table_kind_id(kind));
    Block b;
    b.id = "main";
    for (const auto& c : columns) b.columns.push_back({c, c});
    for (const auto& r : rows) {
        Row row;
        (std::isdigit(static_cast<unsigned char>(r.id[0])) ? row.code : row.key) = r.id;
        row.name = "名称" + r.id;
        for (const auto& v : r.values) row.cells.push_back(v ? parse_decimal(*v) : std::nullopt);
        b.rows.push_back(row);
    }
    t.blocks.push_back(b);
    f.tables.push_back(t);
}

Filing make(const char* kind, int year) {
    Filing f;
    f.county_dir = "999999-test";
    f.slug = "dept";
    f.department_name = "测试部门";
    f.kind = kind;
    f.year = year;
    f.unit = "万元";
    return f;
}

std::int64_t wan(const char* s) { return parse_decimal(s)->micro; }

// A 决算: 201 with two 款 (one with 项), 205 only here; 06 with 301/30101 and 302; 05's 基本支出 合计.
Filing actual_2024() {
    Filing f = make("决算", 2024);
    put(f, K::Expenditure, {"total", "basic", "project"},
        {{"total", {"160.00", "120.00", "40.00"}},
         {"201", {"100.00", "80.00", "20.00"}},
         {"20101", {"90.00", "80.00", "10.00"}},
         {"2010101", {"90.00", "80.00", "10.00"}},
         {"20102", {"10.00", std::nullopt, "10.00"}},
         {"205", {"60.00", "40.00", "20.00"}},
         {"206", {std::nullopt, std::nullopt, std::nullopt}}});
    put(f, K::GeneralBudgetExpenditure, {"total", "basic", "project"}, {{"total", {"160.00", "120.00", "40.00"}}});
    put(f, K::BasicExpenditure, {"amount"},
        {{"301", {"100.00"}}, {"30101", {"70.00"}}, {"30102", {"30.00"}}, {"302", {"20.00"}}, {"30201", {std::nullopt}},
         {"personnel_total", {"100.00"}}, {"public_total", {"20.00"}}});
    return f;
}

// A budget: 201 with one 款 (its 项 not printed), 208 only here, 205 planned at 0.
Filing budget(int year) {
    Filing f = make("预算", year);
    put(f, K::BudgetExpenditure, {"total", "basic", "project"},
        {{"201", {"130.00", "100.00", "30.00"}},
         {"20101", {"130.00", "100.00", "30.00"}},
         {"205", {"0.00", "0.00", std::nullopt}},
         {"208", {"25.00", "25.00", std::nullopt}},
         {"20805", {"25.00", "25.00", std::nullopt}},
         {"total", {"155.00", "125.00", "30.00"}}});
    put(f, K::BudgetBasicEconomic, {"total", "personnel", "public"},
        {{"301", {"110.00", "110.00", "0.00"}}, {"30101", {"80.00", "80.00", "0.00"}}, {"302", {"15.00", "0.00", "15.00"}},
         {"total", {"125.00", "110.00", "15.00"}}});
    return f;
}

const BudgetActualLine* find(const std::vector<BudgetActualLine>& lines, const std::string& code) {
    for (const auto& l : lines) {
        if (l.code == code) return &l;
        if (const BudgetActualLine* c = find(l.children, code)) return c;
    }
    return nullptr;
}

std::int64_t magnitude(std::int64_t x) { return x < 0 ? -x : x; }

// Every list of lines (at every level) is sorted by |difference|, largest first, then by code.
void check_sorted(const std::vector<BudgetActualLine>& lines) {
    for (std::size_t i = 1; i < lines.size(); ++i) {
        std::int64_t a = magnitude(lines[i - 1].difference), b = magnitude(lines[i].difference);
        CHECK((a > b || (a == b && lines[i - 1].code < lines[i].code)));
    }
    for (const auto& l : lines) check_sorted(l.children);
}

}  // namespace

TEST_CASE("same year: 执行率 = spent ÷ planned, 差额 = spent − planned, largest deviation first") {
    Filing a = actual_2024(), b = budget(2024);
    auto v = compare_budget_actual(a, b);
    REQUIRE(v);
    CHECK(v->pairing == BudgetPairing::SameYear);
    CHECK(v->budget_year == 2024);
    CHECK(v->actual_year == 2024);
    REQUIRE(v->functions);
    const auto& fn = *v->functions;
    CHECK(fn.scope == "部门支出（全部资金）");
    // 205: spent 60 against 0 planned; 201: 100 against 130; 208: nothing spent against 25.
    REQUIRE(fn.lines.size() == 3);
    CHECK(fn.lines[0].code == "205");
    CHECK(fn.lines[0].difference == wan("60"));
    CHECK(!fn.lines[0].rate_pct_micro);  // planned 0: no rate
    CHECK(fn.lines[1].code == "201");
    CHECK(fn.lines[1].planned == wan("130"));
    CHECK(fn.lines[1].spent == wan("100"));
    CHECK(fn.lines[1].difference == -wan("30"));
    CHECK(fn.lines[1].rate_pct_micro == percent_micro(wan("100"), wan("130")));
    CHECK(fn.lines[2].code == "208");
    CHECK(!fn.lines[2].spent);
    CHECK(fn.lines[2].difference == -wan("25"));
    CHECK(fn.lines[2].rate_pct_micro == 0);  // nothing spent of a printed budget
    check_sorted(fn.lines);
    CHECK(fn.total.planned == wan("155"));
    CHECK(fn.total.spent == wan("160"));
    CHECK(fn.total.difference == wan("5"));
}

TEST_CASE("款 and 项 appear beneath their class only where both filings print that level") {
    auto v = compare_budget_actual(actual_2024(), budget(2024));
    REQUIRE(v);
    const auto& lines = v->functions->lines;
    const BudgetActualLine* c201 = find(lines, "201");
    REQUIRE(c201);
    // Both print 款 under 201: the union of them, 20102 only in the 决算.
    REQUIRE(c201->children.size() == 2);
    CHECK(c201->children[0].code == "20101");  // |−40| before |+10|
    CHECK(c201->children[0].level == 1);
    CHECK(c201->children[1].code == "20102");
    CHECK(!c201->children[1].planned);
    // The budget prints no 项 under 20101: none shown.
    CHECK(c201->children[0].children.empty());
    // 208's 款 is printed by the budget only; 205 and 206 print none on either side; 206 has no amount at all.
    CHECK(find(lines, "208")->children.empty());
    CHECK(find(lines, "205")->children.empty());
    CHECK(!find(lines, "206"));
    // A name comes from the 决算 where it prints the line.
    CHECK(c201->name == "名称201");
}

TEST_CASE("economic classes: table 06 against the budget's 基本支出经济分类, totals from table 05, 人员/公用经费") {
    auto v = compare_budget_actual(actual_2024(), budget(2024));
    REQUIRE(v);
    REQUIRE(v->economic);
    const auto& e = *v->economic;
    CHECK(e.scope == "一般公共预算财政拨款基本支出");
    REQUIRE(e.lines.size() == 2);
    CHECK(e.lines[0].code == "301");
    CHECK(e.lines[0].difference == -wan("10"));
    CHECK(e.lines[1].code == "302");
    // 30101 on both sides, 30102 in the 决算 only; 302's 款 printed by neither with an amount.
    REQUIRE(e.lines[0].children.size() == 2);
    CHECK(e.lines[0].children[0].code == "30102");
    CHECK(e.lines[0].children[1].code == "30101");
    CHECK(e.lines[1].children.empty());
    CHECK(e.total.planned == wan("125"));
    CHECK(e.total.spent == wan("120"));  // table 05 合计 基本支出
    REQUIRE(e.parts.size() == 2);
    CHECK(e.parts[0].name == "人员经费");
    CHECK(e.parts[0].planned == wan("110"));
    CHECK(e.parts[0].spent == wan("100"));
    CHECK(e.parts[1].name == "公用经费");
    CHECK(e.parts[1].spent == wan("20"));
}

TEST_CASE("next year's budget against this year's 决算: 增减 = planned − spent, 增减率 = 增减 ÷ spent") {
    auto v = compare_budget_actual(actual_2024(), budget(2025));
    REQUIRE(v);
    CHECK(v->pairing == BudgetPairing::NextYearBudget);
    CHECK(v->budget_year == 2025);
    CHECK(v->actual_year == 2024);
    const BudgetActualLine* c201 = find(v->functions->lines, "201");
    CHECK(c201->difference == wan("30"));
    CHECK(c201->rate_pct_micro == percent_micro(wan("30"), wan("100")));
    const BudgetActualLine* c208 = find(v->functions->lines, "208");
    CHECK(c208->difference == wan("25"));
    CHECK(!c208->rate_pct_micro);  // nothing spent the year before: no rate
    CHECK(v->functions->total.difference == -wan("5"));
    check_sorted(v->functions->lines);
}

TEST_CASE("a 决算 is shown with its own year's budget, else next year's, else none") {
    Filing a = actual_2024(), same = budget(2024), next = budget(2025);
    auto lookup = [&](std::set<int> years) {
        return [&, years](int y) -> const Filing* { return !years.count(y) ? nullptr : y == 2024 ? &same : &next; };
    };
    auto both = match_budget(a, lookup({2024, 2025}));
    REQUIRE(both);
    CHECK(both->budget == &same);
    CHECK(both->pairing == BudgetPairing::SameYear);
    auto only_next = match_budget(a, lookup({2025}));
    REQUIRE(only_next);
    CHECK(only_next->budget == &next);
    CHECK(only_next->pairing == BudgetPairing::NextYearBudget);
    CHECK(!match_budget(a, lookup({2023, 2026})));
}

TEST_CASE("no comparison across departments, other years, the wrong kinds or without amounts") {
    Filing a = actual_2024();
    Filing other = budget(2024);
    other.slug = "other";
    CHECK(!compare_budget_actual(a, other));
    CHECK(!compare_budget_actual(a, budget(2023)));
    CHECK(!compare_budget_actual(a, budget(2026)));
    CHECK(!compare_budget_actual(budget(2024), a));
    Filing empty = make("预算", 2024);
    put(empty, K::BudgetExpenditure, {"total"}, {{"201", {std::nullopt}}});
    CHECK(!compare_budget_actual(a, empty));
}

TEST_CASE("without 03 and 部门支出预算总表 amounts, table 05 is compared with the 一般公共预算支出功能分类预算表") {
    Filing a = make("决算", 2024);
    put(a, K::GeneralBudgetExpenditure, {"total", "basic", "project"}, {{"201", {"12.00", "12.00", std::nullopt}}, {"total", {"12.00", "12.00", std::nullopt}}});
    Filing b = make("预算", 2024);
    put(b, K::BudgetGeneralFunction, {"total", "basic", "project"}, {{"201", {"10.00", "10.00", std::nullopt}}, {"total", {"10.00", "10.00", std::nullopt}}});
    auto v = compare_budget_actual(a, b);
    REQUIRE(v);
    REQUIRE(v->functions);
    CHECK(v->functions->scope == "一般公共预算财政拨款支出");
    CHECK(v->functions->lines.at(0).rate_pct_micro == 120 * kMicro);
    CHECK(!v->economic);
}

TEST_CASE("the page's view: columns by pairing, 款 rows name their 类, the lead states both totals") {
    auto same = compare_budget_actual(actual_2024(), budget(2024));
    Filing b25 = budget(2025);
    auto next = compare_budget_actual(actual_2024(), b25);
    Filing b24 = budget(2024);
    auto vs = budget_section_view(*same, b24);
    auto vn = budget_section_view(*next, b25);
    CHECK(vs["columns"][3]["label"] == "执行率");
    CHECK(vn["columns"][0]["label"] == "2024 年决算数");
    CHECK(vn["columns"][2]["label"] == "增减");
    CHECK(vn["columns"][3]["label"] == "增减率");
    CHECK(vn["subtitle"].get<std::string>().find("下一年预算与本年决算") == 0);
    for (const auto& c : vn["columns"]) CHECK(c["label"].get<std::string>().find("执行率") == std::string::npos);  // not an execution
    CHECK(vs["lead"].get<std::string>().find("执行率") != std::string::npos);
    CHECK(vn["lead"].get<std::string>().find("2024 年决算支出 160.00") == 0);
    const auto& rows = vs["tables"][0]["rows"];
    REQUIRE(rows.size() == 5);  // 205, 201, 20101, 20102, 208
    CHECK(rows[1]["id"] == "budget-functions-201");
    CHECK(rows[2]["parent"] == "budget-functions-201");
    CHECK(rows[0]["parent"] == "");
    CHECK(rows[1]["cells"][2]["text"] == "-30.00");
    CHECK(rows[1]["cells"][2]["sort"] == std::to_string(wan("30")));  // sorts by the size of the 差额
}

TEST_CASE("普陀区财政局: 2025 预算 against 2024 决算, every number one of the two filings' cells") {
    const std::string budget_rel = "310107-putuo/2025/finance-bureau.budget.json";
    auto budgets = real_budget_paths();
    if (std::find(budgets.begin(), budgets.end(), budget_rel) == budgets.end()) {
        MESSAGE("data/" << budget_rel << " is not there yet");
        return;
    }
    Filing a = real_filing(kPutuoFiling), b = real_filing(budget_rel);
    auto v = compare_budget_actual(a, b);
    REQUIRE(v);
    CHECK(v->pairing == BudgetPairing::NextYearBudget);
    REQUIRE(v->functions);
    REQUIRE(v->economic);

    // Each line's two amounts are the cells of its code; every coded amount of the 类 level is a line.
    auto check_dimension = [&](const BudgetActualSection& s, K actual_kind, const char* actual_column, K budget_kind) {
        const Block* ab = a.table(actual_kind)->block("main");
        const Block* bb = b.table(budget_kind)->block("main");
        auto cell = [](const Block* blk, const std::string& code, const char* col) -> MaybeMoney {
            const Row* r = blk->row_by_code(code);
            if (!r) return std::nullopt;
            auto c = blk->cell(*r, col);
            return c ? MaybeMoney(c->micro) : std::nullopt;
        };
        std::size_t checked = 0;
        std::function<void(const std::vector<BudgetActualLine>&)> walk = [&](const std::vector<BudgetActualLine>& lines) {
            for (const auto& l : lines) {
                CHECK_MESSAGE(l.spent == cell(ab, l.code, actual_column), l.code);
                CHECK_MESSAGE(l.planned == cell(bb, l.code, "total"), l.code);
                CHECK(l.difference == l.planned.value_or(0) - l.spent.value_or(0));
                if (l.spent && *l.spent != 0) CHECK(l.rate_pct_micro == percent_micro(l.difference, *l.spent));
                ++checked;
                walk(l.children);
            }
        };
        walk(s.lines);
        check_sorted(s.lines);
        std::set<std::string> shown;
        for (const auto& l : s.lines) shown.insert(l.code);
        for (const Block* blk : {ab, bb})
            for (const auto& r : blk->rows)
                if (r.code.size() == 3 && blk->cell(r, blk == ab ? actual_column : "total")) CHECK_MESSAGE(shown.count(r.code), r.code);
        CHECK(checked > shown.size());  // 款 and 项 beneath
        CHECK(s.total.planned == cell_value(b.table(budget_kind), "main", "total", "total"));
    };
    check_dimension(*v->functions, K::Expenditure, "total", K::BudgetExpenditure);
    CHECK(v->functions->total.spent == cell_value(a.table(K::Expenditure), "main", "total", "total"));
    check_dimension(*v->economic, K::BasicExpenditure, "amount", K::BudgetBasicEconomic);
    CHECK(v->economic->total.spent == cell_value(a.table(K::GeneralBudgetExpenditure), "main", "total", "basic"));

    // The budget prints 元: its cells are the printed 元 × 100 millionths of 万元, exactly.
    const Table* bt = b.table(K::BudgetExpenditure);
    CHECK(bt->unit == "元");
    const Block* bb = bt->block("main");
    auto total = bb->cell(*bb->row_by_key("total"), "total");
    REQUIRE(total);
    auto printed = parse_decimal(total->printed);
    REQUIRE(printed);
    CHECK(printed->micro % 10'000 == 0);
    CHECK(v->functions->total.planned == printed->micro / 10'000);
}
