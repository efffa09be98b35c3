// The search index builder and the glossary grouping, on the real filings of data/.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "compute/department_summary.hpp"
#include "render/search_index.hpp"
#include "render/site_glossary.hpp"
#include "render/view_common.hpp"
#include "render/views.hpp"
#include "test_support.hpp"

using namespace gongkai;
using nlohmann::json;

namespace {

const char* const kRealFilings[] = {"310107-putuo/2024/finance-bureau.json", "310107-putuo/2024/planning-and-natural-resources-bureau.json",
                                    "310107-putuo/2024/social-work-department.json", "430321-xiangtan/2024/county-government-office.json"};

std::vector<Filing> real_filings() {
    std::vector<Filing> out;
    for (const char* rel : kRealFilings) out.push_back(test::real_filing(rel));
    return out;
}

std::vector<DepartmentSummary> summaries_of(const std::vector<Filing>& filings) {
    std::vector<DepartmentSummary> out;
    for (const auto& f : filings) out.push_back(summarize(f));
    return out;
}

// The class pages the site renders for these filings (类 and 款 of the spending table).
std::vector<ClassPageRef> class_pages_of(const std::vector<Filing>& filings) {
    std::vector<ClassPageRef> out;
    for (const auto& f : filings)
        if (const Block* b = spending_block(f))
            for (const auto& r : b->rows)
                if ((r.code.size() == 3 || r.code.size() == 5) && b->cell(r, "total")) out.push_back({f.county_dir, f.year, r.code, r.name, false});
    return out;
}

// The item numbers of a department entry (bare numbers and [number, years] pairs).
std::set<std::size_t> item_numbers(const json& department) {
    std::set<std::size_t> out;
    for (const auto& r : department["items"]) out.insert(r.is_array() ? r[0].get<std::size_t>() : r.get<std::size_t>());
    return out;
}

std::size_t item_number(const json& index, const std::string& kind, const std::string& code, const std::string& name) {
    const auto& items = index["items"];
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i] == json::array({kind, code, name})) return i;
    FAIL("no item " << kind << " " << code << " " << name);
    return 0;
}

}  // namespace

TEST_CASE("search index: every published function and economic line of every real filing is findable") {
    auto filings = real_filings();
    auto summaries = summaries_of(filings);
    json index = json::parse(search_index_json(filings, summaries, class_pages_of(filings)));
    CHECK(index["format"] == "gongkai-search-index/1");
    CHECK(index["counties"].size() == 2);
    REQUIRE(index["departments"].size() == filings.size());

    // Items are distinct and sorted; departments refer to them by number.
    const auto& items = index["items"];
    for (std::size_t i = 1; i < items.size(); ++i) CHECK(items[i - 1].get<std::vector<std::string>>() < items[i].get<std::vector<std::string>>());

    for (const auto& f : filings) {
        auto d = std::find_if(index["departments"].begin(), index["departments"].end(), [&](const json& d) { return d["slug"] == f.slug; });
        REQUIRE(d != index["departments"].end());
        CHECK((*d)["name"] == f.department_name);
        CHECK(index["counties"][(*d)["county"].get<std::size_t>()]["dir"] == f.county_dir);
        std::set<std::size_t> refs = item_numbers(*d);
        for (std::size_t r : refs) CHECK(r < items.size());
        std::size_t published = 0;
        if (const Block* b = spending_block(f))
            for (const auto& r : b->rows)
                if (!r.code.empty() && b->cell(r, "total")) {
                    CHECK(refs.count(item_number(index, "f", r.code, r.name)));
                    ++published;
                }
        if (const Table* t = f.table(TableKind::BasicExpenditure))
            for (const auto& r : t->block("main")->rows)
                if (!r.code.empty() && t->block("main")->cell(r, "amount")) {
                    CHECK(refs.count(item_number(index, "e", r.code, r.name)));
                    ++published;
                }
        CHECK(published > 10);
        // The whole 三公 table is an item of every department that prints one.
        CHECK(refs.count(item_number(index, "t", "", "“三公”经费")) == 1);
        // 支出合计 as the site prints it, read here from the 01 table.
        auto total = cell_value(f.table(TableKind::IncomeExpenditureSummary), "expenditure", "total_expenditure", "amount");
        REQUIRE(total);
        CHECK((*d)["years"][0]["total"] == amount_text(total));
    }
    // 住房公积金 is both a function line (2210201) and an economic line (30113) of the Xiangtan filing.
    const json& xiangtan = index["departments"][3];
    CHECK(xiangtan["slug"] == "county-government-office");
    CHECK(item_numbers(xiangtan).count(item_number(index, "f", "2210201", "住房公积金")));
    CHECK(item_numbers(xiangtan).count(item_number(index, "e", "30113", "住房公积金")));
    CHECK(xiangtan["years"][0]["three_public"] == amount_text(cell_value(filings[3].table(TableKind::ThreePublic), "main", "total", "actual")));

    // Class pages: one entry per county and code with its years.
    for (const auto& c : index["classes"]) {
        CHECK(c[0].get<std::size_t>() < index["counties"].size());
        CHECK(items[c[1].get<std::size_t>()][0] == "f");
        CHECK(c[2] == json::array({2024}));
    }
}

TEST_CASE("search index: one department over several years is one entry; items missing in a year carry their years") {
    auto filings = real_filings();
    Filing earlier = filings[3];
    earlier.year = 2023;
    for (auto& t : earlier.tables)
        if (t.kind == TableKind::Expenditure || t.kind == TableKind::GeneralBudgetExpenditure)
            for (auto& b : t.blocks)
                b.rows.erase(std::remove_if(b.rows.begin(), b.rows.end(), [](const Row& r) { return r.code == "2210201"; }), b.rows.end());
    filings.push_back(earlier);
    auto summaries = summaries_of(filings);
    std::string bytes = search_index_json(filings, summaries, class_pages_of(filings));
    json index = json::parse(bytes);
    REQUIRE(index["departments"].size() == 4);
    const json& d = index["departments"][3];
    CHECK(d["years"].size() == 2);
    CHECK(d["years"][0]["year"] == 2023);
    CHECK(d["years"][1]["year"] == 2024);
    std::size_t fund = item_number(index, "f", "2210201", "住房公积金");
    std::size_t office = item_number(index, "f", "2010301", "行政运行");
    bool fund_only_2024 = false, office_every_year = false;
    for (const auto& r : d["items"]) {
        if (r.is_array() && r[0] == fund) fund_only_2024 = r[1] == json::array({2024});
        if (r.is_number() && r == office) office_every_year = true;
    }
    CHECK(fund_only_2024);
    CHECK(office_every_year);
    CHECK(index["counties"][1]["years"] == json::array({2023, 2024}));

    // Deterministic: the same bytes whatever the order of the filings.
    std::reverse(filings.begin(), filings.end());
    std::reverse(summaries.begin(), summaries.end());
    auto pages = class_pages_of(filings);
    std::reverse(pages.begin(), pages.end());
    CHECK(search_index_json(filings, summaries, pages) == bytes);
}

TEST_CASE("site index keeps the fields the compare page reads") {
    auto filings = real_filings();
    json index = json::parse(site_index_json(filings, summaries_of(filings)));
    for (const auto& d : index["departments"])
        for (const char* key : {"id", "name", "county", "year", "link", "synthetic", "total", "basic", "project", "personnel", "public",
                                "three_public_budget", "three_public_actual", "staff", "classes"})
            CHECK_MESSAGE(d.contains(key), key);
}

TEST_CASE("glossary keys and terms read from a definition") {
    CHECK(glossary_key("“三公”经费") == glossary_key("三公经费"));
    CHECK(glossary_key(" 因公出国（境）费 ") == glossary_key("因公出国(境)费"));
    CHECK(glossary_key("指单位的支出。") == glossary_key("指单位的支出"));
    CHECK(glossary_key("指单位的支出") != glossary_key("是指单位的支出"));
    CHECK(term_from_definition("基本支出是指为保障机构正常运转的支出。") == "基本支出");
    CHECK(term_from_definition("基本支出：为保障机构正常运转的支出。") == "基本支出");
    CHECK(term_from_definition("“三公”经费: 指因公出国（境）费等。") == "“三公”经费");
    CHECK(term_from_definition("是指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。") == "");
    CHECK(term_from_definition("为保障机构正常运转，完成日常工作任务是指") == "");
    CHECK(term_from_definition("没有分隔的解释。") == "");
}

TEST_CASE("glossary of the real filings: each term once, differing definitions listed with their sources") {
    auto filings = real_filings();
    std::vector<const Filing*> all;
    for (const auto& f : filings) all.push_back(&f);
    GlossaryGroups g = group_glossary(all);

    // Expected from the filings: the distinct keys of the printed terms, and the printed (term, definition) pairs.
    std::set<std::string> keys;
    std::size_t untitled = 0;
    for (const auto& f : filings)
        for (const auto& e : f.glossary) {
            if (!e.term.empty()) keys.insert(glossary_key(e.term));
            else if (term_from_definition(e.definition).empty()) ++untitled;
        }
    REQUIRE(g.terms.size() == keys.size());
    std::set<std::string> seen;
    for (const auto& t : g.terms) CHECK(seen.insert(t.key).second);
    CHECK(g.untitled.size() == untitled);
    CHECK(untitled == 1);  // Xiangtan prints 基本支出's definition without its term
    CHECK(g.untitled[0].sources == std::vector<const Filing*>{all[3]});

    for (const auto& f : filings)
        for (const auto& e : f.glossary) {
            if (e.term.empty()) continue;
            auto t = std::find_if(g.terms.begin(), g.terms.end(), [&](const GlossaryTerm& t) { return t.key == glossary_key(e.term); });
            REQUIRE(t != g.terms.end());
            // The filing is a source of exactly one wording, the one equal to what it prints.
            int sources = 0;
            for (const auto& v : t->variants)
                if (std::count(v.sources.begin(), v.sources.end(), &f)) {
                    ++sources;
                    CHECK(glossary_key(v.definition) == glossary_key(e.definition));
                }
            CHECK(sources == 1);
        }
    // 项目支出: the three Putuo filings share one wording, Xiangtan has its own; the common one comes first.
    auto project = std::find_if(g.terms.begin(), g.terms.end(), [](const GlossaryTerm& t) { return t.term == "项目支出"; });
    REQUIRE(project != g.terms.end());
    REQUIRE(project->variants.size() == 2);
    CHECK(project->variants[0].sources.size() == 3);
    CHECK(project->variants[1].sources == std::vector<const Filing*>{all[3]});
}

TEST_CASE("glossary: a definition printed without a term that starts with one joins that term") {
    Filing a = test::real_filing(kRealFilings[0]);
    Filing b = test::real_filing(kRealFilings[3]);
    b.glossary = {{"", "机关运行经费是指行政单位的日常公用经费。"}};
    GlossaryGroups g = group_glossary({&a, &b});
    auto t = std::find_if(g.terms.begin(), g.terms.end(), [](const GlossaryTerm& t) { return t.term == "机关运行经费"; });
    REQUIRE(t != g.terms.end());
    REQUIRE(t->variants.size() == 2);
    CHECK_FALSE(t->variants[0].derived_term);
    CHECK(t->variants[1].derived_term);
    CHECK(g.untitled.empty());
}

TEST_CASE("glossary page: site terms with stable anchors, no term twice, no untitled heading") {
    auto filings = real_filings();
    std::vector<const Filing*> all;
    for (const auto& f : filings) all.push_back(&f);
    json v = glossary_view(all);
    std::set<std::string> anchors, keys;
    REQUIRE(v["sections"][0]["id"] == "site-terms");
    REQUIRE(v["sections"][0]["title"] == "本站用语");
    for (const auto& s : v["sections"])
        for (const auto& e : s["entries"]) {
            if (!e["has_term"].get<bool>()) continue;
            CHECK(anchors.insert(e["anchor"].get<std::string>()).second);
            CHECK(keys.insert(glossary_key(e["term"].get<std::string>())).second);
        }
    for (const char* id : {"personnel", "public-funds", "basic", "project", "function-class", "economic-class", "class-levels",
                           "three-public", "operating-cost", "median", "quartile", "rounding", "expenditure-total", "yoy", "units"})
        CHECK_MESSAGE(anchors.count(std::string("term-") + id), id);
    // A filing term that is also a site term is shown under the site term, with the filings' wordings.
    const json& site = v["sections"][0]["entries"];
    auto three = std::find_if(site.begin(), site.end(), [](const json& e) { return e["anchor"] == "term-three-public"; });
    REQUIRE(three != site.end());
    CHECK((*three)["variant_count"] == 2);
    CHECK(v.dump().find("原文未列词条") == std::string::npos);
    CHECK(v["sections"].back()["id"] == "untitled-definitions");
}
