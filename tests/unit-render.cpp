// Escaping and templates (render/).
#include <doctest/doctest.h>

#include "render/csv_export.hpp"

#include "render/escape.hpp"
#include "render/template_set.hpp"
#include "render/view_common.hpp"
#include "render/views.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;

TEST_CASE("JSON embedded in a script element cannot close it") {
    nlohmann::json j = {{"name", "<script>alert(1)</script></script><!--"}, {"x", "a&b\u2028c"}};
    std::string s = json_for_script(j);
    CHECK(s.find('<') == std::string::npos);
    CHECK(s.find('>') == std::string::npos);
    CHECK(s.find('&') == std::string::npos);
    CHECK(s.find("\xE2\x80\xA8") == std::string::npos);
    CHECK(nlohmann::json::parse(s) == j);  // still the same data for the browser
}

TEST_CASE("HTML and XML escaping") {
    CHECK(html_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    auto xml = sitemap_xml("https://example.org/site", {"a/", "b&c/"});
    CHECK(xml.find("<loc>https://example.org/site/a/</loc>") != std::string::npos);
    CHECK(xml.find("b&amp;c/") != std::string::npos);
}

TEST_CASE("templates are parsed once and escape variables") {
    TemplateSet t = TemplateSet::load(source_dir() + "/site-templates");
    // The page title goes through the layout (the glossary's own fields change with its view).
    nlohmann::json view = {{"title", "<i>t</i>"}, {"root", "../"}, {"synthetic", false}};
    std::string html = t.render("glossary", view);
    CHECK(html.find("<title>&lt;i&gt;t&lt;/i&gt; · 公开</title>") != std::string::npos);
    CHECK(html.find("<i>t</i>") == std::string::npos);
    CHECK(html.find("href=\"../assets/gongkai.css\"") != std::string::npos);
    CHECK(html.find("<html lang=\"zh-CN\">") != std::string::npos);
}

TEST_CASE("a missing template folder is a clear build problem") {
    try {
        TemplateSet::load("/nonexistent/templates");
        FAIL("expected BuildFailed");
    } catch (const BuildFailed& e) {
        CHECK(e.problems().items()[0].file == "/nonexistent/templates");
    }
}

TEST_CASE("labels and relative paths") {
    CHECK(metric_label("total.yoy_change") == "收支总计较上年变动");
    CHECK(metric_label("three_public.reception.budget") == "公务接待费预算");
    CHECK(root_prefix(3) == "../../../");
    CHECK(money_text(std::nullopt) == "—");
    CHECK(share_text(parse_decimal("1310.87")->micro, parse_decimal("1577.61")->micro) == "83.1%");
}

TEST_CASE("one number format: grouped 万元, 亿元 from 1 亿 up, unit kept with the number") {
    auto m = [](const char* s) { return MaybeMoney(parse_decimal(s)->micro); };
    CHECK(money_text(m("1577.61")) == "1,577.61");
    CHECK(money_text(m("-1092.385")) == "-1,092.39");
    CHECK(amount_text(m("2940.05")) == "2,940.05\u00a0万元");
    CHECK(amount_text(m("9999.994")) == "9,999.99\u00a0万元");
    CHECK(amount_text(m("157539.86")) == "15.75\u00a0亿元");
    CHECK(amount_text(m("10000")) == "1.00\u00a0亿元");
    CHECK(amount_text(m("-25000")) == "-2.50\u00a0亿元");
    CHECK(amount_display(m("123456789.5")).value == "12,345.68");
    CHECK(amount_text(std::nullopt) == "—");
    CHECK(pct_text(percent_micro(m("-55.31").value(), m("1000").value())) == "-5.5%");
    CHECK(pct_text(0) == "0.0%");
    CHECK(change_text(m("1092.38")) == "+1,092.38");
}

TEST_CASE("printed table digits get separators, never other changes") {
    CHECK(printed_grouped("1577.61") == "1,577.61");
    CHECK(printed_grouped("2,940.05") == "2,940.05");
    CHECK(printed_grouped("157539.86") == "157,539.86");
    CHECK(printed_grouped("-1234") == "-1,234");
    CHECK(printed_grouped("0.00") == "0.00");
    CHECK(printed_grouped("999.5") == "999.5");
    CHECK(printed_grouped("1234.5.6") == "1234.5.6");
    CHECK(printed_grouped("12345元") == "12345元");
    CHECK(printed_grouped("") == "");
}

TEST_CASE("the layout loads ECharts only for pages whose body holds a chart container") {
    CHECK(html_has_charts("<div class=\"chart\" data-chart=\"functions\" role=\"img\"></div>"));
    CHECK(html_has_charts("<div id=\"compare-app\" data-charts=\"script\">"));
    CHECK_FALSE(html_has_charts("<p>data-chart=&quot;x&quot; is text</p>"));
    CHECK_FALSE(html_has_charts("<p>no charts here</p>"));

    TemplateSet t = TemplateSet::load(source_dir() + "/site-templates");
    nlohmann::json glossary = {{"title", "名词解释"}, {"items", nlohmann::json::array()}, {"root", "../"}, {"synthetic", false}};
    std::string plain = t.render("glossary", glossary);
    CHECK(plain.find("echarts.min.js") == std::string::npos);
    CHECK(plain.find("assets/gongkai.js") != std::string::npos);  // sortable tables work without ECharts

    nlohmann::json history = {{"title", "某部门 历年"}, {"root", "../../../"}, {"multi_year", true}, {"chart", "{}"}, {"synthetic", false}};
    std::string charted = t.render("history", history);
    CHECK(charted.find("<script src=\"../../../assets/echarts.min.js\">") != std::string::npos);
    CHECK(charted.find("<p class=\"chart-fallback\">图表需要 JavaScript；数字见上方") != std::string::npos);
}

TEST_CASE("meta description and share previews; canonical and og:url only with a base URL") {
    TemplateSet t = TemplateSet::load(source_dir() + "/site-templates");
    nlohmann::json view = {{"title", "名词解释"}, {"items", nlohmann::json::array()}, {"root", "../"}, {"synthetic", false}};
    std::string generic = t.render("glossary", view);
    CHECK(generic.find(std::string("<meta name=\"description\" content=\"") + kSiteDescription + "\">") != std::string::npos);
    CHECK(generic.find("<meta property=\"og:title\" content=\"名词解释\">") != std::string::npos);
    CHECK(generic.find("<meta property=\"og:locale\" content=\"zh_CN\">") != std::string::npos);
    CHECK(generic.find("og:url") == std::string::npos);
    CHECK(generic.find("rel=\"canonical\"") == std::string::npos);

    view["description"] = "<本页> 说明";
    t.set_base_url("https://example.org/gongkai");
    t.set_page_path("glossary/index.html");
    std::string own = t.render("glossary", view);
    CHECK(own.find("<meta name=\"description\" content=\"&lt;本页&gt; 说明\">") != std::string::npos);
    CHECK(own.find("<meta property=\"og:description\" content=\"&lt;本页&gt; 说明\">") != std::string::npos);
    CHECK(own.find("<meta property=\"og:url\" content=\"https://example.org/gongkai/glossary/\">") != std::string::npos);
    CHECK(own.find("<link rel=\"canonical\" href=\"https://example.org/gongkai/glossary/\">") != std::string::npos);
    t.set_page_path("index.html");
    CHECK(t.page_url() == "https://example.org/gongkai/");
    t.set_page_path("404.html");
    CHECK(t.page_url() == "https://example.org/gongkai/404.html");
}

TEST_CASE("the 404 page finds the site root itself unless the base URL is known") {
    TemplateSet t = TemplateSet::load(source_dir() + "/site-templates");
    std::string probing = t.render("not-found", not_found_view(""), false);
    CHECK(probing.find("<a id=\"home-link\" href=\"/\">") != std::string::npos);  // the no-JavaScript fallback
    CHECK(probing.find("assets/gongkai.css") != std::string::npos);              // what the script probes for
    std::string fixed = t.render("not-found", not_found_view("https://example.org/gongkai"), false);
    CHECK(fixed.find("<a id=\"home-link\" href=\"https://example.org/gongkai/\">") != std::string::npos);
    CHECK(fixed.find("<script>") == std::string::npos);
}

TEST_CASE("narrative figure labels read as plain Chinese, for every metric of the real filings") {
    // Examples of each way a label is built: whole ids, subject + attribute, counts, funds, unknown parts.
    CHECK(metric_label("income.fiscal.amount") == "财政拨款收入");
    CHECK(metric_label("income.fiscal.share") == "财政拨款收入占比");
    CHECK(metric_label("expenditure.project.yoy_change") == "项目支出较上年变动");
    CHECK(metric_label("three_public.total.actual") == "“三公”经费决算");
    CHECK(metric_label("three_public.reception.persons") == "公务接待人次");
    CHECK(metric_label("three_public.abroad.groups") == "因公出国（境）团组数");
    CHECK(metric_label("assets.vehicles.confidential") == "机要通信用车");
    CHECK(metric_label("performance.self_eval.excellent") == "绩效自评评级为“优”的项目数");
    CHECK(metric_label("gb.item.full_year.budget") == "项目全年预算");
    CHECK(metric_label("gov_fund.total") == "政府性基金预算财政拨款支出");
    CHECK(metric_label("state_capital.item.actual") == "国有资本经营预算财政拨款项目支出决算");
    CHECK(metric_label("gov_fund.income") == "政府性基金预算财政拨款收入");
    CHECK(metric_label("state_capital.actual") == "国有资本经营预算财政拨款支出决算");
    CHECK(metric_label("gb.new_item_kind.completion") == "一般公共预算财政拨款支出（new_item_kind）完成预算比例");
    CHECK(metric_label("unknown.thing") == "unknown.thing");
    // Every metric the real filings state gets a label without "·" compositions or raw ids.
    for (const char* rel : {"430321-xiangtan/2024/county-government-office.json", "310107-putuo/2024/finance-bureau.json",
                            "310107-putuo/2024/planning-and-natural-resources-bureau.json",
                            "310107-putuo/2024/social-work-department.json"}) {
        Filing f = real_filing(rel);
        for (const auto& fig : f.figures) {
            CAPTURE(fig.metric);
            std::string label = metric_label(fig.metric);
            CHECK(label.find("·") == std::string::npos);
            CHECK(label.find('.') == std::string::npos);
            CHECK(label.find('_') == std::string::npos);
        }
    }
}

TEST_CASE("one ▲/▼ formatter") {
    CHECK(arrow_pct(-5'530000) == "▼5.5%");
    CHECK(arrow_pct(3'600000) == "▲3.6%");
    CHECK(arrow_pct(0) == "0.0%");
}

TEST_CASE("CSV cells a spreadsheet would run as formulas get a leading apostrophe; printed numbers stay numbers") {
    CHECK(csv_line({"-3.00", "+1,234.5", "-12%", "0", "一般公共服务支出"}) == "-3.00,\"+1,234.5\",-12%,0,一般公共服务支出\r\n");
    CHECK(csv_line({"=1+2", "+A1", "-", "-其中", "@SUM(A1)", "\tx", "\r=1", "-3.", "1=1"}) ==
          "\"'=1+2\",\"'+A1\",\"'-\",\"'-其中\",\"'@SUM(A1)\",\"'\tx\",\"'\r=1\",\"'-3.\",1=1\r\n");
    CHECK(csv_line({"=\"a\",b"}) == "\"'=\"\"a\"\",b\"\r\n");  // quotes inside are doubled as ever
}
