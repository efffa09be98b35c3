// The document structure (kind, department, year, 概况, 情况说明, 名词解释, 附件) read from the real
// publications must reproduce the hand-made filings in data/; budgets must be told apart.
#include <doctest/doctest.h>

#include <cstdlib>
#include <iostream>

#include "import/layout/pdf_flow.hpp"
#include "import/layout/text_flow.hpp"
#include "import/source/pdf_reader.hpp"
#include "import/structure/document_structure.hpp"
#include "import/structure/structure_text.hpp"
#include "import/tables/table_reader.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::import;
using nlohmann::json;

namespace {

const std::string kShared = GONGKAI_SHARED_DIR "/disclosures/";

Flow flow_of(const std::string& rel) {
    const std::string path = kShared + rel;
    if (rel.size() > 4 && rel.substr(rel.size() - 4) == ".pdf") return pdf_flow(read_pdf_pages(path, PdfLimits{}), path);
    return text_flow(test::read_file(path), path);
}

// The hand-made filings keep the narrow gaps a PDF prints around figures and after full-width punctuation
// ("总计 307.82 万元", "其中： 财政拨款收入") as spaces; the PDF flow joins words across gaps narrower than
// most of a character. For PDFs a text therefore matches when it equals the filing's once the spaces next
// to a non-ASCII character are taken out; spaces between ASCII words still count.
std::string without_gap_spaces(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != ' ') {
            out += s[i];
            continue;
        }
        const bool wide_before = !out.empty() && (static_cast<unsigned char>(out.back()) & 0x80);
        const bool wide_after = i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0x80);
        if (!wide_before && !wide_after) out += ' ';
    }
    return out;
}

json without_gap_spaces(const json& j) {
    if (j.is_string()) return without_gap_spaces(j.get<std::string>());
    if (j.is_array() || j.is_object()) {
        json out = j;
        for (auto it = out.begin(); it != out.end(); ++it) *it = without_gap_spaces(*it);
        return out;
    }
    return j;
}

int gap_space_only = 0;  // texts that matched only without gap spaces (reported)

// Compares a text read with the filing's: exactly for extracted text, up to gap spaces for a PDF.
bool same_text(const json& got, const json& want, bool pdf) {
    if (got == want) return true;
    if (!pdf || without_gap_spaces(got) != without_gap_spaces(want)) return false;
    ++gap_space_only;
    return true;
}

json filing(const std::string& rel) { return json::parse(test::read_file(test::source_dir() + "/data/" + rel)); }

// Prints what was read when GK_STRUCTURE_DUMP is set (for looking at a document by hand).
void dump(const std::string& name, const DocumentStructure& st) {
    if (!std::getenv("GK_STRUCTURE_DUMP")) return;
    json sections = json::array();
    for (const auto& s : st.sections) sections.push_back({{"id", s.id}, {"title", s.title}, {"text", s.text}});
    json unplaced = json::array();
    for (const auto& u : st.unplaced) unplaced.push_back({{"page", u.page}, {"text", u.text}, {"reason", u.reason}});
    std::cout << "=== " << name << "\n"
              << json{{"kind", st.kind}, {"description", st.description}, {"title", st.title},
                      {"department", st.department_name}, {"year", st.year}, {"overview", st.overview},
                      {"sections", sections}, {"glossary", st.glossary}, {"attachments", st.attachments},
                      {"unplaced", unplaced}}
                     .dump(1)
              << "\n";
}

// Compares everything the structure reader owns with the hand-made filing.
void compare_with_filing(const std::string& source, const std::string& filing_rel) {
    const Flow flow = flow_of(source);
    REQUIRE_MESSAGE(!flow.lines.empty(), source << ": the flow is empty");
    const DocumentStructure st = read_structure(flow, {});
    dump(source, st);
    const json f = filing(filing_rel);
    const bool pdf = flow.kind == SourceKind::pdf;
    gap_space_only = 0;
    CHECK(st.kind == "决算");
    CHECK(!st.description.empty());
    CHECK(st.department_name == f["department"]["name"].get<std::string>());
    CHECK(st.year == f["year"].get<int>());
    CHECK(st.title == f["source"]["title"].get<std::string>());

    const json& o = f["overview"];
    for (auto it = o.begin(); it != o.end(); ++it) {
        INFO(source << " overview." << it.key());
        REQUIRE(st.overview.contains(it.key()));
        CHECK_MESSAGE(same_text(st.overview[it.key()], it.value(), pdf),
                      st.overview[it.key()].dump(1) << "\n  expected " << it.value().dump(1));
    }
    for (auto it = st.overview.begin(); it != st.overview.end(); ++it) {
        INFO(source << " overview." << it.key() << " = " << it.value().dump());
        CHECK_MESSAGE(o.contains(it.key()), "read a field the filing does not hold");
    }

    const json& sections = f["narrative"]["sections"];
    CHECK(st.sections.size() == sections.size());
    for (std::size_t k = 0; k < std::min(st.sections.size(), sections.size()); ++k) {
        INFO(source << " section " << sections[k]["id"].get<std::string>());
        CHECK(st.sections[k].id == sections[k]["id"].get<std::string>());
        CHECK(st.sections[k].title == sections[k]["title"].get<std::string>());
        CHECK_MESSAGE(same_text(st.sections[k].text, sections[k]["text"], pdf), st.sections[k].text);
    }

    const json glossary = f.value("glossary", json::array());
    CHECK(st.glossary.size() == glossary.size());
    for (std::size_t k = 0; k < std::min(st.glossary.size(), glossary.size()); ++k) {
        INFO(source << " glossary " << k);
        CHECK(st.glossary[k]["term"] == glossary[k]["term"]);
        CHECK(same_text(st.glossary[k]["definition"], glossary[k]["definition"], pdf));
    }

    const json attachments = f.value("attachments", json::array());
    CHECK(st.attachments.size() == attachments.size());
    for (std::size_t k = 0; k < std::min(st.attachments.size(), attachments.size()); ++k) {
        INFO(source << " attachment " << k);
        CHECK(st.attachments[k]["title"] == attachments[k]["title"]);
        CHECK(same_text(st.attachments[k]["text"], attachments[k]["text"], pdf));
    }
    if (gap_space_only > 0)
        MESSAGE(source << ": " << gap_space_only << " texts match the filing only without its gap spaces");
    CHECK(st.unplaced.empty());
}

FlowLine text_line(const std::string& text, int page = 1) {
    FlowLine l;
    l.text = text;
    l.page = page;
    l.line_number = 0;
    return l;
}

Flow text_document(const std::vector<std::string>& lines) {
    Flow flow;
    flow.kind = SourceKind::text;
    flow.page_count = 1;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        FlowLine l = text_line(lines[k]);
        l.line_number = static_cast<int>(k + 1);
        flow.lines.push_back(l);
    }
    return flow;
}

// A PDF-like text line: left edge, right edge, on a 595-point page with 15-point type.
FlowLine pdf_line(const std::string& text, double x0, double x1, double y, int page = 1) {
    FlowLine l = text_line(text, page);
    l.x0 = x0, l.x1 = x1, l.y0 = y, l.y1 = y + 15, l.page_width = 595.3;
    return l;
}

}  // namespace

TEST_CASE("structure: Xiangtan's extracted text reproduces the hand-made filing") {
    compare_with_filing("xiangtan-county/2024-county-government-office.txt",
                        "430321-xiangtan/2024/county-government-office.json");
}

TEST_CASE("structure: Putuo finance bureau PDF reproduces the hand-made filing") {
    compare_with_filing("putuo-district/2024-finance-bureau.pdf", "310107-putuo/2024/finance-bureau.json");
}

TEST_CASE("structure: Putuo social work department PDF reproduces the hand-made filing") {
    compare_with_filing("putuo-district/2024-party-committee-social-work-department.pdf",
                        "310107-putuo/2024/social-work-department.json");
}

TEST_CASE("structure: Putuo planning and natural resources bureau PDF reproduces the hand-made filing") {
    compare_with_filing("putuo-district/2024-planning-and-natural-resources-bureau.pdf",
                        "310107-putuo/2024/planning-and-natural-resources-bureau.json");
}

TEST_CASE("structure: budgets are recognised as 部门预算, with department and year") {
    struct Case {
        const char* file;
        const char* department;
        int year;
    };
    for (const Case& c : {Case{"putuo-district/2025-finance-bureau-budget.pdf", "上海市普陀区财政局", 2025},
                          Case{"putuo-district/2024-wanli-subdistrict-office-budget.pdf",
                               "上海市普陀区人民政府万里街道办事处", 2024},
                          Case{"putuo-district/2026-justice-bureau-budget.pdf", "上海市普陀区司法局", 2026},
                          Case{"jiangsu-province/2019-provincial-party-committee-general-office-budget.pdf",
                               "江苏省委办公厅", 2019}}) {
        INFO(c.file);
        const Flow flow = flow_of(c.file);
        REQUIRE_MESSAGE(!flow.lines.empty(), c.file << ": the flow is empty");
        const DocumentStructure st = read_structure(flow, {});
        dump(c.file, st);
        CHECK(st.kind == "预算");
        CHECK(st.description.find("部门预算") != std::string::npos);
        CHECK(st.department_name == c.department);
        CHECK(st.year == c.year);
    }
}

TEST_CASE("structure: the Shanghai template reads as a 部门决算 with its eleven sections") {
    const Flow flow = flow_of("templates/2024-final-accounts-template-shanghai.pdf");
    REQUIRE(!flow.lines.empty());
    const DocumentStructure st = read_structure(flow, {});
    dump("template", st);
    CHECK(st.kind == "决算");
    CHECK(st.year == 2024);
    REQUIRE(st.sections.size() == 11);
    CHECK(st.sections[0].title == "一、收入支出决算总体情况说明");
    CHECK(st.sections[10].id == "十一");
    CHECK(st.glossary.size() >= 10);
}

TEST_CASE("structure: a hand-built text document") {
    const Flow flow = text_document({
        "2023年度", "某某县财政局", "部门决算", "目录", "第一部分 某某县财政局概况", "第二部分 部门决算表",
        "第三部分 部门决算情况说明", "第四部分 名词解释",
        "第一部分", "某某县财政局概况", "一、部门职责", "（一）负责财政工作。（二）负责会计管理。", "（三）完成其他任务。",
        "二、机构设置",
        "本局共有内设机构 3 个：办公室、预算股、国库股。人员编制 20 名，其中：行政编制 15 名，事业编制 5 名；实有在职人员 18 人。",
        "第二部分", "部门决算表", "收入支出决算总表",
        "第三部分", "部门决算情况说明", "一、收入支出决算总体情况说明", "收支总计 100 万元。",
        "二、收入决算情况说明", "（一）财政拨款收入", "收入合计 100 万元。", "第四部分", "名词解释",
        "一、基本支出：指保障机构正常运转的支出。", "二、是指项目支出。"});
    const DocumentStructure st = read_structure(flow, {});
    CHECK(st.kind == "决算");
    CHECK(st.department_name == "某某县财政局");
    CHECK(st.title == "某某县财政局2023年度部门决算");
    CHECK(st.year == 2023);
    REQUIRE(st.overview.contains("duties"));
    CHECK(st.overview["duties"] == json::array({"（一）负责财政工作。", "（二）负责会计管理。", "（三）完成其他任务。"}));
    CHECK(st.overview["internal_units"] == json({{"count", 3}, {"names", {"办公室", "预算股", "国库股"}}}));
    CHECK(st.overview["staffing"]["authorized_total"] == 20);
    CHECK(st.overview["staffing"]["actual"] == 18);
    CHECK(st.overview["staffing"]["authorized"].size() == 2);
    CHECK(!st.overview.contains("vehicles"));
    REQUIRE(st.sections.size() == 2);
    CHECK(st.sections[1].id == "二");
    CHECK(st.sections[1].text == "（一）财政拨款收入\n收入合计 100 万元。");
    REQUIRE(st.glossary.size() == 2);
    CHECK(st.glossary[0]["term"] == "基本支出");
    CHECK(st.glossary[1]["term"].is_null());
    CHECK(st.glossary[1]["definition"] == "是指项目支出。");
    CHECK(st.unplaced.empty());
}

TEST_CASE("structure: what a document is, from its cover") {
    auto read = [](const std::vector<std::string>& lines) { return read_structure(text_document(lines), {}); };
    DocumentStructure st = read({"北京某某大学", "2023年度部门决算"});
    CHECK(st.kind == "决算");
    CHECK(st.department_name == "北京某某大学");
    CHECK(st.description.find("高等学校") != std::string::npos);
    st = read({"上海市普陀区2025年区级部门预算", "预算主管部门：上海市普陀区某某局", "目 录"});
    CHECK(st.kind == "预算");
    CHECK(st.department_name == "上海市普陀区某某局");
    CHECK(st.year == 2025);
    st = read({"某某县2023年政府工作报告", "各位代表："});
    CHECK(st.kind.empty());
    CHECK(!st.description.empty());
}

TEST_CASE("structure: a contents listing no parts, a units table and numbered attachments") {
    Flow flow = text_document({"某某局", "2024年度部门决算", "目录", "收入支出决算总表", "第一部分 某某局概况",
                               "一、主要职能", "某某局是区政府工作部门。主要职责是：负责全区某某工作。",
                               "二、部门决算单位构成", "纳入编制范围的单位包括："});
    FlowLine header = text_line("序号\t单位名称\t备注");
    header.kind = FlowLine::Kind::table_row;
    header.grid = 0;
    for (const char* c : {"序号", "单位名称", "备注"}) header.cells.push_back({c, static_cast<int>(header.cells.size())});
    FlowLine row = header;
    row.cells = {{"1", 0}, {"某某局（本级）", 1}, {"", 2}};
    FlowLine row2 = header;
    row2.cells = {{"2", 0}, {"某某中心", 1}, {"预算不单列", 2}};
    flow.lines.push_back(header);
    flow.lines.push_back(row);
    flow.lines.push_back(row2);
    for (const char* l : {"第二部分 某某局2024年度部门决算表", "第三部分 某某局2024年度部门决算情况说明",
                          "一、收入支出决算总体情况说明", "收支总计 1 万元。", "第四部分 名词解释", "一、基本支出：指基本支出。",
                          "第五部分 附件", "附件1：绩效自评报告", "自评得分 95 分。", "附件2：项目评价报告", "无。"})
        flow.lines.push_back(text_line(l));
    const DocumentStructure st = read_structure(flow, {});
    CHECK(st.department_name == "某某局");
    CHECK(st.overview["duties"] == json::array({"负责全区某某工作。"}));
    CHECK(st.overview["text"] == "某某局是区政府工作部门。主要职责是：\n纳入编制范围的单位包括：");
    CHECK(st.overview["consolidated_units"] ==
          json::array({{{"name", "某某局（本级）"}, {"note", nullptr}}, {{"name", "某某中心"}, {"note", "预算不单列"}}}));
    REQUIRE(st.sections.size() == 1);
    REQUIRE(st.attachments.size() == 2);
    CHECK(st.attachments[0]["title"] == "绩效自评报告");
    CHECK(st.attachments[0]["text"] == "自评得分 95 分。");
    CHECK(st.attachments[1]["title"] == "项目评价报告");
    CHECK(st.unplaced.empty());
}

TEST_CASE("structure: PDF lines join into paragraphs by margins and indentation") {
    Flow flow;
    flow.kind = SourceKind::pdf;
    flow.page_count = 1;
    flow.lines = {
        pdf_line("上海市某某局", 200, 400, 100), pdf_line("2024 年度部门决算", 200, 400, 130),
        pdf_line("第三部分 上海市某某局 2024 年度部门决算情况说明", 80, 520, 200),
        pdf_line("一、收入支出决算总体情况说明", 106, 320, 230),
        pdf_line("上海市某某局 2024 年度收入支出总计 307.82", 106, 518.7, 260),   // indented first line, full
        pdf_line("万元。与 2023 年度相比，增长", 76.5, 518.7, 290),                 // wrapped, full
        pdf_line("100.00%。主要原因：单位于 2024 年成立。", 76.5, 360, 320),          // short: ends the paragraph
        pdf_line("本年无变化。", 106, 200, 350),                                     // indented: a new paragraph
        pdf_line("二、收入决算情况说明", 106, 260, 380),
        pdf_line("本年收入合计 307.82 万元，其中：财政拨款收入 307.82 万元，", 106, 518.7, 410),
        pdf_line("占 100.00%。", 76.5, 160, 440),
    };
    const DocumentStructure st = read_structure(flow, {});
    CHECK(st.department_name == "上海市某某局");
    CHECK(st.year == 2024);
    REQUIRE(st.sections.size() == 2);
    CHECK(st.sections[0].text ==
          "上海市某某局 2024 年度收入支出总计 307.82 万元。与 2023 年度相比，增长 100.00%。主要原因：单位于 2024 年成立。\n"
          "本年无变化。");
    CHECK(st.sections[1].text == "本年收入合计 307.82 万元，其中：财政拨款收入 307.82 万元，占 100.00%。");
}

TEST_CASE("structure: item markers and Chinese numerals") {
    using namespace gongkai::import::structure;
    CHECK(chinese_number("十一") == 11);
    CHECK(chinese_number("二十") == 20);
    CHECK(chinese_number("二十三") == 23);
    CHECK(chinese_number("十") == 10);
    CHECK(chinese_number("x") == 0);
    CHECK(chinese_numeral(12) == "十二");
    Marker m = read_marker("  十二、关于国有资产占用情况说明");
    CHECK(m.kind == Marker::Kind::chinese);
    CHECK(m.number == 12);
    CHECK(m.label == "十二");
    m = read_marker("（三）国有资产");
    CHECK(m.kind == Marker::Kind::paren_chinese);
    CHECK(m.number == 3);
    CHECK(read_marker("10.负责").number == 10);
    CHECK(read_marker("2.5 万元").kind == Marker::Kind::none);
    CHECK(read_marker("1.2024 年部门决算收入情况").kind == Marker::Kind::arabic);
    CHECK(read_marker("第三条 主要职责").kind == Marker::Kind::article);
    CHECK(find_year("截至 2024 年 12 月") == 2024);
    CHECK(find_year("编号 12024") == 0);
}

TEST_CASE("structure: (debug) print a flow's lines with coordinates when GK_FLOW_FILE is set") {
    const char* file = std::getenv("GK_FLOW_FILE");
    if (!file) return;
    const Flow flow = flow_of(file);
    for (std::size_t i = 0; i < flow.lines.size(); ++i) {
        const FlowLine& l = flow.lines[i];
        std::cout << i << (l.kind == FlowLine::Kind::text ? " T" : " R") << " p" << l.page << " x" << l.x0 << "-"
                  << l.x1 << " y" << l.y0 << "-" << l.y1 << " | " << l.text << "\n";
    }
}

TEST_CASE("structure: (debug) with the tables' lines from read_tables when GK_TABLES_FILE is set") {
    const char* file = std::getenv("GK_TABLES_FILE");
    if (!file) return;
    const Flow flow = flow_of(file);
    const TablesResult tables = read_tables(flow);
    const DocumentStructure st = read_structure(flow, tables.table_lines);
    std::cout << "table lines: " << tables.table_lines.size() << ", sections " << st.sections.size() << "\n";
    for (const auto& u : st.unplaced) std::cout << "U p" << u.page << " " << u.text << " -- " << u.reason << "\n";
}

TEST_CASE("structure: a contents without parts or dots ends where the body repeats an entry") {
    const DocumentStructure st = read_structure(
        text_document({"某某局2024年度部门决算", "目录", "一、部门职责", "二、机构设置", "一、部门职责", "负责某某工作。",
                       "二、机构设置", "人员编制 5 名。"}),
        {});
    CHECK(st.year == 2024);
    // No part headings at all: the body is reported, not dropped with the contents.
    REQUIRE(st.unplaced.size() == 4);
    CHECK(st.unplaced[0].text == "一、部门职责");
    CHECK(st.unplaced[0].line_number == 5);
}

TEST_CASE("structure: empty and odd flows are read without failing") {
    CHECK(read_structure(Flow{}, {}).kind.empty());
    CHECK(read_structure(text_document({"目录"}), {}).sections.empty());
    // Headings only, out of order, repeated; a huge paragraph in the 概况.
    std::string huge = "人员编制";
    for (int k = 0; k < 20000; ++k) huge += "其中：行政编制 1 名，";
    const DocumentStructure st = read_structure(
        text_document({"第三部分 情况说明", "一、", "第一部分 概况", "二、机构设置", huge, "第三部分 情况说明",
                       "十、跳号", "第九部分", "第二部分 部门决算表"}),
        {0, 99});
    CHECK(st.year == 0);
    CHECK(!st.unplaced.empty());
}
