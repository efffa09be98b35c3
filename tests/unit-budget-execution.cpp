// Budget execution (compute/budget_execution.hpp) on small hand-made filings: the planned total a budget prints,
// execution rates ranked across a county-year, the departments that published only one kind, the two lines of the
// history page; and their views (render/view_budget_execution.hpp).
#include <doctest/doctest.h>

#include "compute/budget_execution.hpp"
#include "model/money.hpp"
#include "render/view_budget_execution.hpp"

using namespace gongkai;

namespace {

std::int64_t wan(const char* s) { return parse_decimal(s)->micro; }

Cell amount(const char* s) { return parse_decimal(s); }

// A one-column block with key rows: {key, amount or nullptr}.
Block key_block(const char* id, const char* column, std::vector<std::pair<const char*, const char*>> rows) {
    Block b;
    b.id = id;
    b.columns = {{column, column}};
    for (const auto& [key, v] : rows) b.rows.push_back({key, "", std::nullopt, key, {v ? amount(v) : Cell{}}});
    return b;
}

Table table(TableKind kind, std::vector<Block> blocks) {
    Table t;
    t.kind = kind;
    t.blocks = std::move(blocks);
    return t;
}

// A 决算 whose 收入支出决算总表 prints 本年支出合计 `spent` (nullptr: left blank).
Filing actual(const char* slug, const char* name, int year, const char* spent) {
    Filing f;
    f.county_dir = "990001-example-1";
    f.slug = slug;
    f.department_name = name;
    f.year = year;
    f.kind = "决算";
    f.tables.push_back(table(TableKind::IncomeExpenditureSummary,
                             {key_block("income", "amount", {{"grand_total", spent}}),
                              key_block("expenditure", "amount", {{"total_expenditure", spent}, {"grand_total", spent}})}));
    return f;
}

// A 预算 whose 部门财务收支预算总表 prints 支出总计 `planned`.
Filing budget(const char* slug, const char* name, int year, const char* planned) {
    Filing f;
    f.county_dir = "990001-example-1";
    f.slug = slug;
    f.department_name = name;
    f.year = year;
    f.kind = "预算";
    f.unit = "元";
    f.tables.push_back(table(TableKind::BudgetSummary,
                             {key_block("income", "amount", {{"grand_total", planned}}),
                              key_block("expenditure", "amount", {{"grand_total", planned}})}));
    return f;
}

}  // namespace

TEST_CASE("a budget's planned total: 支出总计 of the summary table, else the other tables that print it") {
    Filing b = budget("a", "甲局", 2024, "1000.00");
    CHECK(budget_total(b) == wan("1000.00"));
    // Without 支出总计: the summary's 本年支出合计.
    b.tables[0].blocks[1] = key_block("expenditure", "amount", {{"total_expenditure", "900.00"}, {"grand_total", nullptr}});
    CHECK(budget_total(b) == wan("900.00"));
    // Without a summary table: 支出总计 of the fiscal summary, else the 合计 of the spending table.
    b.tables.clear();
    b.tables.push_back(table(TableKind::BudgetExpenditure, {key_block("main", "total", {{"total", "800.00"}})}));
    CHECK(budget_total(b) == wan("800.00"));
    Block fiscal = key_block("expenditure", "total", {{"grand_total", "700.00"}});
    b.tables.push_back(table(TableKind::BudgetFiscalSummary, {fiscal}));
    CHECK(budget_total(b) == wan("700.00"));
    b.tables.clear();
    CHECK_FALSE(budget_total(b));
}

TEST_CASE("execution rates are ranked highest first; ties share the rank; only departments with both kinds") {
    Filing a = actual("a", "甲局", 2024, "950.00"), b = actual("b", "乙局", 2024, "1100.00"), c = actual("c", "丙局", 2024, "190.00"),
           d = actual("d", "丁局", 2024, "500.00"), z = actual("z", "戊局", 2024, "50.00"), blank = actual("k", "己局", 2024, nullptr);
    Filing pa = budget("a", "甲局", 2024, "1000.00"), pb = budget("b", "乙局", 2024, "1000.00"), pc = budget("c", "丙局", 2024, "200.00"),
           pe = budget("e", "庚局", 2024, "300.00"), pz = budget("z", "戊局", 2024, "0.00"), pk = budget("k", "己局", 2024, "10.00");
    CountyBudgetExecution e = county_budget_execution({&a, &b, &c, &d, &z, &blank}, {&pa, &pb, &pc, &pe, &pz, &pk});
    CHECK(e.has_budgets);
    REQUIRE(e.rates.size() == 3);  // 戊局 plans 0 and 己局 prints no 支出合计: no rate, and not listed as missing a kind
    CHECK(e.rates[0].actual == &b);
    CHECK(e.rates[0].budget == &pb);
    CHECK(e.rates[0].rate_pct_micro == 110 * kMicro);
    CHECK(e.rates[0].rank == 1);
    CHECK(e.rates[0].spent == wan("1100.00"));
    CHECK(e.rates[0].planned == wan("1000.00"));
    // 甲局 and 丙局 both execute 95%: the same rank, by name (丙 U+4E19 before 甲 U+7532).
    CHECK(e.rates[1].actual == &c);
    CHECK(e.rates[2].actual == &a);
    CHECK(e.rates[1].rate_pct_micro == 95 * kMicro);
    CHECK(e.rates[1].rank == 2);
    CHECK(e.rates[2].rank == 2);
    REQUIRE(e.budget_only.size() == 1);
    CHECK(e.budget_only[0] == &pe);
    REQUIRE(e.actual_only.size() == 1);
    CHECK(e.actual_only[0] == &d);

    // Without any budget that year: nothing is listed as missing one.
    CountyBudgetExecution none = county_budget_execution({&a, &d}, {});
    CHECK_FALSE(none.has_budgets);
    CHECK(none.rates.empty());
    CHECK(none.actual_only.empty());
    CHECK(none.budget_only.empty());
    // Only budgets: each is listed.
    CountyBudgetExecution plans = county_budget_execution({}, {&pe, &pa});
    CHECK(plans.has_budgets);
    REQUIRE(plans.budget_only.size() == 2);
    CHECK(plans.budget_only[0] == &pe);  // 庚 U+5E9A before 甲 U+7532
}

TEST_CASE("the dashboard view: rank text, links relative to the county-year page, the two lists") {
    Filing a = actual("a", "甲局", 2024, "950.00"), d = actual("d", "丁局", 2024, "500.00");
    Filing pa = budget("a", "甲局", 2024, "1000.00"), pe = budget("e", "庚局", 2024, "300.00");
    auto v = county_budget_view(county_budget_execution({&a, &d}, {&pa, &pe}));
    CHECK(v["show"] == true);
    REQUIRE(v["rates"].size() == 1);
    CHECK(v["rates"][0]["rank_text"] == "第 1/1");
    CHECK(v["rates"][0]["rate"]["text"] == "95.0%");
    CHECK(v["rates"][0]["rate"]["sort"] == std::to_string(95 * kMicro));
    CHECK(v["rates"][0]["planned"]["text"] == "1,000.00");
    CHECK(v["rates"][0]["spent"]["text"] == "950.00");
    CHECK(v["rates"][0]["link"] == "a/index.html#budget");
    CHECK(v["budget_only"][0]["name"] == "庚局");
    CHECK(v["budget_only"][0]["link"] == "e/e.budget.json");  // no department page that year: the budget's data
    CHECK(v["actual_only"][0]["link"] == "d/index.html");
    CHECK(county_budget_view(county_budget_execution({&a}, {}))["show"] == false);
}

TEST_CASE("a department's budgets and final accounts across years, next year's plan included") {
    Filing a23 = actual("a", "甲局", 2023, "900.00"), a24 = actual("a", "甲局", 2024, "1200.00");
    Filing p22 = budget("a", "甲局", 2022, "800.00"), p24 = budget("a", "甲局", 2024, "1000.00"), p25 = budget("a", "甲局", 2025, "1300.00");
    auto years = plan_and_spending_by_year({&a24, &a23}, {&p25, &p22, &p24});
    REQUIRE(years.size() == 4);
    CHECK(years[0].year == 2022);
    CHECK(years[0].planned == wan("800.00"));
    CHECK_FALSE(years[0].spent);
    CHECK_FALSE(years[0].rate_pct_micro);
    CHECK(years[1].year == 2023);
    CHECK_FALSE(years[1].planned);
    CHECK(years[1].actual == &a23);
    CHECK(years[2].year == 2024);
    CHECK(years[2].rate_pct_micro == 120 * kMicro);
    CHECK(years[3].year == 2025);
    CHECK(years[3].budget == &p25);
    CHECK_FALSE(years[3].actual);

    auto v = history_budget_view(years, "a");
    CHECK(v["show"] == true);
    CHECK(v["rows"][2]["rate"]["text"] == "120.0%");
    CHECK(v["rows"][3]["plan_only"] == true);
    CHECK(v["rows"][3]["actual_link"].is_null());
    CHECK(v["rows"][3]["budget_link"] == "../../2025/a/a.budget.json");
    CHECK(v["rows"][1]["actual_link"] == "../../2023/a/index.html");
    auto chart = nlohmann::json::parse(v["chart"].get<std::string>());
    CHECK(chart["categories"] == nlohmann::json::array({"2022", "2023", "2024", "2025"}));
    CHECK(chart["series"][0]["data"][1].is_null());
    CHECK(chart["series"][0]["data"][3] == 1300.0);
    CHECK(chart["series"][1]["data"][2] == 1200.0);
    // Without budgets the part is not shown.
    CHECK(history_budget_view(plan_and_spending_by_year({&a23}, {}), "a")["show"] == false);
}
