// Department types: data/department-types.json assigns the real filings' departments to their kinds, a broken
// mapping is reported with its file and JSON pointer, and a build of data/ writes the type pages.
#include <doctest/doctest.h>

#include "compute/department_summary.hpp"
#include "compute/department_types.hpp"
#include "render/view_common.hpp"
#include "test_support.hpp"
#include "validate/decode_department_types.hpp"

using namespace gongkai;
using namespace gongkai::test;
using nlohmann::json;

namespace {

DepartmentTypes real_types() {
    ProblemList problems;
    auto file = read_json_file(source_dir() + "/data/department-types.json", problems);
    REQUIRE(file);
    auto types = decode_department_types(*file, problems);
    CHECK(problems.empty());
    REQUIRE(types);
    return *types;
}

DepartmentTypes decode_text(const std::string& text, ProblemList& problems, const std::string& path = "department-types.json") {
    JsonFile f{path, text, json::parse(text)};
    auto t = decode_department_types(f, problems);
    return t ? *t : DepartmentTypes{};
}

}  // namespace

TEST_CASE("the mapping assigns every real filing's department to its kind") {
    DepartmentTypes types = real_types();
    CHECK(types.size() >= 30);
    for (auto [rel, id] : {std::pair{"310107-putuo/2024/finance-bureau.json", "finance"},
                           std::pair{"310107-putuo/2024/planning-and-natural-resources-bureau.json", "natural-resources"},
                           std::pair{"310107-putuo/2024/social-work-department.json", "social-work"},
                           std::pair{"430321-xiangtan/2024/county-government-office.json", "government-office"}}) {
        Filing f = real_filing(rel);  // the name as printed in data/
        const DepartmentType* t = department_type_of(types, f);
        REQUIRE_MESSAGE(t, f.department_name);
        CHECK_MESSAGE(t->id == id, f.department_name);
    }
}

TEST_CASE("common county departments get their kind; unknown names stay untyped, never guessed") {
    DepartmentTypes types = real_types();
    auto id = [&](const char* name) {
        const DepartmentType* t = department_type_of(types, name);
        return t ? t->id : std::string("(none)");
    };
    CHECK(id("湘潭县教育局") == "education");
    CHECK(id("某某县教育体育局") == "education");            // not 文化旅游体育 although it contains 体育局
    CHECK(id("某某县文化旅游广电体育局") == "culture-tourism-sports");
    CHECK(id("某某县卫生健康局") == "health");
    CHECK(id("某某市公安局某某分局") == "public-security");
    CHECK(id("某某县人力资源和社会保障局") == "human-resources-social-security");
    CHECK(id("某某县医疗保障局") == "medical-security");
    CHECK(id("中共某某县委组织部") == "organization");
    CHECK(id("中共某某县委办公室") == "party-committee-office");
    CHECK(id("某某县科学技术协会") == "science-association");
    CHECK(id("某某县科学技术局") == "science-technology");
    CHECK(id("某某区人民政府办公室") == "government-office");
    CHECK(id("某某镇人民政府办公室") == "(none)");  // excluded: a township's office is not the county's
    CHECK(id("某某区万里街道办事处") == "(none)");
}

TEST_CASE("matching: first match wins, exclusions veto, suffixes match the end only") {
    ProblemList problems;
    DepartmentTypes types = decode_text(R"({"format": "gongkai-department-types/1", "types": [
        {"id": "a", "name": "甲", "description": "x", "contains": ["财政"], "exclude": ["财政所"]},
        {"id": "b", "name": "乙", "description": "x", "contains": ["财政局"]},
        {"id": "c", "name": "丙", "description": "x", "ends_with": ["党校"]}]})",
                                        problems);
    REQUIRE(problems.empty());
    CHECK(department_type_of(types, "某县财政局")->id == "a");
    CHECK(department_type_of(types, "某镇财政所") == nullptr);  // a's exclusion; b does not match
    CHECK(department_type_of(types, "中共某县委党校")->id == "c");
    CHECK(department_type_of(types, "党校培训中心") == nullptr);
}

TEST_CASE("an invalid mapping names the file and the JSON pointer of each problem") {
    ProblemList problems;
    decode_text(R"({"format": "gongkai-department-types/1", "types": [
        {"id": "finance", "name": "财政", "description": "x", "contains": ["财政局"]},
        {"id": "Finance Bureau", "name": "财政", "description": "x", "contains": [""], "colour": "red"},
        {"id": "empty", "name": "空", "description": "x", "contains": []}]})",
                problems, "/data/department-types.json");
    std::set<std::string> pointers;
    for (const auto& p : problems.items()) {
        CHECK(p.file == "/data/department-types.json");
        pointers.insert(p.pointer);
    }
    CHECK(pointers.count("/types/1/id"));
    CHECK(pointers.count("/types/1/name"));        // a name used twice
    CHECK(pointers.count("/types/1/contains/0"));  // an empty pattern
    CHECK(pointers.count("/types/1/colour"));      // an unknown member
    CHECK(pointers.count("/types/2/contains"));    // no pattern at all

    // In a build, the same is a BuildFailed naming data/department-types.json.
    TempDir d;
    copy_real_data(d / "data");
    write_file(d / "data/department-types.json",
               R"({"format": "gongkai-department-types/1", "types": [{"id": "finance", "name": "财政", "description": "x", "contains": [3]}]})");
    try {
        Site(options_for(d / "data", d / "site")).build();
        FAIL("expected BuildFailed");
    } catch (const BuildFailed& e) {
        REQUIRE(!e.problems().empty());
        CHECK(e.problems().items()[0].file == d / "data/department-types.json");
        CHECK(e.problems().items()[0].pointer == "/types/0/contains/0");
    }
    write_file(d / "data/department-types.json", "{\"format\": \"gongkai-department-types/1\", \"types\": [");
    CHECK_THROWS_AS(Site(options_for(d / "data", d / "site")).build(), BuildFailed);
}

TEST_CASE("a build of data/ writes an index of types and a page per type with the filings' figures") {
    TempDir d;
    Site site(options_for(source_dir() + "/data", d / "site"));
    site.build();
    CHECK(!site.department_types().empty());
    std::string index = read_file(d / "site/types/index.html");
    for (const char* link : {"finance/index.html", "government-office/index.html", "natural-resources/index.html", "social-work/index.html"})
        CHECK_MESSAGE(index.find(std::string("href=\"") + link + "\"") != std::string::npos, link);
    CHECK(index.find("id=\"untyped-h\"") == std::string::npos);  // every real department has a type: no 未归类 list

    Filing f = real_filing(kPutuoFiling);
    DepartmentSummary s = summarize(f);
    std::string page = read_file(d / "site/types/finance/index.html");
    CHECK(page.find(f.department_name) != std::string::npos);
    CHECK(page.find(">" + money_text(s.total_expenditure) + "<") != std::string::npos);
    CHECK(page.find(">" + money_text(s.personnel) + "<") != std::string::npos);
    CHECK(page.find(">" + share_text(s.project, s.total_expenditure) + "<") != std::string::npos);
    CHECK(page.find("href=\"../../310107-putuo/2024/finance-bureau/index.html\"") != std::string::npos);
    auto start = page.find("<script type=\"application/json\" id=\"chart-type\">");
    REQUIRE(start != std::string::npos);
    start = page.find('>', start) + 1;
    json chart = json::parse(page.substr(start, page.find("</script>", start) - start));
    CHECK(chart["type"] == "hbar");
    CHECK(chart["categories"] == json::array({f.county.name}));
    CHECK(chart["series"][0]["data"][0].get<double>() == doctest::Approx(money_number(s.total_expenditure).get<double>()));

    Filing x = real_filing(kXiangtanFiling);
    std::string office = read_file(d / "site/types/government-office/index.html");
    CHECK(office.find(x.department_name) != std::string::npos);
    CHECK(office.find(">" + money_text(summarize(x).total_expenditure) + "<") != std::string::npos);
}

TEST_CASE("departments no type matches are listed as 未归类 on the index, and have no type page") {
    TempDir d;
    copy_real_data(d / "data");
    write_file(d / "data/department-types.json", R"({"format": "gongkai-department-types/1", "types": [
        {"id": "finance", "name": "财政", "description": "管理本级财政收支。", "contains": ["财政局"]},
        {"id": "education", "name": "教育", "description": "主管本地教育。", "contains": ["教育局"]}]})");
    Site(options_for(d / "data", d / "site")).build();
    std::string index = read_file(d / "site/types/index.html");
    auto untyped = index.find("id=\"untyped-h\"");
    REQUIRE(untyped != std::string::npos);
    for (const char* rel : {kXiangtanFiling, "310107-putuo/2024/social-work-department.json", "310107-putuo/2024/planning-and-natural-resources-bureau.json"})
        CHECK_MESSAGE(index.find(real_filing(rel).department_name, untyped) != std::string::npos, rel);
    CHECK(index.find(real_filing(kPutuoFiling).department_name) == std::string::npos);  // typed: on its type's page
    CHECK(index.find("href=\"finance/index.html\"") != std::string::npos);
    CHECK(index.find("href=\"education/index.html\"") == std::string::npos);  // no filings: no page, listed under 暂无数据
    CHECK(index.find("id=\"absent-h\"") != std::string::npos);
    std::vector<std::string> files = list_files(d / "site/types");
    CHECK(files == std::vector<std::string>{"finance/index.html", "index.html"});
}
