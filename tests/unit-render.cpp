// Escaping and templates (render/).
#include <doctest/doctest.h>

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
    nlohmann::json view = {{"title", "<b>x</b>"}, {"items", nlohmann::json::array({{{"term", "<i>t</i>"}, {"definition", "d"}, {"sources", "s"}}})},
                           {"root", "../"}, {"synthetic", false}};
    std::string html = t.render("glossary", view);
    CHECK(html.find("&lt;i&gt;t&lt;/i&gt;") != std::string::npos);
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
    CHECK(metric_label("three_public.reception.budget") == "“三公”经费·公务接待费·预算");
    CHECK(root_prefix(3) == "../../../");
    CHECK(money_text(std::nullopt) == "—");
    CHECK(share_text(parse_decimal("1310.87")->micro, parse_decimal("1577.61")->micro) == "83.09%");
}
