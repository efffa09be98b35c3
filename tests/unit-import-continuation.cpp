// Tables continued over pages as publications print them (found by the round trip, tests/roundtrip/): the
// header rows printed again at the top of the next page ("print titles", which extracted text runs on in
// the same grid), a 续表 mark, the title repeated with （续） and its 单位 line; a two-sided summary table
// whose 收入 | 支出 header row is repeated; amounts in 元 and negative balances kept as printed.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "import/layout/text_flow.hpp"
#include "import/tables/table_reader.hpp"
#include "import/tables/table_titles.hpp"
#include "test_support.hpp"

using namespace gongkai::import;
using nlohmann::json;

namespace {

const json* table_of(const TablesResult& result, const std::string& kind) {
    for (const json& t : result.tables)
        if (t["kind"] == kind) return &t;
    return nullptr;
}

std::vector<std::string> row_ids(const json& block) {
    std::vector<std::string> ids;
    for (const json& row : block["rows"])
        ids.push_back(row.contains("code") ? row["code"].get<std::string>() : row["key"].get<std::string>());
    return ids;
}

std::string unplaced_list(const TablesResult& result) {
    std::string out;
    for (const Unplaced& u : result.unplaced) out += "line " + std::to_string(u.line_number) + ": " + u.text + " — " + u.reason + "\n";
    return out;
}

const char* kCodeHeader =
    "项 目\t\t本年收入合计\t财政拨款收入\n"
    "功能分类科目编码\t科目名称\t\t\n"
    "栏次\t\t1\t2\n";

}  // namespace

TEST_CASE("continuation marks: a title with （续） names its table; 续表 alone is a mark") {
    CHECK(table_kind_of_title("收入决算表（续）") == "income");
    CHECK(table_kind_of_title("收入决算表(续表)") == "income");
    CHECK(table_kind_of_title("续表 一般公共预算财政拨款基本支出决算明细表") == "basic_expenditure");
    CHECK(table_kind_of_title("续表").empty());
    CHECK(is_continuation_mark("续表"));
    CHECK(is_continuation_mark(" （续） "));
    CHECK_FALSE(is_continuation_mark("续表说明：本表无数据"));
}

TEST_CASE("code table: the header repeated after a page break in extracted text starts no rows") {
    const std::string text = std::string("收入决算表\n\n公开 02 表\n\n单位：万元\n\n") + kCodeHeader +
                             "合计\t\t30.00\t30.00\n"
                             "201\t一般公共服务支出\t30.00\t30.00\n"
                             "\n" + kCodeHeader +
                             "20103\t政府办公厅（室）及相关机构事务\t30.00\t0\n"
                             "2010301\t行政运行\t30.00\t0.00\n\n"
                             "注：本表反映部门本年度取得的各项收入情况。\n";
    const TablesResult result = read_tables(text_flow(text, "test.txt"));
    const json* table = table_of(result, "income");
    REQUIRE(table != nullptr);
    const json& block = (*table)["blocks"][0];
    CHECK(row_ids(block) == std::vector<std::string>{"total", "201", "20103", "2010301"});
    CHECK(block["rows"][2]["values"]["fiscal"] == "0");
    CHECK(block["rows"][3]["values"]["fiscal"] == "0.00");
    INFO(unplaced_list(result));
    CHECK(result.unplaced.empty());
}

TEST_CASE("code table: 续表 and a title with （续） on the continuation page belong to the table") {
    for (const std::string& opening : {std::string("续表\n"), std::string("收入决算表（续）\n\n单位：万元\n\n")}) {
        const std::string text = std::string("收入决算表\n\n单位：万元\n\n") + kCodeHeader +
                                 "合计\t\t30.00\t30.00\n"
                                 "201\t一般公共服务支出\t30.00\t30.00\n\n" + opening + kCodeHeader +
                                 "2010301\t行政运行\t30.00\t30.00\n";
        const TablesResult result = read_tables(text_flow(text, "test.txt"));
        const json* table = table_of(result, "income");
        REQUIRE(table != nullptr);
        CHECK(row_ids((*table)["blocks"][0]) == std::vector<std::string>{"total", "201", "2010301"});
        CHECK((*table)["title"] == "收入决算表");
        INFO(opening << unplaced_list(result));
        CHECK(result.unplaced.empty());
    }
}

TEST_CASE("two-sided table: the 收入 | 支出 header row repeated on the next page is no row") {
    const std::string header =
        "收入\t\t\t支出\t\t\n"
        "项 目\t行次\t决算数\t项 目\t行次\t决算数\n"
        "栏 次\t\t1\t栏 次\t\t2\n";
    const std::string text = "收入支出决算总表\n\n公开 01 表\n单位：万元\n\n" + header +
                             "一、一般公共预算财政拨款收入\t1\t10.00\t一、一般公共服务支出\t5\t10.00\n"
                             "本年收入合计\t2\t10.00\t本年支出合计\t6\t10.00\n\n" + header +
                             "年初结转和结余\t3\t\t年末结转和结余\t7\t-12.30\n"
                             "总计\t4\t10.00\t总计\t8\t-2.30\n";
    const TablesResult result = read_tables(text_flow(text, "test.txt"));
    const json* table = table_of(result, "income_expenditure_summary");
    REQUIRE(table != nullptr);
    CHECK(row_ids((*table)["blocks"][0]) == std::vector<std::string>{"general_budget", "total_income", "opening_balance", "grand_total"});
    CHECK(row_ids((*table)["blocks"][1]) == std::vector<std::string>{"201", "total_expenditure", "closing_balance", "grand_total"});
    CHECK((*table)["blocks"][1]["rows"][2]["values"]["amount"] == "-12.30");
    INFO(unplaced_list(result));
    CHECK(result.unplaced.empty());
}

TEST_CASE("三公 table printed in 元: the unit and the amounts as printed") {
    const std::string text =
        "财政拨款“三公”经费支出决算表\n\n公开 09 表\n\n部门：测试局\n\n单位：元\n\n"
        "预算数\t\t\t\t\t\t决算数\t\t\t\t\t\n"
        "合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\n"
        "\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\n"
        "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\n"
        "432,000.00\t0\t432,000.00\t0.00\t432,000.00\t\t258,000.00\t0\t258,000.00\t0.00\t258,000.00\t\n";
    const TablesResult result = read_tables(text_flow(text, "test.txt"));
    const json* table = table_of(result, "three_public");
    REQUIRE(table != nullptr);
    CHECK((*table)["unit"] == "元");
    const json& rows = (*table)["blocks"][0]["rows"];
    REQUIRE(rows.size() == 6);
    CHECK(rows[0]["values"]["budget"] == "432,000.00");
    CHECK(rows[1]["values"]["actual"] == "0");
    CHECK(rows[3]["values"]["actual"] == "0.00");
    CHECK(rows[5]["values"]["budget"].is_null());
    INFO(unplaced_list(result));
    CHECK(result.unplaced.empty());
}
