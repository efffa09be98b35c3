// Fixture-site test: build the real data/ folder and assert on the output files.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

#include <boost/filesystem.hpp>

#include "audit/rule_catalog.hpp"
#include "render/view_common.hpp"
#include "test_support.hpp"
#include "validate/decode_filing.hpp"

using namespace gongkai;
using namespace gongkai::test;
using nlohmann::json;
namespace fs = boost::filesystem;

namespace {

struct BuiltSite {
    TempDir dir;
    std::string out;
    BuiltSite() : out(dir / "site") {
        BuildOptions o = options_for(source_dir() + "/data", out);
        o.base_url = "https://example.org/budget/";
        Site(o).build();
    }
    std::string page(const std::string& rel) const { return read_file(out + "/" + rel); }
};

const BuiltSite& site() {
    static BuiltSite s;
    return s;
}

const char* kXiangtanPage = "430321-xiangtan/2024/county-government-office/index.html";
const char* kPutuoPage = "310107-putuo/2024/finance-bureau/index.html";

// The JSON inside <script type="application/json" id="chart-ID">.
json chart_json(const std::string& html, const std::string& id) {
    std::string open = "<script type=\"application/json\" id=\"chart-" + id + "\">";
    auto start = html.find(open);
    REQUIRE_MESSAGE(start != std::string::npos, id);
    start += open.size();
    auto end = html.find("</script>", start);
    return json::parse(html.substr(start, end - start));
}


}  // namespace

TEST_CASE("the 湘潭县 department page shows its headline numbers") {
    std::string html = site().page(kXiangtanPage);
    for (const char* n : {"1577.61", "1310.87", "266.74"}) CHECK_MESSAGE(html.find(n) != std::string::npos, n);
    CHECK(html.find("湘潭县人民政府办公室") != std::string::npos);
}

TEST_CASE("every printed cell of both filings' nine tables appears in its table on the department page") {
    for (auto filing : {std::tuple{kXiangtanFiling, "county-government-office", kXiangtanPage},
                        std::tuple{kPutuoFiling, "finance-bureau", kPutuoPage}}) {
        // Named references, not a structured binding: CHECK_MESSAGE captures them in a lambda (clang 14).
        const auto& rel = std::get<0>(filing);
        const auto& slug = std::get<1>(filing);
        const auto& page = std::get<2>(filing);
        Filing f = real_filing(rel);
        std::string html = site().page(page);
        std::size_t checked = 0;
        for (const auto& t : f.tables) {
            auto start = html.find("id=\"table-" + std::string(table_kind_id(t.kind)) + "\"");
            REQUIRE(start != std::string::npos);
            auto end = html.find("</article>", start);
            std::string section = html.substr(start, end - start);
            for (const auto& b : t.blocks)
                for (std::size_t ri = 0; ri < b.rows.size(); ++ri) {
                    const Row& r = b.rows[ri];
                    bool any = false;
                    for (const auto& c : r.cells) any = any || c.has_value();
                    if (!any) continue;  // nothing printed in this row
                    std::string id = std::string(table_kind_id(t.kind)) + "-" + b.id + "-" + (r.code.empty() ? r.key : r.code);
                    if (r.key == "blank" || r.key == "none") id += "-" + std::to_string(ri);
                    std::string anchor = "id=\"" + id + "\"";
                    auto row_start = section.find(anchor);
                    REQUIRE_MESSAGE(row_start != std::string::npos, anchor);
                    std::string row = section.substr(row_start, section.find("</tr>", row_start) - row_start);
                    for (const auto& c : r.cells)
                        if (c) {
                            // Printed digits, with thousands separators added where the publication printed none.
                            CHECK_MESSAGE(row.find(">" + printed_grouped(c->printed) + "<") != std::string::npos, slug << " " << anchor << " " << c->printed);
                            ++checked;
                        }
                }
        }
        CHECK(checked > 100);
    }
}

TEST_CASE("embedded chart JSON parses and holds the function-class totals") {
    std::string html = site().page(kXiangtanPage);
    json functions = chart_json(html, "functions");
    REQUIRE(functions["series"].is_array());
    std::map<std::string, double> classes;
    for (const auto& node : functions["series"]) classes[node["name"].get<std::string>().substr(0, 3)] = node["value"].get<double>();
    // Table 03's 类 rows: 201 976.59, 208 291.52, 210 111.64, 217 29.73, 221 168.13.
    CHECK(classes.size() == 5);
    CHECK(classes["201"] == doctest::Approx(976.59));
    CHECK(classes["208"] == doctest::Approx(291.52));
    CHECK(classes["210"] == doctest::Approx(111.64));
    CHECK(classes["217"] == doctest::Approx(29.73));
    CHECK(classes["221"] == doctest::Approx(168.13));
    // The 三公 chart shows the parts only: 合计 and 小计 are not mixed with them. Table 09 prints 公务用车运行维护费
    // 预算 0, 决算 25.8 (the 预算 43.2 is printed on the 小计 line only: one of the published errors).
    json three = chart_json(html, "three-public");
    std::size_t operation = three["categories"].size();
    for (std::size_t i = 0; i < three["categories"].size(); ++i) {
        std::string name = three["categories"][i].get<std::string>();
        CHECK_MESSAGE(name.find("合计") == std::string::npos, name);
        CHECK_MESSAGE(name.find("小计") == std::string::npos, name);
        if (name.find("运行维护") != std::string::npos) operation = i;
    }
    REQUIRE(operation < three["categories"].size());
    CHECK(three["series"][0]["data"][operation].get<double>() == doctest::Approx(0));
    CHECK(three["series"][1]["data"][operation].get<double>() == doctest::Approx(25.8));
}

TEST_CASE("the county dashboards list their departments with links") {
    std::string putuo = site().page("310107-putuo/2024/index.html");
    CHECK(putuo.find("上海市普陀区财政局") != std::string::npos);
    CHECK(putuo.find("href=\"finance-bureau/index.html\"") != std::string::npos);
    CHECK(putuo.find("2,940.05") != std::string::npos);
    std::string xiangtan = site().page("430321-xiangtan/2024/index.html");
    CHECK(xiangtan.find("湘潭县人民政府办公室") != std::string::npos);
    std::string home = site().page("index.html");
    CHECK(home.find("href=\"430321-xiangtan/2024/index.html\"") != std::string::npos);
    CHECK(home.find("href=\"310107-putuo/2024/index.html\"") != std::string::npos);
    // Budgets of years without a 决算 page are listed on the home page with their download, which exists; a
    // province-level body is named once and gets no empty year list.
    for (const auto& rel : real_budget_paths()) {
        Filing b = real_filing(rel);
        if (fs::exists(site().out + "/" + b.county_dir + "/" + std::to_string(b.year) + "/index.html")) continue;
        std::string link = b.county_dir + "/" + std::to_string(b.year) + "/" + b.slug + "/" + b.slug + ".budget.json";
        CHECK_MESSAGE(home.find("href=\"" + link + "\"") != std::string::npos, link);
        CHECK(fs::exists(site().out + "/" + link));
        CHECK(home.find(b.department_name) != std::string::npos);
    }
    CHECK(home.find("江苏省 江苏省") == std::string::npos);
    CHECK(home.find("<ul class=\"year-list\">\n      \n      </ul>") == std::string::npos);
}

TEST_CASE("the 普陀区 dashboard compares its three real departments, normalised and among peers") {
    std::string html = site().page("310107-putuo/2024/index.html");
    for (const char* d : {"上海市普陀区财政局", "上海市普陀区规划和自然资源局", "中共上海市普陀区委社会工作部"})
        CHECK_MESSAGE(html.find(d) != std::string::npos, d);
    CHECK(html.find("id=\"peers\"") != std::string::npos);
    // 支出合计 307.82, 2940.05, 9759.38: median 2940.05, lower quartile 1623.94; the 财政局 ranks 2nd of 3.
    auto stats = html.substr(html.find("id=\"peer-stats\""));
    CHECK(stats.find("<td class=\"num\">1,623.94</td><td class=\"num\">2,940.05</td>") != std::string::npos);
    CHECK(html.find("第 2/3") != std::string::npos);
}

TEST_CASE("year-over-year on 湘潭县 comes from the stated prior-year figures, labelled as such") {
    std::string html = site().page(kXiangtanPage);
    CHECK(html.find("与上年（2023 年度）比较") != std::string::npos);
    CHECK(html.find("1,669.99") != std::string::npos);  // 1577.61 + 92.38
    CHECK(html.find("情况说明") != std::string::npos);
}

TEST_CASE("links are relative, so the site works under any sub-path") {
    std::regex absolute_link("(href|src)=\"/[^\"]*\"");
    for (const auto& rel : list_files(site().out)) {
        if (rel.size() < 5 || rel.substr(rel.size() - 5) != ".html" || rel == "404.html") continue;
        std::string html = site().page(rel);
        CHECK_MESSAGE(!std::regex_search(html, absolute_link), rel);
    }
    // The 404 page is served at any depth: it links home through --base-url.
    CHECK(site().page("404.html").find("href=\"https://example.org/budget/\"") != std::string::npos);
}

TEST_CASE("glossary, downloads and sitemap") {
    CHECK(site().page("glossary/index.html").find("机关运行经费") != std::string::npos);
    CHECK(site().page("430321-xiangtan/2024/county-government-office/county-government-office.json") ==
          read_file(source_dir() + "/data/" + kXiangtanFiling));
    std::string sitemap = site().page("sitemap.xml");
    CHECK(sitemap.find("<loc>https://example.org/budget/310107-putuo/2024/finance-bureau/</loc>") != std::string::npos);
    CHECK(site().page("assets/echarts.min.js").size() > 100000);
}

TEST_CASE("identical input gives a byte-identical site") {
    TempDir again;
    BuildOptions o = options_for(source_dir() + "/data", again / "site");
    o.base_url = "https://example.org/budget/";
    o.jobs = 1;  // a different thread count must not change the output either
    Site(o).build();
    auto a = list_files(site().out), b = list_files(again / "site");
    REQUIRE(a == b);
    for (const auto& rel : a) CHECK_MESSAGE(site().page(rel) == read_file(again / "site/" + rel), rel);
}

TEST_CASE("no sitemap without --base-url") {
    TempDir d;
    Site(options_for(source_dir() + "/data", d / "site")).build();
    auto files = list_files(d / "site");
    CHECK(std::find(files.begin(), files.end(), "sitemap.xml") == files.end());
}

TEST_CASE("the audit is on the site: 数据核验 with highlighted cells, quality column, rules page") {
    std::string dept = site().page(kXiangtanPage);
    CHECK(dept.find("id=\"audit\"") != std::string::npos);
    CHECK(dept.find("条规则中") != std::string::npos);
    // The 三公 table's 小计 决算 cell is named by a finding: highlighted, and linked from the finding.
    CHECK(dept.find("id=\"three_public-main-vehicle_subtotal--actual\" class=\"num flagged\"") != std::string::npos);
    CHECK(dept.find("href=\"#three_public-main-vehicle_subtotal--actual\"") != std::string::npos);
    // A consistent cell is not highlighted.
    CHECK(dept.find("id=\"expenditure-main-total--total\" class=\"num\"") != std::string::npos);
    std::string county = site().page("430321-xiangtan/2024/index.html");
    CHECK(county.find("数据核验（错误/警告）") != std::string::npos);
    CHECK(county.find("id=\"findings\"") != std::string::npos);
    CHECK(county.find("href=\"county-government-office/index.html#audit\"") != std::string::npos);
    std::string rules = site().page("audit-rules/index.html");
    for (const auto& r : rule_catalog()) CHECK_MESSAGE(rules.find("id=\"rule-" + r.id + "\"") != std::string::npos, r.id);
}

TEST_CASE("department over time, function-class and economic-class pages") {
    std::string dept = site().page(kXiangtanPage);
    CHECK(dept.find("href=\"../../departments/county-government-office/index.html\"") != std::string::npos);
    std::string history = site().page("430321-xiangtan/departments/county-government-office/index.html");
    CHECK(history.find("1,577.61") != std::string::npos);
    CHECK(history.find("href=\"../../2024/county-government-office/index.html\"") != std::string::npos);
    // 类 208 across the 湘潭县 departments, linked from the dashboard.
    std::string county = site().page("430321-xiangtan/2024/index.html");
    CHECK(county.find("href=\"classes/208/index.html\"") != std::string::npos);
    std::string social = site().page("430321-xiangtan/2024/classes/208/index.html");
    CHECK(social.find("291.52") != std::string::npos);
    CHECK(social.find("湘潭县人民政府办公室") != std::string::npos);
    // Economic classes: only those some department prints get a page and a link.
    CHECK(county.find("href=\"economic/301/index.html\"") != std::string::npos);
    CHECK(county.find("economic/30217/") == std::string::npos);  // 公务接待费 is blank in 湘潭县's table 06
    CHECK(site().page("430321-xiangtan/2024/economic/301/index.html").find("1172.62") != std::string::npos);
}

TEST_CASE("a version-2 filing: a table the publication does not print is shown as such, with its audit finding") {
    TempDir d;
    copy_real_data(d / "data");
    edit_json(d / ("data/" + std::string(kPutuoFiling)), [](json& f) {
        f["format"] = "gongkai-filing/2";
        f["parts"] = json::array({{{"number", "第二部分"}, {"title", "部门决算表"}}});
        for (auto& t : f["tables"])
            if (t["kind"] == "state_capital") t = {{"kind", "state_capital"}, {"title", "国有资本经营预算财政拨款收入支出决算表"}, {"absent", true}};
    });
    Site(options_for(d / "data", d / "site")).build();
    const std::string page = read_file(d / ("site/" + std::string(kPutuoPage)));
    const auto at = page.find("id=\"table-state_capital\"");
    REQUIRE(at != std::string::npos);
    const std::string article = page.substr(at, page.find("</article>", at) - at);
    CHECK(article.find("公开文件中未印出本表") != std::string::npos);
    CHECK(article.find("<table") == std::string::npos);
    CHECK(page.find("在公开文件中未印出") != std::string::npos);  // the audit's finding in 数据核验
}

TEST_CASE("普陀区财政局 2024: the 预算与决算 section sets the 2025 budget's totals beside the 决算's") {
    const std::string budget_rel = "310107-putuo/2025/finance-bureau.budget.json";
    auto budgets = real_budget_paths();
    if (std::find(budgets.begin(), budgets.end(), budget_rel) == budgets.end()) {
        MESSAGE("data/" << budget_rel << " is not there yet");
        return;
    }
    Filing actual = real_filing(kPutuoFiling), budget = real_filing(budget_rel);
    MaybeMoney spent = cell_value(actual.table(TableKind::Expenditure), "main", "total", "total");
    MaybeMoney planned = cell_value(budget.table(TableKind::BudgetExpenditure), "main", "total", "total");
    REQUIRE(spent);
    REQUIRE(planned);
    std::string html = site().page(kPutuoPage);
    auto at = html.find("<section id=\"budget\"");
    REQUIRE(at != std::string::npos);
    std::string section = html.substr(at, html.find("</section>", at) - at);
    CHECK(contains(section, "预算与决算"));
    CHECK(contains(section, "下一年预算与本年决算"));
    CHECK(!contains(section, ">执行率<"));  // a plan against last year's spending is not an execution rate
    // The lead and the 合计 row carry both filings' totals (in 万元, the site's format).
    CHECK(contains(section, "2024 年决算支出 " + amount_text(spent)));
    CHECK(contains(section, "2025 年预算 " + amount_text(planned)));
    auto total_row = section.find("<tr class=\"total\"><th scope=\"row\">合计</th>");
    REQUIRE(total_row != std::string::npos);
    std::string row = section.substr(total_row, section.find("</tr>", total_row) - total_row);
    CHECK(contains(row, money_text(spent)));
    CHECK(contains(row, money_text(planned)));
    // Both tables, sortable, 款 beneath their 类; the chart's data is embedded safely; the top links here.
    CHECK(contains(section, "<table class=\"data sortable budget-table\" id=\"budget-functions\">"));
    CHECK(contains(section, "<table class=\"data sortable budget-table\" id=\"budget-economic\">"));
    CHECK(contains(section, "data-parent=\"budget-functions-201\""));
    json chart = chart_json(html, "budget");
    CHECK(chart["series"].size() == 2);
    CHECK(contains(html, "<a href=\"#budget\">"));
    // A department without a budget has no such section.
    CHECK(!contains(site().page(kXiangtanPage), "id=\"budget\""));
}
