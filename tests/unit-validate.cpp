// Checking and decoding filings (validate/): every problem names the file and the JSON pointer.
#include <doctest/doctest.h>

#include "test_support.hpp"
#include "validate/corpus_checks.hpp"
#include "validate/decode_filing.hpp"

using namespace gongkai;
using namespace gongkai::test;
using nlohmann::json;

namespace {


FilingPath xiangtan_path(const JsonFile& f) { return {f.path, "430321-xiangtan", 2024, "county-government-office"}; }

// Decodes the Xiangtan filing after `edit`; returns the problems.
ProblemList problems_after(const std::function<void(json&)>& edit) {
    JsonFile f = real_filing_file(kXiangtanFiling);
    edit(f.doc);
    ProblemList problems;
    auto filing = decode_filing(f, xiangtan_path(f), problems);
    CHECK(filing.has_value() == problems.empty());
    return problems;
}

bool has_problem(const ProblemList& list, const std::string& pointer, const std::string& expected_part) {
    for (const auto& p : list.items())
        if (p.pointer == pointer && p.expected.find(expected_part) != std::string::npos && !p.file.empty()) return true;
    return false;
}

std::string dump(const ProblemList& list) {
    std::string s;
    for (const auto& p : list.items()) s += p.to_string() + "\n";
    return s;
}

}  // namespace

TEST_CASE("both real filings decode without a problem") {
    for (auto [rel, dir, slug] : {std::tuple{kXiangtanFiling, "430321-xiangtan", "county-government-office"},
                                  std::tuple{kPutuoFiling, "310107-putuo", "finance-bureau"}}) {
        JsonFile f = real_filing_file(rel);
        ProblemList problems;
        auto filing = decode_filing(f, {f.path, dir, 2024, slug}, problems);
        CHECK_MESSAGE(problems.empty(), dump(problems));
        REQUIRE(filing);
        CHECK(filing->tables.size() == 9);
        CHECK(filing->figures.size() >= 50);
    }
}

TEST_CASE("the decoded Xiangtan filing keeps printed text, blanks and exact values") {
    JsonFile f = real_filing_file(kXiangtanFiling);
    ProblemList problems;
    auto filing = decode_filing(f, xiangtan_path(f), problems);
    REQUIRE(filing);
    const Table* t06 = filing->table(TableKind::BasicExpenditure);
    REQUIRE(t06);
    const Block* b = t06->block("main");
    REQUIRE(b);
    auto wages = b->cell(*b->row_by_code("301"), "amount");
    REQUIRE(wages);
    CHECK(wages->printed == "1172.624");
    CHECK(wages->micro == 1'172'624'000);
    CHECK(!b->cell(*b->row_by_code("30111"), "amount"));              // blank stays blank
    CHECK(b->cell(*b->row_by_code("30114"), "amount")->printed == "0.00");  // printed zero stays a zero
}

TEST_CASE("wrong types name the JSON pointer and what was expected") {
    auto p = problems_after([](json& j) { j["tables"][0]["blocks"][0]["rows"][0]["values"]["amount"] = 1577.61; });
    CHECK_MESSAGE(has_problem(p, "/tables/0/blocks/0/rows/0/values/amount", "decimal text"), dump(p));
    p = problems_after([](json& j) { j["year"] = "2024"; });
    CHECK(has_problem(p, "/year", "an integer"));
    p = problems_after([](json& j) { j["tables"] = json::object(); });
    CHECK(has_problem(p, "/tables", "an array"));
}

TEST_CASE("missing required fields are each reported") {
    auto p = problems_after([](json& j) {
        j.erase("department");
        j["source"].erase("title");
        j["narrative"]["figures"][0].erase("sentence");
    });
    CHECK(has_problem(p, "/department", "required"));
    CHECK(has_problem(p, "/source/title", "required"));
    CHECK(has_problem(p, "/narrative/figures/0/sentence", "required"));
    CHECK(p.size() >= 3);
}

TEST_CASE("impossible values are rejected") {
    auto p = problems_after([](json& j) { j["year"] = 1800; });
    CHECK(has_problem(p, "/year", "from 2000 to 2100"));
    p = problems_after([](json& j) { j["overview"]["staffing"]["actual"] = -3; });
    CHECK(has_problem(p, "/overview/staffing/actual", "from 0"));
    p = problems_after([](json& j) { j["tables"][0]["blocks"][0]["rows"][0]["values"]["amount"] = "-5.00"; });
    CHECK(has_problem(p, "/tables/0/blocks/0/rows/0/values/amount", "non-negative"));
    p = problems_after([](json& j) { j["county"]["code"] = "43032"; });
    CHECK(has_problem(p, "/county/code", "6-digit"));
    p = problems_after([](json& j) { j["tables"][0]["blocks"][0]["rows"][0]["values"]["amount"] = "1.2.3"; });
    CHECK(has_problem(p, "/tables/0/blocks/0/rows/0/values/amount", "decimal text"));
}

TEST_CASE("identity must agree with where the file is") {
    auto p = problems_after([](json& j) { j["year"] = 2023; });
    CHECK(has_problem(p, "/year", "year of the folder"));
    p = problems_after([](json& j) { j["department"]["slug"] = "other"; });
    CHECK(has_problem(p, "/department/slug", "file name"));
    p = problems_after([](json& j) { j["department"]["slug"] = "../../etc"; });
    CHECK(has_problem(p, "/department/slug", "no '/', '..'"));
    p = problems_after([](json& j) { j["county"]["code"] = "310107"; });
    CHECK(has_problem(p, "/county/code", "county folder"));
}

TEST_CASE("the table vocabulary is enforced") {
    auto p = problems_after([](json& j) { j["tables"][0]["kind"] = "balance_sheet"; });
    CHECK(has_problem(p, "/tables/0/kind", "one of"));
    p = problems_after([](json& j) { j["tables"][1]["kind"] = j["tables"][0]["kind"]; });
    CHECK(has_problem(p, "/tables/1/kind", "once per filing"));
    p = problems_after([](json& j) { j["tables"][0]["blocks"][0]["rows"][0]["values"]["nonsense"] = "1"; });
    CHECK(has_problem(p, "/tables/0/blocks/0/rows/0/values/nonsense", "block's columns"));
    p = problems_after([](json& j) { j["tables"][0]["blocks"][0]["rows"][0]["key"] = "made_up"; });
    CHECK(has_problem(p, "/tables/0/blocks/0/rows/0/key", "row key"));
    p = problems_after([](json& j) { j["unexpected"] = true; });
    CHECK(has_problem(p, "/unexpected", "only the members"));
    p = problems_after([](json& j) { j["narrative"]["figures"][0]["unit"] = "亿元"; });
    CHECK(has_problem(p, "/narrative/figures/0/unit", "one of"));
}

TEST_CASE("a duplicate department in one county and year is a corpus problem") {
    JsonFile f = real_filing_file(kXiangtanFiling);
    ProblemList problems;
    auto a = decode_filing(f, xiangtan_path(f), problems);
    REQUIRE(a);
    Filing b = *a;
    b.path = "copy.json";
    b.slug = "copy";
    County c{"county.json", "430321-xiangtan", "湘潭县", "430321", "湖南省"};
    check_corpus({c}, {*a, b}, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems.items()[0].file == "copy.json");
    CHECK(problems.items()[0].pointer == "/department/name");
}

TEST_CASE("gongkai-filing/2: part headings and tables the publication does not print") {
    auto v2 = [](json& d) { d["format"] = "gongkai-filing/2"; };
    // A version-1 filing becomes a version-2 filing by its format alone.
    CHECK(problems_after(v2).empty());
    // Parts as printed.
    ProblemList ok = problems_after([&](json& d) {
        v2(d);
        d["parts"] = json::array({{{"number", "第二部分"}, {"title", "部门决算表"}}});
    });
    INFO(dump(ok));
    CHECK(ok.empty());
    // An absent table: listed, marked, without blocks; the other eight still required.
    JsonFile f = real_filing_file(kXiangtanFiling);
    v2(f.doc);
    for (auto& t : f.doc["tables"])
        if (t["kind"] == "state_capital") t = {{"kind", "state_capital"}, {"title", "国有资本经营预算财政拨款支出决算表"}, {"absent", true}};
    ProblemList problems;
    auto filing = decode_filing(f, xiangtan_path(f), problems);
    INFO(dump(problems));
    REQUIRE(filing.has_value());
    const Table* t = filing->table(TableKind::StateCapital);
    REQUIRE(t != nullptr);
    CHECK(t->absent);
    CHECK(t->blocks.empty());
    CHECK(t->block("main") == nullptr);
    // Version 2 features in a version-1 filing name the version to use.
    CHECK(has_problem(problems_after([](json& d) { d["parts"] = json::array(); }), "/parts", "gongkai-filing/2"));
    CHECK(has_problem(problems_after([](json& d) { d["tables"][7]["absent"] = true; }), "/tables/7/absent", "gongkai-filing/2"));
    // An absent table with blocks is a contradiction.
    CHECK(has_problem(problems_after([&](json& d) {
                          v2(d);
                          d["tables"][7]["absent"] = true;
                      }),
                      "/tables/7/blocks", "no blocks"));
    CHECK(has_problem(problems_after([](json& d) { d["format"] = "gongkai-filing/3"; }), "/format", "gongkai-filing/2"));
}

TEST_CASE("a table's page: optional, the 1-based page of the source document, checked like other fields") {
    // A filing without pages (Xiangtan, from a text file) still loads; its tables have no page.
    {
        JsonFile f = real_filing_file(kXiangtanFiling);
        ProblemList problems;
        auto filing = decode_filing(f, xiangtan_path(f), problems);
        INFO(dump(problems));
        REQUIRE(filing);
        for (const auto& t : filing->tables) CHECK_FALSE(t.page.has_value());
    }
    // A filing with pages (Putuo finance bureau) keeps each table's page as written in data/.
    {
        JsonFile f = real_filing_file(kPutuoFiling);
        ProblemList problems;
        auto filing = decode_filing(f, {f.path, "310107-putuo", 2024, "finance-bureau"}, problems);
        INFO(dump(problems));
        REQUIRE(filing);
        REQUIRE(filing->tables.size() == f.doc["tables"].size());
        for (std::size_t i = 0; i < filing->tables.size(); ++i) {
            REQUIRE(f.doc["tables"][i].contains("page"));
            REQUIRE(filing->tables[i].page.has_value());
            CHECK(*filing->tables[i].page == f.doc["tables"][i]["page"].get<int>());
        }
    }
    // null means unknown, in either format version.
    CHECK(problems_after([](json& d) { d["tables"][0]["page"] = nullptr; }).empty());
    CHECK(problems_after([](json& d) { d["tables"][0]["page"] = 3; }).empty());
    // Bad types and values: a problem naming the file and the pointer of the bad page.
    for (const json& bad : {json(0), json(-2), json("6"), json(2.5), json(true), json(1000000), json::array({6})}) {
        ProblemList problems = problems_after([&](json& d) { d["tables"][2]["page"] = bad; });
        INFO(bad.dump() << "\n" << dump(problems));
        REQUIRE(problems.size() == 1);
        CHECK(has_problem(problems, "/tables/2/page", "integer"));
        CHECK(problems.items()[0].file == real_filing_file(kXiangtanFiling).path);
    }
    // A table the publication does not print has no page.
    CHECK(has_problem(problems_after([](json& d) {
                          d["format"] = "gongkai-filing/2";
                          d["tables"][8] = {{"kind", d["tables"][8]["kind"]}, {"title", d["tables"][8]["title"]}, {"absent", true}, {"page", 4}};
                      }),
                      "/tables/8/page", "no page"));
}

TEST_CASE("a 预算 filing holds budget tables, in a <slug>.budget.json file; a 决算 holds 决算 tables") {
    // A 决算 table kind in a budget, a budget table kind in a 决算, and the kind against the file name.
    JsonFile f = real_filing_file(kXiangtanFiling);
    json budget = f.doc;
    budget["kind"] = "预算";
    budget["tables"] = json::array({{{"kind", "budget_three_public"}, {"title", "2025年部门“三公”经费和机关运行经费预算表"},
                                     {"blocks", json::array({{{"id", "main"},
                                                              {"columns", json::array({{{"id", "budget"}, {"label", "预算数"}}})},
                                                              {"rows", json::array({{{"key", "total"}, {"name", "合计"}, {"values", {{"budget", "0.95"}}}},
                                                                                    {{"key", "operating_cost"}, {"name", "机关运行经费预算数"},
                                                                                     {"values", {{"budget", "229.43"}}}}})}}})}}});
    FilingPath as_budget = xiangtan_path(f);
    as_budget.kind = "预算";
    JsonFile bf = f;
    bf.doc = budget;
    ProblemList ok;
    auto decoded = decode_filing(bf, as_budget, ok);
    CHECK_MESSAGE(ok.empty(), dump(ok));
    REQUIRE(decoded);
    CHECK(decoded->kind == "预算");
    REQUIRE(decoded->table(TableKind::BudgetThreePublic));
    CHECK(is_budget_table(decoded->tables[0].kind));

    // The same budget in <slug>.json: the kind contradicts the file name.
    ProblemList misplaced;
    decode_filing(bf, xiangtan_path(f), misplaced);
    CHECK(has_problem(misplaced, "/kind", "<slug>.budget.json"));

    // A 决算 table in a budget, and a budget table in a 决算: each named with what the filing's kind allows.
    bf.doc["tables"].push_back(f.doc["tables"][0]);
    ProblemList mixed;
    decode_filing(bf, as_budget, mixed);
    CHECK(has_problem(mixed, "/tables/1/kind", "for a 预算 one of budget_summary"));
    auto p = problems_after([](json& j) { j["tables"][0]["kind"] = "budget_summary"; });
    CHECK(has_problem(p, "/tables/0/kind", "for a 决算 one of income_expenditure_summary"));
    // A budget needs none of the nine 决算 tables.
    CHECK_FALSE(has_problem(ok, "/tables", "all nine"));
}

TEST_CASE("a decoded block finds each code's and each role's first row through its indexes, as a scan would") {
    for (const auto& rel : real_filing_paths()) {
        Filing f = real_filing(rel);
        for (const auto& t : f.tables)
            for (const auto& b : t.blocks) {
                Block unindexed = b;  // one more row (without a code) than when indexed: looked up by a scan
                unindexed.rows.push_back({});
                auto first_where = [&](auto same) -> const Row* {  // what a scan finds
                    for (const auto& s : b.rows)
                        if (same(s)) return &s;
                    return nullptr;
                };
                for (const auto& r : b.rows) {
                    if (!r.key.empty()) {
                        CHECK(b.row_by_key(r.key) == first_where([&](const Row& s) { return s.key == r.key; }));
                        CHECK(b.row_by_key(r.key + "-none") == nullptr);
                    }
                    if (r.code.empty()) continue;
                    const Row* first = first_where([&](const Row& s) { return s.code == r.code; });
                    CHECK(b.row_by_code(r.code) == first);
                    CHECK(unindexed.row_by_code(r.code) - unindexed.rows.data() == first - b.rows.data());
                }
                CHECK(b.row_by_code("0000000") == nullptr);
                CHECK(unindexed.row_by_code("0000000") == nullptr);
            }
    }
}
