// A hostile department name shows as text everywhere, also inside embedded JSON.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>

#include "render/template_set.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;
using nlohmann::json;

TEST_CASE("a department named <script>alert(1)</script></script> cannot inject markup") {
    const std::string evil = "<script>alert(1)</script></script>";
    TempDir d;
    copy_real_data(d / "data");
    edit_json(d / (std::string("data/") + kPutuoFiling), [&](json& j) {
        j["department"]["name"] = evil;
        j["glossary"][0]["term"] = evil;
        j["narrative"]["figures"][0]["sentence"] = evil;
        j["tables"][2]["blocks"][0]["rows"][1]["name"] = evil;  // also a row name, which feeds the charts
    });
    // The budget beside it (预算与决算): its source title and a row the 决算 does not print.
    const std::string budget = d / "data/310107-putuo/2025/finance-bureau.budget.json";
    const bool with_budget = std::ifstream(budget).good();
    if (with_budget)
        edit_json(budget, [&](json& j) {
            j["source"]["title"] = evil;
            for (auto& t : j["tables"])
                if (t["kind"] == "budget_expenditure") t["blocks"][0]["rows"][0]["name"] = evil;
        });
    Site(options_for(d / "data", d / "site")).build();
    std::size_t pages = 0;
    for (const auto& rel : list_files(d / "site")) {
        if (rel.size() < 5 || rel.substr(rel.size() - 5) != ".html") continue;
        std::string html = read_file(d / ("site/" + rel));
        ++pages;
        CHECK_MESSAGE(html.find("alert(1)</script>") == std::string::npos, rel);
        CHECK_MESSAGE(html.find("<script>alert") == std::string::npos, rel);
        // Inside every JSON script block, no '<' at all.
        std::regex block("<script type=\"application/json\" id=\"[^\"]+\">([^<]*)</script>");
        std::size_t blocks = 0;
        for (std::sregex_iterator it(html.begin(), html.end(), block), end; it != end; ++it, ++blocks)
            CHECK(json::accept((*it)[1].str()));  // valid JSON
        std::size_t opened = 0;
        for (auto pos = html.find("<script type=\"application/json\""); pos != std::string::npos;
             pos = html.find("<script type=\"application/json\"", pos + 1))
            ++opened;
        CHECK_MESSAGE(blocks == opened, rel);
    }
    CHECK(pages >= 6);
    std::string dept = read_file(d / "site/310107-putuo/2024/finance-bureau/index.html");
    CHECK(dept.find("&lt;script&gt;alert(1)&lt;/script&gt;&lt;/script&gt;") != std::string::npos);
    if (with_budget) {  // the 预算与决算 section and its chart carry the 决算's hostile row name, escaped
        auto at = dept.find("<section id=\"budget\"");
        REQUIRE(at != std::string::npos);
        std::string section = dept.substr(at, dept.find("</section>", at) - at);
        CHECK(section.find("&lt;script&gt;alert(1)") != std::string::npos);
        CHECK(section.find("\\u003cscript\\u003ealert(1)") != std::string::npos);
    }
    std::string county = read_file(d / "site/310107-putuo/2024/index.html");
    CHECK(county.find("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e") != std::string::npos);  // in chart JSON
}

TEST_CASE("names that a spreadsheet would run as formulas are neutralised in every CSV download; numbers stay numbers") {
    const std::string formula = "=HYPERLINK(\"http://example.invalid\",\"点击\")";
    TempDir d;
    copy_real_data(d / "data");
    edit_json(d / (std::string("data/") + kPutuoFiling), [&](json& j) {
        j["department"]["name"] = formula;
        j["tables"][2]["blocks"][0]["rows"][1]["name"] = "@SUM(A1:A9)";
        j["tables"][2]["blocks"][0]["rows"][2]["name"] = "-2+3";
    });
    Site(options_for(d / "data", d / "site")).build();
    std::size_t csvs = 0, neutralised = 0;
    for (const auto& rel : list_files(d / "site")) {
        if (rel.size() < 4 || rel.substr(rel.size() - 4) != ".csv") continue;
        ++csvs;
        std::string csv = read_file(d / ("site/" + rel));
        // No cell of any CSV starts with a formula character unless it is a printed number.
        std::regex cell_start("(^|,|\\n)\"?([=+@\\-][^,\\r\\n]*)");
        for (std::sregex_iterator it(csv.begin(), csv.end(), cell_start), end; it != end; ++it)
            CHECK_MESSAGE(std::regex_match((*it)[2].str(), std::regex("[-+]?[0-9][0-9,]*(\\.[0-9]+)?%?")), std::string(rel + ": " + (*it)[2].str()));
        if (contains(csv, "\"'=HYPERLINK(\"\"http://example.invalid\"\"") || contains(csv, "\"'@SUM(A1:A9)\"") || contains(csv, "\"'-2+3\"")) ++neutralised;
    }
    CHECK(csvs >= 10);
    CHECK(neutralised >= 3);  // the department's table CSV, the county's department list and line-items.csv at least
}

TEST_CASE("every page carries a Content-Security-Policy that runs only the site's own scripts") {
    TempDir d;
    copy_real_data(d / "data");
    Site(options_for(d / "data", d / "site")).build();
    const std::regex policy("<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'([^;\"]*);[^\"]*default-src 'self'[^\"]*object-src 'none'[^\"]*\">");
    std::size_t pages = 0;
    for (const auto& rel : list_files(d / "site")) {
        if (rel.size() < 5 || rel.substr(rel.size() - 5) != ".html") continue;
        ++pages;
        const std::string html = read_file(d / ("site/" + rel));
        std::smatch m;
        REQUIRE_MESSAGE(std::regex_search(html, m, policy), rel);
        const std::string allowed = m[1].str();  // hashes of the page's own inline scripts, if any
        CHECK_MESSAGE(allowed.find("unsafe") == std::string::npos, rel);
        // Inline scripts without src or type, which the browser runs: each must be named by its hash.
        std::size_t inline_scripts = 0;
        for (auto at = html.find("<script>"); at != std::string::npos; at = html.find("<script>", at + 1)) {
            ++inline_scripts;
            const std::string element = html.substr(at, html.find("</script>", at) + 9 - at);
            CHECK_MESSAGE(allowed.find(gongkai::inline_script_hashes(element).substr(1)) != std::string::npos, rel);
        }
        if (rel != "404.html") CHECK_MESSAGE(inline_scripts == 0, rel);
    }
    CHECK(pages >= 20);
    CHECK(contains(read_file(d / "site/404.html"), "'sha256-"));  // the 404 page's script, named by its hash
}
