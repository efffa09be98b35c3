// The page each imported table starts on: PDF flows count pages; extracted text has pages only where form
// feeds (\f, as pdftotext writes them) separate them; an HTML page has none.
#include <doctest/doctest.h>

#include "import/layout/html_flow.hpp"
#include "import/layout/text_flow.hpp"
#include "import/tables/table_reader.hpp"
#include "test_support.hpp"

using namespace gongkai::import;
using nlohmann::json;

namespace {

const std::string kXiangtanText = std::string(GONGKAI_SHARED_DIR) + "/disclosures/xiangtan-county/2024-county-government-office.txt";

}  // namespace

TEST_CASE("text without form feeds has no pages") {
    const Flow flow = text_flow("一\n二\t3\n三\n", "t.txt");
    CHECK_FALSE(flow.paged);
    CHECK(flow.page_count == 1);
    for (const FlowLine& line : flow.lines) CHECK(line.page == 1);
}

TEST_CASE("form feeds in text start new pages, also inside a line, and never make lines of their own") {
    const Flow flow = text_flow("甲\n乙\f丙\n\f\n丁\t1\n\f", "t.txt");
    CHECK(flow.paged);
    REQUIRE(flow.lines.size() == 4);
    CHECK(flow.lines[0].text == "甲");
    CHECK(flow.lines[0].page == 1);
    CHECK(flow.lines[1].text == "乙");
    CHECK(flow.lines[1].page == 1);
    CHECK(flow.lines[2].text == "丙");
    CHECK(flow.lines[2].page == 2);
    CHECK(flow.lines[2].line_number == 2);  // still the line of the file
    CHECK(flow.lines[3].text == "丁\t1");
    CHECK(flow.lines[3].page == 3);
    CHECK(flow.page_count == 3);  // the final form feed opens no page with text on it
}

TEST_CASE("an HTML page has no pages") {
    const Flow flow = html_flow("<html><body><p>甲</p>\f<p>乙</p></body></html>", "t.html");
    CHECK_FALSE(flow.paged);
    for (const FlowLine& line : flow.lines) CHECK(line.page == 1);
}

TEST_CASE("tables of a text source get a page only when form feeds mark the pages") {
    const std::string text = gongkai::test::read_file(kXiangtanText);
    REQUIRE(text.find('\f') == std::string::npos);
    const TablesResult plain = read_tables(text_flow(text, kXiangtanText));
    REQUIRE(plain.tables.size() == 9);
    for (const json& t : plain.tables) CHECK_FALSE(t.contains("page"));

    // Two blank pages in front, and a page break just before the 收入决算表's title line.
    std::string paged = "\f\f" + text;
    const std::size_t title = paged.find("\n收入决算表");
    REQUIRE(title != std::string::npos);
    paged.insert(title + 1, "\f");
    const TablesResult result = read_tables(text_flow(paged, kXiangtanText));
    REQUIRE(result.tables.size() == 9);
    for (const json& t : result.tables) {
        INFO(t["kind"]);
        REQUIRE(t.contains("page"));
        CHECK(t["page"] == (t["kind"] == "income_expenditure_summary" ? 3 : 4));
    }
}
