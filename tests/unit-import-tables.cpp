// Table recognition and the code-based tables (收入/支出决算表, 05, 06, 07, 08): importing the published
// documents reproduces the hand-made filings in data/ cell for cell; small hand-built flows check codes in
// one or three columns, wrapped names, spanning headers and unplaceable cells.
#include <doctest/doctest.h>

#include <set>

#include "import/layout/pdf_flow.hpp"
#include "import/layout/text_flow.hpp"
#include "import/source/pdf_reader.hpp"
#include "import/tables/cell_text.hpp"
#include "import/tables/table_reader.hpp"
#include "import/tables/table_segment.hpp"
#include "import/tables/table_titles.hpp"
#include "test_support.hpp"

using namespace gongkai::import;
using nlohmann::json;

namespace {

const std::string kDisclosures = std::string(GONGKAI_SHARED_DIR) + "/disclosures/";
const std::set<std::string> kOwnKinds = {"income",          "expenditure",   "general_budget_expenditure",
                                         "basic_expenditure", "government_fund", "state_capital"};

json load_filing(const std::string& rel) {
    return json::parse(gongkai::test::read_file(gongkai::test::source_dir() + "/data/" + rel));
}

std::string show(const json& j) { return j.is_null() ? "(blank)" : j.is_string() ? "\"" + j.get<std::string>() + "\"" : j.dump(); }

std::string row_id(const json& row) {
    return row.contains("code") ? "code " + row["code"].get<std::string>() : "key " + row.value("key", std::string("?"));
}

// The first difference between the expected and the imported table, naming table, row, column, expected and
// found; "" when they are the same.
std::string first_difference(const json& want, const json& got) {
    const std::string table = want["kind"].get<std::string>();
    auto field = [](const json& t, const char* name) { return t.contains(name) ? t[name] : json(); };
    for (const char* name : {"title", "number", "unit", "notes", "empty_explanation"}) {
        json w = field(want, name), g = field(got, name);
        if (std::string(name) == "notes") {
            if (w.is_null()) w = json::array();
            if (g.is_null()) g = json::array();
        }
        if (w != g) return table + " " + name + ": expected " + w.dump() + ", found " + g.dump();
    }
    const json& wb = want["blocks"];
    const json& gb = got["blocks"];
    if (wb.size() != gb.size())
        return table + ": expected " + std::to_string(wb.size()) + " blocks, found " + std::to_string(gb.size());
    for (std::size_t b = 0; b < wb.size(); ++b) {
        const std::string block = table + "/" + wb[b]["id"].get<std::string>();
        if (wb[b]["columns"] != gb[b]["columns"])
            return block + " columns: expected " + wb[b]["columns"].dump() + ", found " + gb[b]["columns"].dump();
        const json& wr = wb[b]["rows"];
        const json& gr = gb[b]["rows"];
        for (std::size_t r = 0; r < std::max(wr.size(), gr.size()); ++r) {
            const std::string where = block + " row " + std::to_string(r + 1);
            if (r >= gr.size()) return where + ": expected " + row_id(wr[r]) + " " + wr[r]["name"].dump() + ", found no row";
            if (r >= wr.size()) return where + ": expected no row, found " + row_id(gr[r]) + " " + gr[r]["name"].dump();
            if (row_id(wr[r]) != row_id(gr[r])) return where + ": expected " + row_id(wr[r]) + ", found " + row_id(gr[r]);
            if (field(wr[r], "name") != field(gr[r], "name"))
                return where + " (" + row_id(wr[r]) + ") name: expected " + show(field(wr[r], "name")) + ", found " +
                       show(field(gr[r], "name"));
            for (const json& column : wb[b]["columns"]) {
                const std::string id = column["id"].get<std::string>();
                const json w = wr[r]["values"].contains(id) ? wr[r]["values"][id] : json();
                const json g = gr[r]["values"].contains(id) ? gr[r]["values"][id] : json();
                if (w != g)
                    return where + " (" + row_id(wr[r]) + ") column " + id + ": expected " + show(w) + ", found " + show(g);
            }
            if (gr[r]["values"].size() != wb[b]["columns"].size())
                return where + " (" + row_id(wr[r]) + "): found values for columns " + gr[r]["values"].dump();
        }
    }
    return "";
}

// Compares every table of the kinds this reader maps with the hand-made filing.
void check_golden(const Flow& flow, const std::string& filing) {
    const json want = load_filing(filing);
    const TablesResult result = read_tables(flow);
    for (const json& expected : want["tables"]) {
        const std::string kind = expected["kind"].get<std::string>();
        if (!kOwnKinds.count(kind)) continue;
        CAPTURE(filing);
        const json* got = nullptr;
        for (const json& t : result.tables)
            if (t.value("kind", std::string()) == kind) got = &t;
        if (got == nullptr) {
            FAIL_CHECK(kind << " not found");
            continue;
        }
        const std::string diff = first_difference(expected, *got);
        CHECK_MESSAGE(diff.empty(), diff);
    }
    CHECK(result.missing.empty());
    for (const Unplaced& u : result.unplaced) MESSAGE("unplaced p" << u.page << " l" << u.line_number << ": " << u.text << " (" << u.reason << ")");
}

Flow pdf_flow_of(const std::string& rel) {
    PdfLimits limits;
    return pdf_flow(read_pdf_pages(kDisclosures + rel, limits), rel);
}

// A hand-built flow: text lines (no tab) and table rows (cells separated by tabs), read as extracted text.
Flow flow_of(const std::string& text) { return text_flow(text, "hand-built.txt"); }

const json* table_of(const TablesResult& result, const std::string& kind) {
    for (const json& t : result.tables)
        if (t.value("kind", std::string()) == kind) return &t;
    return nullptr;
}

}  // namespace

TEST_CASE("cell text: amounts, codes and labels") {
    CHECK(is_amount("2,940.05"));
    CHECK(is_amount("0.00"));
    CHECK(is_amount("8"));
    CHECK(is_amount("-12.5"));
    CHECK(is_amount(" 1172.624 "));
    CHECK_FALSE(is_amount(""));
    CHECK_FALSE(is_amount("12,34.5"));
    CHECK_FALSE(is_amount("合计"));
    CHECK_FALSE(is_amount("1.2.3"));
    CHECK(normalise_code({"2010301"}) == std::optional<std::string>("2010301"));
    CHECK(normalise_code({"201", "06", "01"}) == std::optional<std::string>("2010601"));
    CHECK(normalise_code({"201", "", ""}) == std::optional<std::string>("201"));
    CHECK(normalise_code({"201 06 01"}) == std::optional<std::string>("2010601"));
    CHECK_FALSE(normalise_code({"合计"}).has_value());
    CHECK_FALSE(normalise_code({"", ""}).has_value());
    CHECK(normalise_label("附属单位 上缴收入") == "附属单位上缴收入");
    CHECK(normalise_label("项\xE3\x80\x80目") == "项目");
}

TEST_CASE("table titles: as printed, not in the table of contents") {
    CHECK(table_kind_of_title("财政拨款“三公”经费支出决算表") == "three_public");
    CHECK(table_kind_of_title("财政拨款\"三公\"经费支出决算表") == "three_public");
    CHECK(table_kind_of_title("国有资本经营预算财政拨款收入支出决算表") == "state_capital");
    CHECK(table_kind_of_title("一般公共预算财政拨款基本支出决算明细表") == "basic_expenditure");
    CHECK(table_kind_of_title("公开 02 表 收入决算表") == "income");
    CHECK(table_kind_of_title("一、收入支出决算总表").empty());
    CHECK(table_kind_of_title("部门决算表").empty());
    CHECK(table_number_in("公开 01 表") == "公开01表");
    CHECK(table_unit_in("部门：某局 单位：万元") == "万元");
    CHECK(table_unit_in("编制单位：某局").empty());
    CHECK(is_part_heading("第三部分 2024年度部门决算情况说明"));

    // A title in the table of contents is followed by the next title, not by rows: not a table.
    const Flow flow = flow_of(
        "目录\n收入决算表\n支出决算表\n第二部分\n收入决算表\n单位：万元\n"
        "项目\t\t本年收入合计\t财政拨款收入\n功能分类科目编码\t科目名称\t\t\n"
        "合计\t\t10.00\t10.00\n201\t一般公共服务支出\t10.00\t10.00\n注：本表反映收入。\n第三部分\n");
    const TablesResult result = read_tables(flow);
    REQUIRE(result.tables.size() == 1);
    CHECK(result.found[0].title == "收入决算表");
    CHECK(result.tables[0]["unit"] == "万元");
    CHECK(result.tables[0]["notes"] == json::array({"注：本表反映收入。"}));
    CHECK(std::find(result.missing.begin(), result.missing.end(), "expenditure") != result.missing.end());
}

TEST_CASE("table titles: a number printed above the title belongs to the next table, not to the notes above") {
    const Flow flow = flow_of(
        "收入决算表\n公开02表\n单位：万元\n"
        "功能分类科目编码\t科目名称\t本年收入合计\n合计\t\t10.00\n注：本表反映收入。\n"
        "公开03表\n部门：某局\n支出决算表\n单位：元\n"
        "功能分类科目编码\t科目名称\t本年支出合计\n合计\t\t10.00\n说明：本单位本年度没有支出，故本表无数据。\n"
        "收入决算表\n功能分类科目编码\t科目名称\t本年收入合计\n合计\t\t10.00\n");
    const TablesResult result = read_tables(flow);
    REQUIRE(result.tables.size() == 2);
    CHECK(result.tables[0]["number"] == "公开02表");
    CHECK(result.tables[0]["notes"] == json::array({"注：本表反映收入。"}));
    CHECK(result.tables[0]["empty_explanation"].is_null());
    CHECK(result.tables[1]["number"] == "公开03表");
    CHECK(result.tables[1]["unit"] == "元");
    CHECK(result.tables[1]["empty_explanation"] == "说明：本单位本年度没有支出，故本表无数据。");
    // The second 收入决算表 is reported, not read over the first.
    REQUIRE(result.unplaced.size() == 1);
    CHECK(result.unplaced[0].text == "收入决算表");
    std::set<std::size_t> lines(result.table_lines.begin(), result.table_lines.end());
    for (std::size_t i = 0; i < 13; ++i) CHECK_MESSAGE(lines.count(i), "flow line " << i << " belongs to a table");
}

TEST_CASE("code table: a code printed in three columns, a wrapped name, a spanning header") {
    const Flow flow = flow_of(
        "一般公共预算财政拨款支出决算表\n公开05表\n单位：万元\n"
        "项目\t\t\t\t本年支出\t\t\n"
        "类\t款\t项\t科目名称\t合计\t基本支出\t项目支出\n"
        "\t\t\t合计\t2,940.05\t2,336.91\t603.14\n"
        "201\t\t\t一般公共服务支出\t30.00\t\t30.00\n"
        "201\t06\t\t财政事务\t30.00\t\t30.00\n"
        "201\t06\t01\t行政运行\t30.00\t0.00\t30.00\n"
        "\t\t\t（单位本级）\t\t\t\n"
        "注：本表反映一般公共预算财政拨款支出情况。\n");
    const TablesResult result = read_tables(flow);
    const json* table = table_of(result, "general_budget_expenditure");
    REQUIRE(table != nullptr);
    CHECK((*table)["number"] == "公开05表");
    const json& block = (*table)["blocks"][0];
    CHECK(block["columns"] == json::parse(R"([{"id":"total","label":"合计"},{"id":"basic","label":"基本支出"},{"id":"project","label":"项目支出"}])"));
    const json& rows = block["rows"];
    REQUIRE(rows.size() == 4);
    CHECK(rows[0]["key"] == "total");
    CHECK(rows[0]["values"]["total"] == "2,940.05");
    CHECK(rows[1]["code"] == "201");
    CHECK(rows[1]["values"]["basic"].is_null());
    CHECK(rows[2]["code"] == "20106");
    CHECK(rows[3]["code"] == "2010601");
    CHECK(rows[3]["name"] == "行政运行（单位本级）");  // the wrapped line continues the name above
    CHECK(rows[3]["values"]["basic"] == "0.00");      // a printed zero is not a blank
    CHECK(result.unplaced.empty());
}

TEST_CASE("code table: a cell that cannot be placed is reported, not guessed") {
    const Flow flow = flow_of(
        "支出决算表\n单位：元\n"
        "功能分类科目编码\t科目名称\t本年支出合计\t基本支出\t神秘支出\n"
        "合计\t\t10.00\t5.00\t5.00\n"
        "208\t社会保障和就业支出\t10.00\t见附表\t\n"
        "\t\t\t\t\n");
    const TablesResult result = read_tables(flow);
    const json* table = table_of(result, "expenditure");
    REQUIRE(table != nullptr);
    CHECK((*table)["unit"] == "元");
    const json& block = (*table)["blocks"][0];
    CHECK(block["columns"].size() == 2);  // 神秘支出 is no column of the vocabulary
    CHECK(block["rows"][1]["values"]["basic"].is_null());
    std::set<std::string> texts;
    for (const Unplaced& u : result.unplaced) texts.insert(u.text);
    CHECK(texts.count("神秘支出"));  // the unknown header
    CHECK(texts.count("5.00"));      // its cell
    CHECK(texts.count("见附表"));    // a value cell that is not an amount
    for (const Unplaced& u : result.unplaced) CHECK(u.line_number > 0);
}

TEST_CASE("basic expenditure: side-by-side groups and a total printed above its label") {
    const Flow flow = flow_of(
        "一般公共预算财政拨款基本支出决算表\n单位：万元\n"
        "经济分类科目编码\t科目名称\t决算数\t经济分类科目编码\t科目名称\t决算数\n"
        "301\t工资福利支出\t10.00\t302\t商品和服务支出\t2.00\n"
        "30101\t基本工资\t10.00\t30201\t办公费\t\n"
        "\t\t10.00\t30202\t印刷费\t2.00\n"
        "人员经费合计\t\t\t公用经费合计\t\t2.00\n");
    const TablesResult result = read_tables(flow);
    const json* table = table_of(result, "basic_expenditure");
    REQUIRE(table != nullptr);
    const json& rows = (*table)["blocks"][0]["rows"];
    std::vector<std::string> ids;
    for (const json& row : rows) ids.push_back(row.contains("code") ? row["code"].get<std::string>() : row["key"].get<std::string>());
    CHECK(ids == std::vector<std::string>{"301", "30101", "302", "30201", "30202", "personnel_total", "public_total"});
    CHECK(rows[3]["values"]["amount"].is_null());
    CHECK(rows[5]["values"]["amount"] == "10.00");
    CHECK(rows[6]["values"]["amount"] == "2.00");
    CHECK(result.unplaced.empty());
}

TEST_CASE("golden: Xiangtan extracted text") {
    const std::string rel = "xiangtan-county/2024-county-government-office.txt";
    const Flow flow = text_flow(gongkai::test::read_file(kDisclosures + rel), rel);
    check_golden(flow, "430321-xiangtan/2024/county-government-office.json");
}

TEST_CASE("golden: Putuo PDFs") {
    for (const char* filing : {"310107-putuo/2024/finance-bureau.json",
                               "310107-putuo/2024/planning-and-natural-resources-bureau.json",
                               "310107-putuo/2024/social-work-department.json"}) {
        const json want = load_filing(filing);
        const std::string source = want["source"]["file"].get<std::string>();
        const Flow flow = pdf_flow_of(source);
        if (flow.lines.empty()) {
            WARN_MESSAGE(false, "pdf_flow gives no lines yet for " << source);
            continue;
        }
        check_golden(flow, filing);
    }
}
