// The department page shows, next to each table's title, the page of the source publication on which the
// table starts ("原文第 N 页"), linked to "<source.url>#page=N" when the filing knows the publication's URL.
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;
using nlohmann::json;

namespace {

const char* kUrl = "https://example.org/docs/putuo-finance.pdf";

struct BuiltSite {
    TempDir dir;
    std::string out;
    BuiltSite() : out(dir / "site") {
        const std::string data = dir / "data";
        copy_real_data(data);
        edit_json(data + "/" + kPutuoFiling, [](json& d) { d["source"]["url"] = kUrl; });
        Site(options_for(data, out)).build();
    }
    std::string page(const std::string& rel) const { return read_file(out + "/" + rel); }
};

const BuiltSite& site() {
    static BuiltSite s;
    return s;
}

// The heading of a table's article on the department page: from its id to the end of its <h3>.
std::string table_heading(const std::string& html, const std::string& kind) {
    const auto at = html.find("<article class=\"fiscal-table\" id=\"table-" + kind + "\">");
    REQUIRE_MESSAGE(at != std::string::npos, kind);
    const auto end = html.find("</h3>", at);
    REQUIRE(end != std::string::npos);
    return html.substr(at, end - at);
}

json filing_json(const std::string& rel) { return json::parse(read_file(source_dir() + "/data/" + rel)); }

}  // namespace

TEST_CASE("with a source URL, each table's page links to that page of the publication") {
    const json filing = filing_json(kPutuoFiling);
    const std::string html = site().page("310107-putuo/2024/finance-bureau/index.html");
    REQUIRE(filing["tables"].size() == 9);
    for (const json& t : filing["tables"]) {
        REQUIRE(t.contains("page"));
        const std::string n = std::to_string(t["page"].get<int>());
        const std::string heading = table_heading(html, t["kind"].get<std::string>());
        INFO(heading);
        CHECK(heading.find("<a href=\"" + std::string(kUrl) + "#page=" + n + "\"") != std::string::npos);
        CHECK(heading.find("原文第 " + n + " 页</a>") != std::string::npos);
    }
}

TEST_CASE("without a source URL the page is shown as text; a filing without pages shows none") {
    const char* rel = "310107-putuo/2024/social-work-department.json";
    const json filing = filing_json(rel);
    REQUIRE(filing["source"]["url"].is_null());
    const std::string html = site().page("310107-putuo/2024/social-work-department/index.html");
    for (const json& t : filing["tables"]) {
        const std::string heading = table_heading(html, t["kind"].get<std::string>());
        INFO(heading);
        CHECK(heading.find("原文第 " + std::to_string(t["page"].get<int>()) + " 页</small>") != std::string::npos);
        CHECK(heading.find("#page=") == std::string::npos);
    }
    // Xiangtan's filing comes from a text file without pages.
    const json xiangtan = filing_json(kXiangtanFiling);  // kept: a loop over a temporary's member would outlive it
    for (const json& t : xiangtan["tables"]) CHECK_FALSE(t.contains("page"));
    CHECK(site().page("430321-xiangtan/2024/county-government-office/index.html").find("原文第") == std::string::npos);
}
