// The importer on 部门预算 (budgets): the titles of Shanghai's and Jiangsu's templates, a table of contents
// announcing tables, Jiangsu's table layouts (two-sided 收支预算总表 with its own row names, single-cell codes,
// a 三公 table with 会议费 and 培训费) and the budget wording of the narrative. The four published budgets are
// compared with their hand-made filings in import-golden.cpp.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "import/layout/text_flow.hpp"
#include "import/narrative/figure_reader.hpp"
#include "import/tables/table_reader.hpp"
#include "import/tables/table_titles.hpp"

using namespace gongkai::import;
using nlohmann::json;

namespace {

// The rows of a table's block as "key-or-code=value" for one column.
std::map<std::string, std::string> column_of(const json& table, const std::string& block, const std::string& column) {
    std::map<std::string, std::string> out;
    for (const auto& b : table["blocks"]) {
        if (b["id"] != block) continue;
        for (const auto& r : b["rows"]) {
            const std::string id = r.contains("code") ? r["code"].get<std::string>() : r["key"].get<std::string>();
            const json& v = r["values"][column];
            if (id != "blank") out[id] = v.is_null() ? "(blank)" : v.get<std::string>();
        }
    }
    return out;
}

const json* table_of(const TablesResult& r, const std::string& kind) {
    for (const auto& t : r.tables)
        if (t["kind"] == kind) return &t;
    return nullptr;
}

// The figures read from one section as "metric[code]=value".
std::multiset<std::string> figures_of(const std::string& id, const std::string& title, const std::string& text) {
    const NarrativeResult r = read_figures({NarrativeSection{id, title, text}}, {}, true);
    std::multiset<std::string> out;
    for (const auto& f : r.figures)
        out.insert(f["metric"].get<std::string>() + (f.contains("code") ? "[" + f["code"].get<std::string>() + "]" : "") + "=" +
                   f["value"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("budget table titles of both templates name their kinds, with or without the year") {
    const std::map<std::string, std::string> titles = {
        {"2025年部门财务收支预算总表", "budget_summary"},
        {"2025年部门收入预算总表", "budget_income"},
        {"2025年部门支出预算总表", "budget_expenditure"},
        {"2025年部门财政拨款收支预算总表", "budget_fiscal_summary"},
        {"2025年部门一般公共预算支出功能分类预算表", "budget_general_function"},
        {"2025年部门政府性基金预算支出功能分类预算表", "budget_government_fund"},
        {"2025年部门国有资本经营预算支出功能分类预算表", "budget_state_capital"},
        {"2025年部门一般公共预算基本支出部门预算经济分类预算表", "budget_basic_economic"},
        {"2025年部门“三公”经费和机关运行经费预算表", "budget_three_public"},
        {"部门“三公”经费和机关运行经费预算表", "budget_three_public"},
        {"收支预算总表", "budget_summary"},
        {"收入预算总表", "budget_income"},
        {"支出预算总表", "budget_expenditure"},
        {"财政拨款收支预算总表", "budget_fiscal_summary"},
        {"财政拨款支出预算表", "budget_fiscal_expenditure"},
        {"财政拨款基本支出预算表", "budget_fiscal_basic"},
        {"一般公共预算支出预算表", "budget_general_function"},
        {"一般公共预算基本支出预算表", "budget_basic_economic"},
        {"一般公共预算“三公”经费、会议费、培训费支出预算表", "budget_three_public"},
        {"政府性基金财政拨款支出预算表", "budget_government_fund"},
        {"一般公共预算机关运行经费支出预算表", "budget_operating_cost"},
        {"政府采购支出预算表", "budget_procurement"},
        {"上海市普陀区财政局2025年度部门收入预算总表", "budget_income"},
    };
    for (const auto& entry : titles) {
        const auto& title = entry.first;  // not a structured binding: INFO refers to it from a lambda (clang 14)
        const auto& kind = entry.second;
        INFO(title);
        CHECK(table_kind_of_title(title) == kind);
    }
    // Not titles: a 决算 table keeps its kind, other lines have none.
    CHECK(table_kind_of_title("收入支出决算总表") == "income_expenditure_summary");
    CHECK(table_kind_of_title("2025年部门预算编制说明").empty());
    CHECK(table_kind_of_title("2025年部门专项资金预算明细表").empty());
    // A table of contents announces them with an ordinal, leader dots and a page.
    CHECK(announced_table_kind("1. 2025年部门财务收支预算总表 ……………… 9") == "budget_summary");
    CHECK(announced_table_kind("十二、政府采购支出预算表") == "budget_procurement");
    CHECK(announced_table_title("十二、政府采购支出预算表") == "政府采购支出预算表");
    CHECK(announced_table_ordinal("十二、政府采购支出预算表") == "十二、");
    CHECK(announced_table_kind("政府采购支出预算表").empty());   // no ordinal: a title, not an entry
    CHECK(announced_table_kind("五、部门预算表 ………… 8").empty());  // names no table
}

TEST_CASE("Jiangsu's budget tables are read by title and header") {
    const std::string text =
        "收支预算总表\n"
        "单位：万元\n"
        "收入\t\t支出\t\n"
        "项目\t预算数\t项目\t预算数\n"
        "一、一般公共预算拨款收入\t1,200.50\t一、一般公共服务支出\t1,000.00\n"
        "二、政府性基金预算拨款收入\t0.00\t二、社会保障和就业支出\t150.50\n"
        "三、财政专户管理资金收入\t\t三、住房保障支出\t50.00\n"
        "本年收入合计\t1,200.50\t本年支出合计\t1,200.50\n"
        "上年结转结余\t\t结转下年资金\t\n"
        "收入总计\t1,200.50\t支出总计\t1,200.50\n"
        "一般公共预算支出预算表\n"
        "单位：万元\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\t单位预留机动经费\n"
        "201\t一般公共服务支出\t1,000.00\t600.00\t300.00\t100.00\n"
        "2013101\t行政运行\t600.00\t600.00\t\t\n"
        "\t合计\t1,000.00\t600.00\t300.00\t100.00\n"
        "一般公共预算“三公”经费、会议费、培训费支出预算表\n"
        "单位：万元\n"
        "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\t会议费\t培训费\n"
        "\t\t小计\t公务用车购置费\t公务用车运行费\t\t\t\n"
        "120.00\t10.00\t80.00\t0.00\t80.00\t5.00\t20.00\t5.00\n";
    const TablesResult r = read_tables(text_flow(text, "budget.txt"));
    CHECK(r.unplaced.empty());
    REQUIRE(r.tables.size() == 3);

    const json* summary = table_of(r, "budget_summary");
    REQUIRE(summary);
    CHECK((*summary)["unit"] == "万元");
    CHECK(column_of(*summary, "income", "amount") ==
          std::map<std::string, std::string>{{"general_budget", "1,200.50"}, {"government_fund", "0.00"}, {"fiscal_special", "(blank)"},
                                             {"total_income", "1,200.50"}, {"opening_balance", "(blank)"}, {"grand_total", "1,200.50"}});
    CHECK(column_of(*summary, "expenditure", "amount") ==
          std::map<std::string, std::string>{{"201", "1,000.00"}, {"208", "150.50"}, {"221", "50.00"}, {"total_expenditure", "1,200.50"},
                                             {"closing_balance", "(blank)"}, {"grand_total", "1,200.50"}});

    const json* function = table_of(r, "budget_general_function");
    REQUIRE(function);
    CHECK(column_of(*function, "main", "reserve") ==
          std::map<std::string, std::string>{{"201", "100.00"}, {"2013101", "(blank)"}, {"total", "100.00"}});
    CHECK(column_of(*function, "main", "basic") ==
          std::map<std::string, std::string>{{"201", "600.00"}, {"2013101", "600.00"}, {"total", "600.00"}});

    const json* three = table_of(r, "budget_three_public");
    REQUIRE(three);
    CHECK(column_of(*three, "main", "budget") ==
          std::map<std::string, std::string>{{"total", "120.00"}, {"abroad", "10.00"}, {"vehicle_subtotal", "80.00"},
                                             {"vehicle_purchase", "0.00"}, {"vehicle_operation", "80.00"}, {"reception", "5.00"},
                                             {"meeting", "20.00"}, {"training", "5.00"}});
}

TEST_CASE("an empty budget table keeps its 合计 row and its note; 无 is a row of the fund tables") {
    const std::string text =
        "2026年部门政府性基金预算支出功能分类预算表\n"
        "编制部门：某某局 单位：元\n"
        "项目\t\t\t\t政府性基金预算支出\t\t\n"
        "类\t款\t项\t功能分类科目名称\t合计\t基本支出\t项目支出\n"
        "无\t\t\t\t\t\t\n"
        "合计\t\t\t\t\t\t\n"
        "注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。\n";
    const TablesResult r = read_tables(text_flow(text, "budget.txt"));
    REQUIRE(r.tables.size() == 1);
    const json& t = r.tables[0];
    CHECK(t["unit"] == "元");
    CHECK(column_of(t, "main", "total") == std::map<std::string, std::string>{{"none", "(blank)"}, {"total", "(blank)"}});
    CHECK(t["empty_explanation"] == "注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。");
}

TEST_CASE("a budget's narrative maps planned amounts, changes on last year's budget and its items") {
    const auto overview = figures_of(
        "四", "2025年部门预算编制说明",
        "2025年，某某局收入预算3,121.42万元，其中：财政拨款收入3,121.42万元，比2024年预算增加107.62万元；事业收入0万元。\n"
        "支出预算3,121.42万元，其中：财政拨款支出预算3,121.42万元。财政拨款支出预算中，一般公共预算拨款支出预算3,121.42万元，"
        "比2024年预算增加107.62万元；政府性基金拨款支出预算0万元，与2024年预算持平。\n"
        "1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于：行政单位的基本支出。2025年当年预算执行数为"
        "1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。");
    CHECK(overview == std::multiset<std::string>{
                          "income.total=3,121.42", "income.fiscal.amount=3,121.42", "income.fiscal.yoy_change=107.62",
                          "income.business.amount=0", "expenditure.total=3,121.42", "fiscal.total=3,121.42", "gb.total=3,121.42",
                          "gb.yoy_change=107.62", "gov_fund.total=0", "gb.item.amount[2040601]=1672.67",
                          "gb.item.prior[2040601]=1690.69", "gb.item.amount[2040601]=1672.67", "gb.item.yoy_pct[2040601]=1.07"});
    const auto three = figures_of("六.一", "一、2025年“三公”经费预算情况说明",
                                  "2025年“三公”经费预算数为0.95万元，与2024年预算持平。其中：\n"
                                  "（二）公务车购置及运行费0万元，其中：公务用车购置费0万元，与2024年预算一致0万元。");
    CHECK(three == std::multiset<std::string>{"three_public.total.budget=0.95", "three_public.vehicle.budget=0",
                                              "three_public.vehicle_purchase.budget=0", "three_public.vehicle_purchase.yoy_change=0"});
    const auto performance = figures_of("六.四", "四、绩效目标设置情况",
                                        "按照本区预算绩效管理工作的总体要求，本部门2个预算单位开展了2026年项目预算绩效目标编报工作，"
                                        "编报绩效目标的项目20个，涉及项目预算资金7054.05万元。其中：中介机构服务费418.80万元。");
    CHECK(performance == std::multiset<std::string>{"performance.units=2", "performance.projects=20", "performance.amount=7054.05",
                                                    "performance.item.amount=418.80"});
    const auto assets = figures_of("六.五", "五、国有资产占有使用情况",
                                   "截至2025年8月31日，某某局共有车辆3辆，其中：执法执勤用车3辆。\n"
                                   "2026年部门预算安排购置车辆1辆，其中：其他用车1辆；部门预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。");
    CHECK(assets == std::multiset<std::string>{"assets.vehicles.total=3", "assets.vehicles.law_enforcement=3",
                                               "assets.vehicles_planned.total=1", "assets.vehicles_planned.other=1",
                                               "assets.equipment_over_1m_planned=0"});
    // Jiangsu names the class in a sub-heading and only 款 and 项 in its items: codes from the national list.
    const auto jiangsu = figures_of("五", "五、财政拨款支出预算情况说明",
                                    "（三）住房保障支出（类）\n"
                                    "2.住房改革支出（款）提租补贴（项）支出2928.22万元，与上年相比增加628.34万元，增长27.32%。");
    CHECK(jiangsu == std::multiset<std::string>{"gb.item.amount[2210202]=2928.22", "gb.item.yoy_change[2210202]=628.34",
                                                "gb.item.yoy_pct[2210202]=27.32"});
}
