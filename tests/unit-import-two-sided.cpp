// The two-sided summary tables (收入支出决算总表, 财政拨款收入支出决算总表) and the 三公 table: importing the
// real disclosures reproduces the hand-made filings in data/ cell for cell; small hand-built flows check
// the rules (uneven sides, a grouped 三公 header read by label, an unknown function class reported).
#include <doctest/doctest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/layout/pdf_flow.hpp"
#include "import/layout/text_flow.hpp"
#include "import/source/pdf_reader.hpp"
#include "import/tables/cell_text.hpp"
#include "import/tables/table_reader.hpp"
#include "import/tables/table_segment.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::import;
using nlohmann::json;

namespace {

const std::vector<std::pair<std::string, std::string>> kKinds = {
    {"income_expenditure_summary", "收入支出决算总表"},
    {"fiscal_summary", "财政拨款收入支出决算总表"},
    {"three_public", "财政拨款“三公”经费支出决算表"},
};

struct Document {
    std::string source;  // path of the published document
    std::string filing;  // path under data/
};

const std::vector<Document> kDocuments = {
    {"xiangtan-county/2024-county-government-office.txt", "430321-xiangtan/2024/county-government-office.json"},
    {"putuo-district/2024-finance-bureau.pdf", "310107-putuo/2024/finance-bureau.json"},
    {"putuo-district/2024-planning-and-natural-resources-bureau.pdf",
     "310107-putuo/2024/planning-and-natural-resources-bureau.json"},
    {"putuo-district/2024-party-committee-social-work-department.pdf", "310107-putuo/2024/social-work-department.json"},
};

Flow flow_of(const std::string& rel) {
    const std::string path = std::string(GONGKAI_SHARED_DIR) + "/disclosures/" + rel;
    if (rel.size() > 4 && rel.substr(rel.size() - 4) == ".txt") return text_flow(test::read_file(path), path);
    return pdf_flow(read_pdf_pages(path, PdfLimits{}), path);
}

bool ends_with(const std::string& text, const std::string& end) {
    return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// A line that starts another table or a part of the document: where a segment ends.
bool ends_segment(const FlowLine& line) {
    if (line.kind != FlowLine::Kind::text) return false;
    const std::string text = normalise_label(line.text);
    if (text.rfind("第", 0) == 0 && text.find("部分") != std::string::npos) return true;
    return text.size() <= 90 && (ends_with(text, "决算表") || ends_with(text, "决算总表") || ends_with(text, "明细表"));
}

// The segment of the table titled `title` (printed alone on its line), built the way the brief describes
// it: the lines from after the title up to the next table title or part heading.
std::optional<TableSegment> find_segment(const Flow& flow, const std::string& kind, const std::string& title) {
    for (std::size_t i = 0; i < flow.lines.size(); ++i) {
        const FlowLine& line = flow.lines[i];
        if (line.kind != FlowLine::Kind::text || normalise_label(line.text) != title) continue;
        // A contents entry is followed by more titles, not by a table.
        std::size_t j = i + 1;
        bool has_rows = false;
        TableSegment segment;
        segment.kind = kind;
        segment.title = title;
        segment.title_line = i;
        for (; j < flow.lines.size() && !ends_segment(flow.lines[j]); ++j) {
            const FlowLine& l = flow.lines[j];
            segment.lines.push_back(j);
            if (l.kind == FlowLine::Kind::table_row) has_rows = true;
            const std::string text = normalise_label(l.text);
            if (l.kind == FlowLine::Kind::text && text.rfind("公开", 0) == 0 && ends_with(text, "表") && text.size() < 20)
                segment.number = text;
            if (l.kind == FlowLine::Kind::text && (text.rfind("单位：", 0) == 0 || text.rfind("单位:", 0) == 0))
                segment.unit = text.substr(text.rfind("单位：", 0) == 0 ? std::string("单位：").size() : 3);
        }
        if (has_rows) return segment;
    }
    return std::nullopt;
}

std::string show(const json& value) { return value.is_null() ? "null" : value.dump(); }

// The first difference between the expected table (from data/) and the one found, or "".
std::string first_difference(const json& expected, const json& found) {
    std::ostringstream why;
    const std::string kind = expected.value("kind", "");
    const json& eb = expected.at("blocks");
    const json& fb = found.contains("blocks") ? found.at("blocks") : json::array();
    if (eb.size() != fb.size()) {
        why << kind << ": " << eb.size() << " blocks expected, " << fb.size() << " found";
        return why.str();
    }
    for (std::size_t b = 0; b < eb.size(); ++b) {
        const std::string id = eb[b].value("id", "");
        if (fb[b].value("id", "") != id) return kind + ": block " + id + " found as " + fb[b].value("id", "");
        if (eb[b]["columns"] != fb[b]["columns"])
            return kind + "/" + id + ": columns expected " + eb[b]["columns"].dump() + ", found " + fb[b]["columns"].dump();
        const json& er = eb[b]["rows"];
        const json& fr = fb[b]["rows"];
        for (std::size_t r = 0; r < std::max(er.size(), fr.size()); ++r) {
            if (r >= er.size() || r >= fr.size()) {
                why << kind << "/" << id << " row " << r << ": expected " << (r < er.size() ? er[r].dump() : "no row")
                    << ", found " << (r < fr.size() ? fr[r].dump() : "no row");
                return why.str();
            }
            for (const char* field : {"key", "code", "line", "name"}) {
                const json e = er[r].contains(field) ? er[r][field] : json();
                const json f = fr[r].contains(field) ? fr[r][field] : json();
                if (e != f) {
                    why << kind << "/" << id << " row " << r << " " << field << ": expected " << show(e) << ", found "
                        << show(f);
                    return why.str();
                }
            }
            for (const auto& column : eb[b]["columns"]) {
                const std::string c = column["id"];
                const json e = er[r]["values"].contains(c) ? er[r]["values"][c] : json();
                const json f = fr[r]["values"].contains(c) ? fr[r]["values"][c] : json();
                if (e != f) {
                    why << kind << "/" << id << " row " << r << " (" << er[r].value("name", "") << ") column " << c
                        << ": expected " << show(e) << ", found " << show(f);
                    return why.str();
                }
            }
        }
    }
    // Notes and the explanation of an empty table: absent, null and [] are the same.
    auto notes = [](const json& t) { return t.contains("notes") && !t["notes"].is_null() ? t["notes"] : json::array(); };
    if (notes(expected) != notes(found))
        return kind + ": notes expected " + notes(expected).dump() + ", found " + notes(found).dump();
    auto explanation = [](const json& t) { return t.contains("empty_explanation") ? t["empty_explanation"] : json(); };
    if (explanation(expected) != explanation(found))
        return kind + ": empty_explanation expected " + show(explanation(expected)) + ", found " +
               show(explanation(found));
    for (const char* field : {"kind", "title", "unit"})
        if (expected.value(field, json()) != found.value(field, json()))
            return kind + ": " + field + " expected " + show(expected.value(field, json())) + ", found " +
                   show(found.value(field, json()));
    return "";
}

json expected_table(const json& filing, const std::string& kind) {
    for (const json& table : filing["tables"])
        if (table["kind"] == kind) return table;
    return json();
}

MappedTable map_segment(const Flow& flow, const TableSegment& segment) {
    return segment.kind == "three_public" ? map_three_public_table(flow, segment) : map_two_sided_table(flow, segment);
}

std::string describe(const std::vector<Unplaced>& unplaced) {
    std::string out;
    for (const Unplaced& u : unplaced)
        out += "  p" + std::to_string(u.page) + " l" + std::to_string(u.line_number) + " " + u.text + " — " + u.reason + "\n";
    return out;
}

void check_document(const Document& document) {
    const Flow flow = flow_of(document.source);
    const json filing = json::parse(test::read_file(test::source_dir() + "/data/" + document.filing));
    for (const auto& entry : kKinds) {
        const auto& kind = entry.first;  // not a structured binding: CAPTURE refers to it from a lambda (clang 14)
        const auto& title = entry.second;
        CAPTURE(document.source);
        CAPTURE(kind);
        const std::optional<TableSegment> segment = find_segment(flow, kind, title);
        REQUIRE_MESSAGE(segment.has_value(), "no segment titled " << title);
        const MappedTable mapped = map_segment(flow, *segment);
        const std::string difference = first_difference(expected_table(filing, kind), mapped.table);
        CHECK_MESSAGE(difference.empty(), difference);
        CHECK_MESSAGE(mapped.unplaced.empty(), "unplaced:\n" << describe(mapped.unplaced));
        CHECK(mapped.found.rows > 0);
        CHECK(mapped.found.cells_read > 0);
        CHECK(!mapped.found.pages.empty());
        CHECK(!mapped.used_lines.empty());
        // Every table row of the segment is consumed.
        for (std::size_t index : segment->lines)
            if (flow.lines[index].kind == FlowLine::Kind::table_row)
                CHECK(std::find(mapped.used_lines.begin(), mapped.used_lines.end(), index) != mapped.used_lines.end());
    }
}

// --- hand-built flows -------------------------------------------------------------------------------------

FlowLine text_row(const std::vector<std::string>& cells, int line_number) {
    FlowLine line;
    line.kind = FlowLine::Kind::table_row;
    line.page = 1;
    line.line_number = line_number;
    line.grid = 0;
    line.grid_columns = static_cast<int>(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        FlowCell cell;
        cell.text = cells[i];
        cell.column = static_cast<int>(i);
        cell.x0 = static_cast<double>(i);
        cell.x1 = static_cast<double>(i + 1);
        line.cells.push_back(cell);
        line.text += (i ? "\t" : "") + cells[i];
    }
    return line;
}

FlowLine text_line(const std::string& text, int line_number) {
    FlowLine line;
    line.page = 1;
    line.line_number = line_number;
    line.text = text;
    return line;
}

// A segment holding every line of the flow after the title at line 0.
TableSegment whole_segment(const Flow& flow, const std::string& kind, const std::string& title) {
    TableSegment segment;
    segment.kind = kind;
    segment.title = title;
    segment.title_line = 0;
    for (std::size_t i = 1; i < flow.lines.size(); ++i) segment.lines.push_back(i);
    return segment;
}

struct PdfCell {
    std::string text;
    double x0, x1;
};

FlowLine pdf_row(const std::vector<PdfCell>& cells, double y) {
    FlowLine line;
    line.kind = FlowLine::Kind::table_row;
    line.page = 3;
    line.grid = 0;
    line.grid_columns = 12;
    line.y0 = y;
    line.y1 = y + 10;
    for (const PdfCell& c : cells) {
        FlowCell cell;
        cell.text = c.text;
        cell.x0 = c.x0;
        cell.x1 = c.x1;
        cell.column = static_cast<int>((c.x0 - 50) / 40);
        cell.span = static_cast<int>((c.x1 - c.x0) / 40 + 0.5);
        line.cells.push_back(cell);
        line.text += (line.text.empty() ? "" : "\t") + c.text;
    }
    return line;
}

}  // namespace

TEST_CASE("the Xiangtan text's summary and 三公 tables match the hand-made filing") { check_document(kDocuments[0]); }

TEST_CASE("the Putuo finance bureau PDF's summary and 三公 tables match the hand-made filing") {
    check_document(kDocuments[1]);
}

TEST_CASE("the Putuo planning bureau PDF's summary and 三公 tables match the hand-made filing") {
    check_document(kDocuments[2]);
}

TEST_CASE("the Putuo social work department PDF's summary and 三公 tables match the hand-made filing") {
    check_document(kDocuments[3]);
}

TEST_CASE("read_tables() gives the same summary and 三公 tables as the filings (once it finds them)") {
    for (const Document& document : kDocuments) {
        const Flow flow = flow_of(document.source);
        const json filing = json::parse(test::read_file(test::source_dir() + "/data/" + document.filing));
        const TablesResult result = read_tables(flow);
        for (const auto& [kind, title] : kKinds) {
            CAPTURE(document.source);
            const json* found = nullptr;
            for (const json& table : result.tables)
                if (table.value("kind", "") == kind) found = &table;
            if (!found) {
                MESSAGE("read_tables() did not return " << kind << " (not ready yet?)");
                continue;
            }
            const std::string difference = first_difference(expected_table(filing, kind), *found);
            CHECK_MESSAGE(difference.empty(), difference);
        }
    }
}

TEST_CASE("a two-sided table whose income side ends earlier gets blank income rows, line numbers kept") {
    Flow flow;
    flow.kind = SourceKind::text;
    flow.lines.push_back(text_line("收入支出决算总表", 1));
    flow.lines.push_back(text_line("单位：万元", 2));
    flow.lines.push_back(text_row({"收入", "", "", "支出", "", ""}, 3));
    flow.lines.push_back(text_row({"项 目", "行次", "决算数", "项 目", "行次", "决算数"}, 4));
    flow.lines.push_back(text_row({"栏 次", "", "1", "栏 次", "", "2"}, 5));
    flow.lines.push_back(text_row({"一、一般公共预算财政拨款收入", "1", "100.00", "一、一般公共服务支出", "4", "60.00"}, 6));
    flow.lines.push_back(text_row({"二、其他收入", "2", "0.00", "二、教育支出", "5", "40.00"}, 7));
    flow.lines.push_back(text_row({"", "3", "", "三、住房保障支出", "6", ""}, 8));
    flow.lines.push_back(text_row({"本年收入合计", "", "100.00", "本年支出合计", "", "100.00"}, 9));
    flow.lines.push_back(text_row({"总计", "", "100.00", "总计", "", "100.00"}, 10));
    flow.lines.push_back(text_line("注：本表反映部门本年度的总收支。", 11));
    const MappedTable mapped = map_two_sided_table(flow, whole_segment(flow, "income_expenditure_summary", "收入支出决算总表"));
    CHECK_MESSAGE(mapped.unplaced.empty(), describe(mapped.unplaced));
    const json& income = mapped.table["blocks"][0];
    const json& expenditure = mapped.table["blocks"][1];
    CHECK(income["id"] == "income");
    CHECK(income["columns"] == json::parse(R"([{"id":"amount","label":"决算数"}])"));
    REQUIRE(income["rows"].size() == 5);
    REQUIRE(expenditure["rows"].size() == 5);
    CHECK(income["rows"][0] == json::parse(R"({"key":"general_budget","line":1,"name":"一、一般公共预算财政拨款收入","values":{"amount":"100.00"}})"));
    CHECK(income["rows"][1]["key"] == "other");
    CHECK(income["rows"][1]["values"]["amount"] == "0.00");  // a printed zero stays a zero
    CHECK(income["rows"][2] == json::parse(R"({"key":"blank","line":3,"name":"","values":{"amount":null}})"));
    CHECK(!income["rows"][3].contains("line"));
    CHECK(income["rows"][3]["key"] == "total_income");
    CHECK(expenditure["rows"][2] == json::parse(R"({"code":"221","line":6,"name":"三、住房保障支出","values":{"amount":null}})"));
    CHECK(expenditure["rows"][4]["key"] == "grand_total");
    CHECK(mapped.table["notes"] == json::parse(R"(["注：本表反映部门本年度的总收支。"])"));
    CHECK(mapped.found.rows == 5);
    CHECK(mapped.found.columns == 2);
    CHECK(mapped.found.cells_read == 10);
    CHECK(mapped.used_lines.size() == flow.lines.size());
}

TEST_CASE("an expenditure class the classification does not name is reported, not coded") {
    Flow flow;
    flow.kind = SourceKind::text;
    flow.lines.push_back(text_line("财政拨款收入支出决算总表", 1));
    flow.lines.push_back(text_row({"收入", "", "支出", "", "", "", ""}, 2));
    flow.lines.push_back(text_row({"项目", "金额", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"}, 3));
    flow.lines.push_back(text_row({"一、一般公共预算财政拨款", "5.00", "一、一般公共服务支出", "3.00", "3.00", "", ""}, 4));
    flow.lines.push_back(text_row({"", "", "二十七、星际探索支出", "2.00", "2.00", "", ""}, 5));
    flow.lines.push_back(text_row({"本年收入合计", "5.00", "本年支出合计", "5.00", "5.00", "", ""}, 6));
    flow.lines.push_back(text_row({"年初财政拨款结转和结余", "", "年末财政拨款结转和结余", "", "", "", ""}, 7));
    flow.lines.push_back(text_row({"一般公共预算财政拨款", "", "", "", "", "", ""}, 8));
    flow.lines.push_back(text_row({"总计", "5.00", "总计", "5.00", "5.00", "", ""}, 9));
    const MappedTable mapped = map_two_sided_table(flow, whole_segment(flow, "fiscal_summary", "财政拨款收入支出决算总表"));
    REQUIRE(mapped.unplaced.size() == 1);
    CHECK(mapped.unplaced[0].line_number == 5);
    CHECK(mapped.unplaced[0].text.find("二十七、星际探索支出") != std::string::npos);
    const json& income = mapped.table["blocks"][0];
    const json& expenditure = mapped.table["blocks"][1];
    CHECK(expenditure["columns"].size() == 4);
    CHECK(expenditure["columns"][1] == json::parse(R"({"id":"general_budget","label":"一般公共预算财政拨款"})"));
    REQUIRE(income["rows"].size() == 6);
    REQUIRE(expenditure["rows"].size() == 5);  // the unknown class is left out, never guessed
    CHECK(income["rows"][1]["key"] == "blank");
    CHECK(income["rows"][4]["key"] == "opening_general_budget");
    CHECK(expenditure["rows"][3]["key"] == "blank");
    for (const json& row : expenditure["rows"]) CHECK(row.value("code", "") != "229");
}

TEST_CASE("a 三公 row of 12 values under a grouped header is read by its labels, not by position") {
    // Shanghai's layout, with 决算数 printed before 预算数 in every group to prove the labels decide.
    Flow flow;
    flow.kind = SourceKind::pdf;
    flow.lines.push_back(text_line("财政拨款“三公”经费支出决算表", 0));
    flow.lines.back().page = 3;
    auto x = [](int column) { return 50.0 + 40.0 * column; };
    flow.lines.push_back(pdf_row({{"财政拨款“三公”经费", x(0), x(12)}}, 100));
    flow.lines.push_back(pdf_row({{"合计", x(0), x(2)},
                                  {"因公出国 （境）费", x(2), x(4)},
                                  {"公务用车购置及运行费", x(4), x(10)},
                                  {"公务接待费", x(10), x(12)}},
                                 110));
    flow.lines.push_back(pdf_row({{"", x(0), x(1)}, {"", x(1), x(2)}, {"", x(2), x(3)}, {"", x(3), x(4)},
                                  {"小计", x(4), x(6)}, {"公务用车 购置费", x(6), x(8)}, {"公务用车运行费", x(8), x(10)},
                                  {"", x(10), x(12)}},
                                 120));
    std::vector<PdfCell> measures, values;
    const std::vector<std::string> printed = {"1.00", "2.00", "", "0.00", "0.50", "1.50", "",
                                              "", "0.50", "1.50", "0.50", "0.50"};
    for (int c = 0; c < 12; ++c) {
        measures.push_back({c % 2 == 0 ? "决算数" : "预算数", x(c), x(c + 1)});
        values.push_back({printed[c], x(c), x(c + 1)});
    }
    flow.lines.push_back(pdf_row(measures, 130));
    flow.lines.push_back(pdf_row(values, 140));
    const MappedTable mapped = map_three_public_table(flow, whole_segment(flow, "three_public", "财政拨款“三公”经费支出决算表"));
    CHECK_MESSAGE(mapped.unplaced.empty(), describe(mapped.unplaced));
    const json expected = json::parse(R"([
        {"key":"total","name":"合计","values":{"budget":"2.00","actual":"1.00"}},
        {"key":"abroad","name":"因公出国（境）费","values":{"budget":"0.00","actual":null}},
        {"key":"vehicle_subtotal","name":"小计","values":{"budget":"1.50","actual":"0.50"}},
        {"key":"vehicle_purchase","name":"公务用车购置费","values":{"budget":null,"actual":null}},
        {"key":"vehicle_operation","name":"公务用车运行费","values":{"budget":"1.50","actual":"0.50"}},
        {"key":"reception","name":"公务接待费","values":{"budget":"0.50","actual":"0.50"}}])");
    const json& block = mapped.table["blocks"][0];
    CHECK(block["rows"] == expected);
    CHECK(block["columns"] == json::parse(R"([{"id":"budget","label":"预算数"},{"id":"actual","label":"决算数"}])"));
    CHECK(mapped.found.rows == 1);
    CHECK(mapped.found.columns == 12);
    CHECK(mapped.found.cells_read == 12);
    CHECK(mapped.found.pages == std::vector<int>{3});
}

TEST_CASE("a 三公 table printed one row per item is read by row names") {
    Flow flow;
    flow.kind = SourceKind::text;
    flow.lines.push_back(text_line("财政拨款“三公”经费支出决算表", 1));
    flow.lines.push_back(text_row({"项目", "预算数", "决算数"}, 2));
    flow.lines.push_back(text_row({"合计", "10", "8"}, 3));
    flow.lines.push_back(text_row({"1.因公出国（境）费", "0", "0"}, 4));
    flow.lines.push_back(text_row({"2.公务用车购置及运行费", "6", "5"}, 5));
    flow.lines.push_back(text_row({"其中：公务用车购置费", "", ""}, 6));
    flow.lines.push_back(text_row({"公务用车运行费", "6", "5"}, 7));
    flow.lines.push_back(text_row({"3.公务接待费", "4", "3"}, 8));
    flow.lines.push_back(text_row({"4.会议费", "1", "1"}, 9));
    const MappedTable mapped = map_three_public_table(flow, whole_segment(flow, "three_public", "财政拨款“三公”经费支出决算表"));
    const json& rows = mapped.table["blocks"][0]["rows"];
    REQUIRE(rows.size() == 6);
    CHECK(rows[2] == json::parse(R"({"key":"vehicle_subtotal","name":"2.公务用车购置及运行费","values":{"budget":"6","actual":"5"}})"));
    CHECK(rows[3]["key"] == "vehicle_purchase");
    CHECK(rows[3]["values"]["budget"].is_null());
    CHECK(rows[4]["key"] == "vehicle_operation");
    REQUIRE(mapped.unplaced.size() == 1);  // 会议费 is no 三公 item
    CHECK(mapped.unplaced[0].line_number == 9);
}

TEST_CASE("a 三公 text header with 预算数 over items and short vehicle parts; a 机关运行经费 column is reported") {
    Flow flow;
    flow.kind = SourceKind::text;
    flow.lines.push_back(text_line("财政拨款“三公”经费支出决算表", 1));
    flow.lines.push_back(text_row({"预算数", "", "", "", "", "", "机关运行经费预算数"}, 2));
    flow.lines.push_back(text_row({"合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费", ""}, 3));
    flow.lines.push_back(text_row({"", "", "小计", "购置费", "运行费", "", ""}, 4));
    flow.lines.push_back(text_row({"5.00", "", "3.00", "0.00", "3.00", "2.00", "9.99"}, 5));
    const MappedTable mapped = map_three_public_table(flow, whole_segment(flow, "three_public", "财政拨款“三公”经费支出决算表"));
    const json& block = mapped.table["blocks"][0];
    CHECK(block["columns"] == json::parse(R"([{"id":"budget","label":"预算数"}])"));
    CHECK(block["rows"] == json::parse(R"([
        {"key":"total","name":"合计","values":{"budget":"5.00"}},
        {"key":"abroad","name":"因公出国（境）费","values":{"budget":null}},
        {"key":"vehicle_subtotal","name":"小计","values":{"budget":"3.00"}},
        {"key":"vehicle_purchase","name":"购置费","values":{"budget":"0.00"}},
        {"key":"vehicle_operation","name":"运行费","values":{"budget":"3.00"}},
        {"key":"reception","name":"公务接待费","values":{"budget":"2.00"}}])"));
    REQUIRE(mapped.unplaced.size() == 2);
    CHECK(mapped.unplaced[0].text == "机关运行经费预算数");
    CHECK(mapped.unplaced[1].text == "9.99");
    CHECK(mapped.unplaced[1].line_number == 5);
}
