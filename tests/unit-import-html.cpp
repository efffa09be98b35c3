// A disclosure published as an HTML page: table rows with colspan/rowspan laid out like tab-separated text,
// text blocks as lines, layout tables unwrapped; the real Xiangtan document as HTML imports like its text.
#include <doctest/doctest.h>

#include "import/layout/html_flow.hpp"
#include "import/source/import_error.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::import;
using namespace gongkai::test;
using nlohmann::json;

namespace {

std::vector<std::string> cells_of(const FlowLine& l) {
    std::vector<std::string> out;
    for (const auto& c : l.cells) out.push_back(c.text);
    return out;
}

std::string escape_html(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '&') out += "&amp;";
        else out += c;
    }
    return out;
}

// The extracted text as a portal would publish it: tab lines as table rows (one table per run), other
// lines as paragraphs.
std::string text_to_html(const std::string& text) {
    std::string html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>部门决算</title>"
                       "<script>var x = '<table><tr><td>9.99</td></tr></table>';</script></head><body>\n";
    bool in_table = false;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        if (line.find('\t') != std::string::npos) {
            if (!in_table) html += "<table border=\"1\">\n";
            in_table = true;
            html += "<tr>";
            std::size_t a = 0;
            for (;;) {
                const std::size_t t = line.find('\t', a);
                html += "<td>" + escape_html(line.substr(a, t == std::string::npos ? std::string::npos : t - a)) + "</td>";
                if (t == std::string::npos) break;
                a = t + 1;
            }
            html += "</tr>\n";
        } else if (!line.empty()) {
            if (in_table) html += "</table>\n";
            in_table = false;
            html += "<p>" + escape_html(line) + "</p>\n";
        }
    }
    if (in_table) html += "</table>\n";
    return html + "</body></html>\n";
}

}  // namespace

TEST_CASE("HTML tables: colspan and rowspan leave empty cells, <br> joins a wrapped name, entities decode") {
    const std::string html =
        "<html><body><h1>收入决算表</h1><p>单位：万元&nbsp;</p>"
        "<table><tr><th rowspan=\"2\">项目</th><th colspan=\"2\">本年收入</th></tr>"
        "<tr><th>合计</th><th>财政拨款收入</th></tr>"
        "<tr><td>2080505</td><td>机关事业单位基本养老保险<br>缴费支出</td><td>1,145.75</td></tr></table>"
        "<p>注：本表反映&ldquo;三公&rdquo;经费 &amp; 其他。</p><!-- <table><tr><td>1.00</td></tr></table> --></body></html>";
    REQUIRE(looks_like_html(html));
    const Flow flow = html_flow(html, "t.html");
    std::vector<std::string> lines;
    for (const auto& l : flow.lines) lines.push_back(l.text);
    INFO(json(lines).dump());
    REQUIRE(flow.lines.size() == 6);
    CHECK(flow.lines[0].text == "收入决算表");
    CHECK(flow.lines[1].text == "单位：万元");
    CHECK(cells_of(flow.lines[2]) == std::vector<std::string>{"项目", "本年收入", ""});
    CHECK(cells_of(flow.lines[3]) == std::vector<std::string>{"", "合计", "财政拨款收入"});
    CHECK(cells_of(flow.lines[4]) == std::vector<std::string>{"2080505", "机关事业单位基本养老保险缴费支出", "1,145.75"});
    CHECK(flow.lines[4].kind == FlowLine::Kind::table_row);
    CHECK(flow.lines[5].text == "注：本表反映“三公”经费 & 其他。");
}

TEST_CASE("a page laid out in a table: its cells are text, the inner tables are data") {
    const std::string html =
        "<html><body><table><tr><td><p>一、收入支出决算总体情况说明</p><p>收入支出总计100.00万元。</p>"
        "<table><tr><td>合计</td><td>100.00</td></tr></table><p>注：完</p></td></tr></table></body></html>";
    const Flow flow = html_flow(html, "t.html");
    REQUIRE(flow.lines.size() == 4);
    CHECK(flow.lines[0].text == "一、收入支出决算总体情况说明");
    CHECK(flow.lines[1].text == "收入支出总计100.00万元。");
    CHECK(cells_of(flow.lines[2]) == std::vector<std::string>{"合计", "100.00"});
    CHECK(flow.lines[3].text == "注：完");
}

TEST_CASE("an HTML page that is not UTF-8 is refused like such a text") {
    const std::string gbk = "<html><body><p>\xB2\xBF\xC3\xC5\xBE\xF6\xCB\xE3</p></body></html>";  // 部门决算 in GBK
    CHECK_THROWS_AS(html_flow(gbk, "t.html"), ImportError);
}

TEST_CASE("the Xiangtan document published as HTML imports to the same tables and figures as its text") {
    const std::string txt = std::string(GONGKAI_SHARED_DIR) + "/disclosures/xiangtan-county/2024-county-government-office.txt";
    TempDir tmp;
    const std::string data = tmp / "data", html = tmp / "2024-county-government-office.html";
    write_file(html, text_to_html(read_file(txt)));
    std::string out;
    run_command("mkdir -p " + data + "/430321-xiangtan", out);
    write_file(data + "/430321-xiangtan/county.json", read_file(source_dir() + "/data/430321-xiangtan/county.json"));
    const std::string bin = GONGKAI_BINARY;
    REQUIRE(run_command(bin + " import " + html + " --county 430321 --data " + data + " -o " + (tmp / "from-html.json"), out) == 0);
    REQUIRE(run_command(bin + " import '" + txt + "' --county 430321 --data " + data + " -o " + (tmp / "from-text.json"), out) == 0);
    const json a = json::parse(read_file(tmp / "from-html.json")), b = json::parse(read_file(tmp / "from-text.json"));
    for (std::size_t i = 0; i < std::max(a["tables"].size(), b["tables"].size()); ++i) {
        const json ta = i < a["tables"].size() ? a["tables"][i] : json(), tb = i < b["tables"].size() ? b["tables"][i] : json();
        CHECK_MESSAGE(ta == tb, "table " << i << " differs: " << ta.dump().substr(0, 600) << " vs " << tb.dump().substr(0, 600));
    }
    CHECK(a["narrative"]["figures"] == b["narrative"]["figures"]);
    CHECK(a["overview"] == b["overview"]);
    CHECK(a["department"]["name"] == "湘潭县人民政府办公室");
}
