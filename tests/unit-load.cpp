// Reading input files and the data-folder layout (load/).
#include <doctest/doctest.h>

#include <boost/filesystem.hpp>

#include "load/data_dir.hpp"
#include "load/json_file.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;

TEST_CASE("a JSON syntax error is reported with file, line and column") {
    TempDir d;
    write_file(d / "bad.json", "{\n  \"format\": \"gongkai-filing/1\",\n  \"year\": 2024,,\n}\n");
    ProblemList problems;
    CHECK(!read_json_file(d / "bad.json", problems));
    REQUIRE(problems.size() == 1);
    const auto& p = problems.items()[0];
    CHECK(p.file == d / "bad.json");
    CHECK(p.context.find("line 3") != std::string::npos);
    CHECK(p.to_string().find("well-formed JSON") != std::string::npos);
}

TEST_CASE("duplicate member names are reported with their JSON pointer") {
    TempDir d;
    write_file(d / "dup.json", R"({"tables": [{"rows": [{"values": {"amount": "1577.61", "amount": "99.99"}}]}], "year": 1})");
    ProblemList problems;
    CHECK(!read_json_file(d / "dup.json", problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems.items()[0].pointer == "/tables/0/rows/0/values/amount");
}

TEST_CASE("each duplicate member is named by its pointer, escaped, also at the top and after earlier siblings") {
    TempDir d;
    write_file(d / "dup2.json", R"({"a": 1, "a": 2, "x": [[], {"k/~": {"m": 0}}, {"n": [1, {"b": 1, "c": {}, "b": 3}]}], "k": {"k": {"k": 1, "k": 2}}, "e/~": {"z": 1, "z": 2}})");
    ProblemList problems;
    CHECK(!read_json_file(d / "dup2.json", problems));
    REQUIRE(problems.size() == 4);
    CHECK(problems.items()[0].pointer == "/a");
    CHECK(problems.items()[1].pointer == "/x/2/n/1/b");
    CHECK(problems.items()[2].pointer == "/k/k/k");
    CHECK(problems.items()[3].pointer == "/e~1~0/z");
    write_file(d / "fine.json", R"({"k/~": [{"a": 1}, {"a": 2}], "b": {"a": {"a": 1}}})");
    problems = {};
    auto f = read_json_file(d / "fine.json", problems);
    REQUIRE(f);
    CHECK(problems.empty());
    CHECK(f->doc["k/~"][1]["a"] == 2);
    CHECK(f->doc["b"]["a"]["a"] == 1);
}

TEST_CASE("numbers no type can hold are a problem, not an exception") {
    TempDir d;
    write_file(d / "big.json", R"({"year": 1e400})");
    ProblemList problems;
    CHECK(!read_json_file(d / "big.json", problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems.items()[0].file == d / "big.json");
}

TEST_CASE("the real data folder lists both counties and their filings in sorted order") {
    ProblemList problems;
    auto layout = scan_data_dir(source_dir() + "/data", problems);
    CHECK(problems.empty());
    REQUIRE(layout.counties.size() >= 2);
    REQUIRE(layout.filings.size() >= 2);
    bool xiangtan = false, putuo = false;
    for (const auto& f : layout.filings) {
        xiangtan = xiangtan || (f.county_dir == "430321-xiangtan" && f.year == 2024 && f.slug == "county-government-office");
        putuo = putuo || (f.county_dir == "310107-putuo" && f.year == 2024 && f.slug == "finance-bureau");
    }
    CHECK(xiangtan);
    CHECK(putuo);
    for (std::size_t i = 1; i < layout.filings.size(); ++i) CHECK(layout.filings[i - 1].path < layout.filings[i].path);
}

TEST_CASE("misplaced and misnamed entries are problems, not silently skipped") {
    TempDir d;
    write_file(d / "Xiangtan/county.json", "{}");
    write_file(d / "430321-xiangtan/county.json", "{}");
    write_file(d / "430321-xiangtan/24/a.json", "{}");
    write_file(d / "430321-xiangtan/2024/Bad_Slug.json", "{}");
    write_file(d / "430321-xiangtan/2024/notes.txt", "x");
    write_file(d / "430321-xiangtan/2024/ok.json", "{}");
    write_file(d / "999999-nocounty/2024/x.json", "{}");
    ProblemList problems;
    auto layout = scan_data_dir(d.path(), problems);
    std::string all;
    for (const auto& p : problems.items()) all += p.to_string() + "\n";
    CHECK(all.find("Xiangtan") != std::string::npos);
    CHECK(all.find("/24") != std::string::npos);
    CHECK(all.find("Bad_Slug") != std::string::npos);
    CHECK(all.find("notes.txt") != std::string::npos);
    CHECK(all.find("999999-nocounty/county.json") != std::string::npos);
    REQUIRE(layout.filings.size() == 2);  // ok.json and x.json
    CHECK(layout.filings[0].slug == "ok");
}

TEST_CASE("symbolic links in the data folder are refused, not followed") {
    TempDir d;
    write_file(d / "outside.json", "{}");
    write_file(d / "data/430321-xiangtan/county.json", "{}");
    boost::filesystem::create_directories(d / "data/430321-xiangtan/2024");
    boost::filesystem::create_symlink(d / "outside.json", d / "data/430321-xiangtan/2024/linked.json");
    ProblemList problems;
    auto layout = scan_data_dir(d / "data", problems);
    CHECK(layout.filings.empty());
    REQUIRE(problems.size() == 1);
    CHECK(problems.items()[0].found.find("symbolic link") != std::string::npos);
}

TEST_CASE("slugs cannot escape a folder") {
    for (const char* bad : {"", "..", "a/b", "/abs", "a..b/", "A", "a_b", "-a", "a-", "a--b", "é"}) CHECK_MESSAGE(!is_valid_slug(bad), bad);
    CHECK(is_valid_slug("finance-bureau"));
    CHECK(is_valid_slug("office2"));
}

TEST_CASE("a budget is <slug>.budget.json beside the year's final accounts, listed apart with its kind") {
    TempDir d;
    write_file(d / "310107-putuo/county.json", "{}");
    write_file(d / "310107-putuo/2025/finance-bureau.json", "{}");
    write_file(d / "310107-putuo/2025/finance-bureau.budget.json", "{}");
    write_file(d / "310107-putuo/2025/Bad.budget.json", "{}");
    write_file(d / "310107-putuo/2025/.budget.json", "{}");  // hidden: skipped like every dot file
    ProblemList problems;
    auto layout = scan_data_dir(d.path(), problems);
    REQUIRE(layout.filings.size() == 1);
    CHECK(layout.filings[0].kind == "决算");
    REQUIRE(layout.budgets.size() == 1);
    CHECK(layout.budgets[0].slug == "finance-bureau");
    CHECK(layout.budgets[0].kind == "预算");
    CHECK(layout.budgets[0].year == 2025);
    REQUIRE(problems.size() == 1);
    CHECK(problems.items()[0].to_string().find("Bad.budget.json") != std::string::npos);
}
