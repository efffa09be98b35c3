// The PDF layout stage: ruled grids, cells, text lines and page furniture, on hand-made pages and on the
// published PDFs.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "import/layout/pdf_flow.hpp"
#include "import/layout/pdf_furniture.hpp"
#include "import/layout/pdf_grid.hpp"
#include "import/source/pdf_reader.hpp"
#include "test_support.hpp"

using namespace gongkai::import;

namespace {

const std::string kPutuo = std::string(GONGKAI_SHARED_DIR) + "/disclosures/putuo-district/";

// A word whose box looks like poppler's for CJK text: flat (the font's bbox is tiny).
Word cjk(const std::string& text, double x0, double y_mid, int chars) {
    return Word{text, Box{x0, y_mid - 1.5, x0 + 12.0 * chars, y_mid + 1.5}};
}
// A word set in a Latin font: its box is much taller and sits a few points higher than the CJK line.
Word latin(const std::string& text, double x0, double y_mid, int chars) {
    return Word{text, Box{x0, y_mid - 15.5, x0 + 6.0 * chars, y_mid + 6.5}};
}

// Adds a ruled grid drawn as spreadsheets draw it: one 0.75pt segment per cell border, with a little jitter.
// `skip_v(row, k)` leaves out the vertical rule at xs[k] in band `row`; `skip_h(k, col)` the horizontal rule
// at ys[k] over column `col`.
template <class SkipV, class SkipH>
void add_grid(SourcePage& page, const std::vector<double>& xs, const std::vector<double>& ys, SkipV skip_v,
              SkipH skip_h) {
    const double half = 0.375;
    for (std::size_t r = 0; r + 1 < ys.size(); ++r)
        for (std::size_t k = 0; k < xs.size(); ++k) {
            if (skip_v(static_cast<int>(r), static_cast<int>(k))) continue;
            const double jitter = (k % 2 == 0) ? 0.37 : 0.0;
            page.rules.push_back(Rule{Box{xs[k] - half + jitter, ys[r], xs[k] + half + jitter, ys[r + 1]}});
        }
    for (std::size_t k = 0; k < ys.size(); ++k)
        for (std::size_t c = 0; c + 1 < xs.size(); ++c) {
            if (skip_h(static_cast<int>(k), static_cast<int>(c))) continue;
            page.rules.push_back(Rule{Box{xs[c] + half, ys[k] - half, xs[c + 1] - half, ys[k] + half}});
        }
}
void add_grid(SourcePage& page, const std::vector<double>& xs, const std::vector<double>& ys) {
    add_grid(page, xs, ys, [](int, int) { return false; }, [](int, int) { return false; });
}

SourcePage blank_page(int number = 1, double width = 595, double height = 842) {
    SourcePage p;
    p.number = number;
    p.width = width;
    p.height = height;
    return p;
}

std::vector<FlowLine> rows_of(const Flow& flow) {
    std::vector<FlowLine> out;
    for (const auto& l : flow.lines)
        if (l.kind == FlowLine::Kind::table_row) out.push_back(l);
    return out;
}

std::vector<std::string> texts(const FlowLine& row) {
    std::vector<std::string> out;
    for (const auto& c : row.cells) out.push_back(c.text);
    return out;
}

// The rows of the grid on `page` whose first cells read `first`.
const FlowLine* find_row(const Flow& flow, int page, const std::vector<std::string>& first) {
    for (const auto& l : flow.lines) {
        if (l.kind != FlowLine::Kind::table_row || l.page != page || l.cells.size() < first.size()) continue;
        bool ok = true;
        for (std::size_t i = 0; i < first.size() && ok; ++i) ok = l.cells[i].text == first[i];
        if (ok) return &l;
    }
    return nullptr;
}

const Flow& real_flow(const std::string& name) {
    static std::map<std::string, Flow> cache;
    auto it = cache.find(name);
    if (it == cache.end()) it = cache.emplace(name, pdf_flow(read_pdf_pages(kPutuo + name, PdfLimits{}), name)).first;
    return it->second;
}

}  // namespace

TEST_CASE("a 3x3 grid becomes three rows of three cells") {
    SourcePage page = blank_page();
    add_grid(page, {50, 150, 250, 350}, {100, 120, 140, 160});
    page.words = {cjk("项目", 60, 110, 2), cjk("金额", 160, 110, 2), cjk("备注", 260, 110, 2),
                  cjk("办公费", 60, 130, 3), latin("1,234.56", 190, 130, 8),
                  cjk("印刷费", 60, 150, 3), latin("0.00", 214, 150, 4), cjk("无", 260, 150, 1)};
    const Flow flow = pdf_flow({page}, "t.pdf");
    CHECK(flow.kind == SourceKind::pdf);
    CHECK(flow.page_count == 1);
    const auto rows = rows_of(flow);
    REQUIRE(rows.size() == 3);
    CHECK(flow.lines.size() == 3);
    CHECK(texts(rows[0]) == std::vector<std::string>{"项目", "金额", "备注"});
    CHECK(texts(rows[1]) == std::vector<std::string>{"办公费", "1,234.56", ""});
    CHECK(texts(rows[2]) == std::vector<std::string>{"印刷费", "0.00", "无"});
    CHECK(rows[1].text == "办公费\t1,234.56\t");
    for (const auto& r : rows) {
        CHECK(r.grid == rows[0].grid);
        CHECK(r.grid_columns == 3);
        CHECK(r.page == 1);
        CHECK(r.page_width == 595);
        REQUIRE(r.cells.size() == 3);
        for (int c = 0; c < 3; ++c) {
            CHECK(r.cells[static_cast<std::size_t>(c)].column == c);
            CHECK(r.cells[static_cast<std::size_t>(c)].span == 1);
        }
    }
    CHECK(rows[1].y0 == doctest::Approx(120).epsilon(0.01));
    CHECK(rows[1].y1 == doctest::Approx(140).epsilon(0.01));
    CHECK(rows[1].cells[1].x0 == doctest::Approx(150).epsilon(0.01));
    CHECK(rows[1].cells[1].x1 == doctest::Approx(250).epsilon(0.01));
}

TEST_CASE("merged header cells: across columns one spanning cell, across bands text in its own band") {
    SourcePage page = blank_page();
    // Band 0: "支出功能分类" over columns 0-1 (no rule at xs[1]); column 2 "合计" spans bands 0 and 1 (no rule
    // at ys[1] over column 2), its word in band 1's half.
    add_grid(page, {50, 100, 150, 250}, {100, 120, 140, 160},
             [](int row, int k) { return row == 0 && k == 1; }, [](int k, int col) { return k == 1 && col == 2; });
    page.words = {cjk("支出功能分类", 64, 110, 6), cjk("合计", 188, 125, 2), cjk("类", 70, 130, 1),
                  cjk("款", 120, 130, 1), latin("201", 55, 150, 3), latin("10.00", 220, 150, 5)};
    const auto rows = rows_of(pdf_flow({page}, "t.pdf"));
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[0].cells.size() == 2);
    CHECK(rows[0].cells[0].text == "支出功能分类");
    CHECK(rows[0].cells[0].column == 0);
    CHECK(rows[0].cells[0].span == 2);
    CHECK(rows[0].cells[0].x1 == doctest::Approx(150).epsilon(0.01));
    CHECK(rows[0].cells[1].column == 2);
    CHECK(rows[0].cells[1].text == "");  // 合计's words sit in band 1
    CHECK(texts(rows[1]) == std::vector<std::string>{"类", "款", "合计"});
    CHECK(texts(rows[2]) == std::vector<std::string>{"201", "", "10.00"});
    CHECK(rows[0].text == "支出功能分类\t");
}

TEST_CASE("a wrapped name in a tall cell is one string; letter-spaced text joins; ASCII runs keep a space") {
    SourcePage page = blank_page();
    add_grid(page, {50, 170, 250}, {100, 130, 160});
    page.words = {cjk("机关事业单位基本养老", 52, 110, 10 - 1), cjk("保险缴费支出", 52, 122, 6),
                  latin("160.75", 210, 118, 6)};
    // 因 公 出 国 （ 境 ） 费: one word per character, spread over the cell.
    const char* chars[] = {"因", "公", "出", "国", "（", "境", "）", "费"};
    for (int i = 0; i < 8; ++i) page.words.push_back(cjk(chars[i], 52 + 14.0 * i, 145, 1));
    page.words.push_back(latin("ABC", 180, 145, 3));
    page.words.push_back(latin("123", 210, 145, 3));
    const auto rows = rows_of(pdf_flow({page}, "t.pdf"));
    REQUIRE(rows.size() == 2);
    CHECK(texts(rows[0]) == std::vector<std::string>{"机关事业单位基本养老保险缴费支出", "160.75"});
    CHECK(texts(rows[1]) == std::vector<std::string>{"因公出国（境）费", "ABC 123"});
}

TEST_CASE("a value printed at the top of a tall cell stays in its row") {
    SourcePage page = blank_page();
    add_grid(page, {50, 150, 250}, {100, 140, 180});
    // Top-aligned amounts: their tall boxes reach above the band, their centres are inside it.
    page.words = {cjk("工资福利支出", 52, 120, 6), Word{"2,082.85", Box{200, 98, 248, 120}},
                  cjk("基本工资", 52, 160, 4), Word{"262.33", Box{210, 138, 248, 160}}};
    const auto rows = rows_of(pdf_flow({page}, "t.pdf"));
    REQUIRE(rows.size() == 2);
    CHECK(texts(rows[0]) == std::vector<std::string>{"工资福利支出", "2,082.85"});
    CHECK(texts(rows[1]) == std::vector<std::string>{"基本工资", "262.33"});
}

TEST_CASE("text overflowing into the next empty cell stays where it starts") {
    SourcePage page = blank_page();
    add_grid(page, {50, 100, 160, 260, 320}, {100, 120, 140});
    // Row 0: a long 科目名称 starting in column 1 runs over column 2 (empty) into column 3's start; its centre
    // lies in column 2. Row 1: a header centred on column 2, a little wider than it, sticks out on both sides.
    page.words = {latin("201", 55, 110, 3), cjk("机关事业单位基本养老保险缴费支出", 102, 110, 16 - 2),
                  cjk("对附属单位补助支出", 156, 130, 9)};
    const auto rows = rows_of(pdf_flow({page}, "t.pdf"));
    REQUIRE(rows.size() == 2);
    CHECK(texts(rows[0]) == std::vector<std::string>{"201", "机关事业单位基本养老保险缴费支出", "", ""});
    CHECK(texts(rows[1]) == std::vector<std::string>{"", "", "对附属单位补助支出", ""});
}

TEST_CASE("text lines above and below a grid keep the reading order; gaps become one space") {
    SourcePage page = blank_page();
    add_grid(page, {50, 150, 250}, {200, 220, 240});
    page.words = {cjk("一般公共预算财政拨款支出决算表", 100, 150, 15), cjk("单位：万元", 400, 180, 5),
                  cjk("公开", 50, 180, 2), latin("01", 90, 180, 2), cjk("表", 120, 180, 1),
                  cjk("项目", 60, 210, 2), cjk("金额", 160, 210, 2), cjk("合计", 60, 230, 2),
                  latin("2,940.05", 160, 230, 8),
                  // running text: poppler gives long words; two of them touch without a gap
                  cjk("本年收入合计", 50, 300, 6), latin("2946.25", 122, 300, 7),
                  cjk("万元，其中：", 164, 300, 6), cjk("财政拨款收入", 239, 300, 6),
                  // a line of only a number set in the Latin font, just below the previous one
                  latin("15.16%；", 50, 314, 8)};
    const Flow flow = pdf_flow({page}, "t.pdf");
    std::vector<std::string> lines;
    for (const auto& l : flow.lines) lines.push_back((l.kind == FlowLine::Kind::text ? "T " : "R ") + l.text);
    CHECK(lines == std::vector<std::string>{"T 一般公共预算财政拨款支出决算表", "T 公开 01 表 单位：万元", "R 项目\t金额",
                                            "R 合计\t2,940.05", "T 本年收入合计2946.25万元，其中：财政拨款收入",
                                            "T 15.16%；"});
    const FlowLine& title = flow.lines[0];
    CHECK(title.grid == -1);
    CHECK(title.x0 == doctest::Approx(100));
    CHECK(title.x1 == doctest::Approx(280));
    CHECK(title.page_width == 595);
    CHECK(title.y0 < title.y1);
}

TEST_CASE("page numbers and running headers are dropped; a number inside the page is not") {
    std::vector<SourcePage> pages;
    for (int i = 1; i <= 5; ++i) {
        SourcePage p = blank_page(i);
        p.words.push_back(cjk("上海市普陀区某局2024年度部门决算", 150, 40, 16));
        p.words.push_back(cjk("正文第一行", 72, 120, 5));
        p.words.push_back(latin("2024", 72, 400, 4));  // a lone number in the middle of the page stays
        if (i == 1) p.words.push_back(latin("- 1 -", 280, 800, 5));
        if (i == 2) p.words.push_back(cjk("第2页", 280, 800, 3));
        if (i == 3) p.words.push_back(latin("3/5", 280, 800, 3));
        if (i == 4) p.words.push_back(latin("4", 290, 800, 1));
        pages.push_back(std::move(p));
    }
    const Flow flow = pdf_flow(pages, "t.pdf");
    std::vector<std::string> texts_seen;
    for (const auto& l : flow.lines) texts_seen.push_back(l.text);
    CHECK(texts_seen.size() == 10);
    for (const auto& t : texts_seen) CHECK((t == "正文第一行" || t == "2024"));

    CHECK(is_page_number("3"));
    CHECK(is_page_number("- 3 -"));
    CHECK(is_page_number("— 12 —"));
    CHECK(is_page_number("第3页"));
    CHECK(is_page_number("第 3 页 共 25 页"));
    CHECK(is_page_number("3/25"));
    CHECK_FALSE(is_page_number("2,940.05"));
    CHECK_FALSE(is_page_number("15.16%；"));
    CHECK_FALSE(is_page_number("第一部分"));
}

TEST_CASE("rules that form no grid make no table rows") {
    SourcePage page = blank_page();
    // an underline below a title, and a box around another title (1 row x 1 column)
    page.rules.push_back(Rule{Box{100, 130, 400, 130.75}});
    page.rules.push_back(Rule{Box{100, 200, 400, 200.75}});
    page.rules.push_back(Rule{Box{100, 240, 400, 240.75}});
    page.rules.push_back(Rule{Box{100, 200, 100.75, 240.75}});
    page.rules.push_back(Rule{Box{400, 200, 400.75, 240.75}});
    // a strip of 1 row x 3 columns with a single word: not a table row either
    add_grid(page, {100, 200, 300, 400}, {300, 320});
    page.words = {cjk("部门决算", 200, 120, 4), cjk("目录", 220, 220, 2), cjk("说明", 120, 310, 2)};
    const Flow flow = pdf_flow({page}, "t.pdf");
    CHECK(rows_of(flow).empty());
    REQUIRE(flow.lines.size() == 3);
    CHECK(flow.lines[1].text == "目录");
    CHECK(find_grids(page.rules).size() == 1);  // only the strip is a candidate; pdf_flow rejects it
}

TEST_CASE("a single row continued alone on the next page is a table row") {
    SourcePage page = blank_page(1, 842, 595);
    add_grid(page, {57, 364, 456, 538, 620}, {70, 95});
    page.words = {cjk("合计", 199, 83, 2), latin("156,211,123", 384, 83, 11), latin("156,211,123", 466, 83, 11),
                  latin("0", 607, 83, 1)};
    const auto rows = rows_of(pdf_flow({page}, "t.pdf"));
    REQUIRE(rows.size() == 1);
    CHECK(texts(rows[0]) == std::vector<std::string>{"合计", "156,211,123", "156,211,123", "0"});
}

TEST_CASE("an empty row continued alone at the top of the next page is a printed row of that table") {
    // Page 1: a 2x3 table; page 2: one empty ruled row with the same columns (the table's last printed row).
    SourcePage first = blank_page(1, 842, 595), second = blank_page(2, 842, 595);
    add_grid(first, {57, 200, 300, 400}, {400, 420, 440});
    first.words = {cjk("总计", 100, 430, 2), latin("2,961.68", 210, 430, 8)};
    add_grid(second, {57, 200, 300, 400}, {72, 89});
    const Flow flow = pdf_flow({first, second}, "t.pdf");
    const auto rows = rows_of(flow);
    REQUIRE(rows.size() == 3);
    CHECK(rows[2].page == 2);
    CHECK(texts(rows[2]) == std::vector<std::string>{"", "", ""});
    // The same empty strip with other columns, or without a table on the page before, is no table row.
    SourcePage other = blank_page(2, 842, 595);
    add_grid(other, {57, 150, 300, 400}, {72, 89});
    CHECK(rows_of(pdf_flow({first, other}, "t.pdf")).size() == 2);
    CHECK(rows_of(pdf_flow({second}, "t.pdf")).empty());
}

TEST_CASE("a double outer border makes no empty sliver columns or rows") {
    SourcePage page = blank_page();
    add_grid(page, {50, 150, 250, 350}, {100, 120, 140});
    // A second frame 2.5pt outside the first.
    page.rules.push_back(Rule{Box{47.5, 97.1, 352.5, 97.9}});
    page.rules.push_back(Rule{Box{47.5, 142.1, 352.5, 142.9}});
    page.rules.push_back(Rule{Box{47.1, 97.5, 47.9, 142.5}});
    page.rules.push_back(Rule{Box{352.1, 97.5, 352.9, 142.5}});
    page.words = {cjk("项目", 60, 110, 2), cjk("金额", 160, 110, 2), cjk("备注", 260, 110, 2),
                  cjk("合计", 60, 130, 2), latin("9.00", 200, 130, 4)};
    const auto rows = rows_of(pdf_flow({page}, "t.pdf"));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].grid_columns == 3);
    CHECK(texts(rows[0]) == std::vector<std::string>{"项目", "金额", "备注"});
    CHECK(texts(rows[1]) == std::vector<std::string>{"合计", "9.00", ""});
}

TEST_CASE("a table without outer side borders keeps its first and last columns") {
    SourcePage page = blank_page();
    // Horizontal rules from x=50 to 350, vertical rules only inside, at 150 and 250.
    add_grid(page, {50, 150, 250, 350}, {100, 120, 140},
             [](int, int k) { return k == 0 || k == 3; }, [](int, int) { return false; });
    page.words = {cjk("科目名称", 60, 110, 4), cjk("合计", 160, 110, 2), cjk("备注", 260, 110, 2),
                  cjk("办公费", 60, 130, 3), latin("9.00", 200, 130, 4), cjk("无", 300, 130, 1)};
    const auto rows = rows_of(pdf_flow({page}, "t.pdf"));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].grid_columns == 3);
    CHECK(texts(rows[0]) == std::vector<std::string>{"科目名称", "合计", "备注"});
    CHECK(texts(rows[1]) == std::vector<std::string>{"办公费", "9.00", "无"});
}

TEST_CASE("grids are numbered uniquely through the document") {
    std::vector<SourcePage> pages;
    for (int i = 1; i <= 2; ++i) {
        SourcePage p = blank_page(i);
        add_grid(p, {50, 150, 250}, {100, 120, 140});
        add_grid(p, {50, 150, 250}, {300, 320, 340});
        pages.push_back(std::move(p));
    }
    std::set<int> ids;
    for (const auto& r : rows_of(pdf_flow(pages, "t.pdf"))) ids.insert(r.grid);
    CHECK(ids.size() == 4);
}

TEST_CASE("2024-finance-bureau.pdf: printed rows come out cell for cell") {
    const Flow& flow = real_flow("2024-finance-bureau.pdf");
    CHECK(flow.page_count == 25);

    // 一般公共预算财政拨款支出决算表 (page 15): 类 款 项 | 科目名称 | 合计 | 基本支出 | 项目支出
    const FlowLine* r = find_row(flow, 15, {"208", "05", "05"});
    REQUIRE(r != nullptr);
    CHECK(texts(*r) == std::vector<std::string>{"208", "05", "05", "机关事业单位基本养老保险缴费支出", "160.75", "160.75", ""});
    r = find_row(flow, 15, {"201", "06", "02"});
    REQUIRE(r != nullptr);
    CHECK(texts(*r) == std::vector<std::string>{"201", "06", "02", "一般行政管理事务", "10.00", "", "10.00"});
    r = find_row(flow, 15, {"合计"});
    REQUIRE(r != nullptr);
    CHECK(r->cells[0].span == 4);
    CHECK(texts(*r) == std::vector<std::string>{"合计", "2,940.05", "2,336.91", "603.14"});

    // 一般公共预算财政拨款基本支出决算表 (pages 16-17): two groups of 类 款 科目名称 决算数 side by side, the
    // amounts printed high in tall cells, 因公出国（境）费用 letter-spaced over two lines.
    r = find_row(flow, 16, {"301", "08"});
    REQUIRE(r != nullptr);
    CHECK(texts(*r) == std::vector<std::string>{"301", "08", "机关事业单位基本养老保险缴费", "160.75", "302", "06", "电费", ""});
    r = find_row(flow, 16, {"301", "12"});
    REQUIRE(r != nullptr);
    CHECK(texts(*r) == std::vector<std::string>{"301", "12", "其他社会保障缴费", "1.61", "302", "11", "差旅费", "1.20"});
    r = find_row(flow, 16, {"301", "13"});
    REQUIRE(r != nullptr);
    CHECK(texts(*r) == std::vector<std::string>{"301", "13", "住房公积金", "187.19", "302", "12", "因公出国（境）费用", ""});
    r = find_row(flow, 17, {"303", "09"});
    REQUIRE(r != nullptr);
    CHECK(texts(*r) == std::vector<std::string>{"303", "09", "奖励金", "0.31", "302", "28", "工会经费", "24.42"});
    r = find_row(flow, 17, {"", "", "", "", "310", "02"});
    REQUIRE(r != nullptr);
    CHECK(texts(*r) == std::vector<std::string>{"", "", "", "", "310", "02", "办公设备购置", "13.58"});

    // 财政拨款“三公”经费支出决算表 (page 18): one row of 12 values under a 3-level header.
    r = find_row(flow, 18, {"预算数", "决算数"});
    REQUIRE(r != nullptr);
    CHECK(r->grid_columns == 12);
    const FlowLine* values = nullptr;
    for (std::size_t i = 0; i + 1 < flow.lines.size(); ++i)
        if (&flow.lines[i] == r) values = &flow.lines[i + 1];
    REQUIRE(values != nullptr);
    CHECK(texts(*values) ==
          std::vector<std::string>{"0.95", "", "", "", "", "", "", "", "", "", "0.95", ""});

    // 收入支出决算总表 (page 6): two column groups.
    r = find_row(flow, 6, {"一、一般公共预算财政拨款收入"});
    REQUIRE(r != nullptr);
    CHECK(texts(*r) == std::vector<std::string>{"一、一般公共预算财政拨款收入", "2,940.05", "一、一般公共服务支出", "2,106.66"});

    // The title sits above its grid, the note below it.
    std::vector<std::string> page19;
    for (const auto& l : flow.lines)
        if (l.page == 19 && l.kind == FlowLine::Kind::text) page19.push_back(l.text);
    REQUIRE(page19.size() == 3);
    CHECK(page19.front() == "政府性基金预算财政拨款收入支出决算表");
    CHECK(page19.back() == "注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。");
}

TEST_CASE("budget PDFs: landscape tables, a table row continued alone on the next page") {
    const Flow& flow = real_flow("2024-wanli-subdistrict-office-budget.pdf");
    // 部门收入预算总表 ends on page 15 with its 合计 row alone.
    const FlowLine* r = find_row(flow, 15, {"合计"});
    REQUIRE(r != nullptr);
    CHECK(texts(*r) == std::vector<std::string>{"合计", "156,211,123", "156,211,123", "0", "0", "0"});
    CHECK(r->page_width == doctest::Approx(841.85));
    r = find_row(flow, 12, {"208", "05", "01"});
    REQUIRE(r != nullptr);
    CHECK(texts(*r) == std::vector<std::string>{"208", "05", "01", "行政单位离退休", "243,120", "243,120", "0", "0", "0"});
}
