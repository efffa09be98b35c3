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
    CHECK(id("某某区万里街道办事处") == "township");
}

TEST_CASE("real-style county names: the department itself gets its kind, its subordinate units do not") {
    DepartmentTypes types = real_types();
    auto id = [&](const std::string& name) {
        const DepartmentType* t = department_type_of(types, name);
        return t ? t->id : std::string("(none)");
    };
    const std::vector<std::pair<const char*, const char*>> cases = {
        // Party organs, with 中共 and the 县委 / 县委员会 spellings.
        {"中共平江县委员会办公室", "party-committee-office"},
        {"中国共产党平江县委员会办公室", "party-committee-office"},
        {"中共湘潭县委办公室", "party-committee-office"},
        {"中共上海市普陀区委员会办公室", "party-committee-office"},
        {"中共平江县委组织部", "organization"},
        {"中共平江县委宣传部", "propaganda"},
        {"中共平江县委统一战线工作部", "united-front"},
        {"中共平江县委政法委员会", "political-legal"},
        {"中共平江县委社会工作部", "social-work"},
        {"中共平江县委机构编制委员会办公室", "establishment"},
        {"中共平江县委网络安全和信息化委员会办公室", "cyberspace"},
        {"中共平江县委老干部局", "veteran-cadres"},
        {"中共平江县直属机关工作委员会", "government-affiliated-party-work"},
        {"中共平江县纪律检查委员会", "discipline-inspection"},
        {"中共平江县纪律检查委员会办公室", "discipline-inspection"},  // not the 县委's office
        {"中共平江县委党校", "party-school"},
        {"中共平江县委党校（平江县行政学院）", "party-school"},       // a note in brackets is ignored
        {"中共平江县委党史研究室", "local-chronicles"},
        // People's congress, CPPCC, courts.
        {"平江县人民代表大会常务委员会", "peoples-congress"},
        {"平江县人大常委会办公室", "peoples-congress"},
        {"中国人民政治协商会议平江县委员会", "cppcc"},
        {"政协平江县委员会办公室", "cppcc"},                          // not the party committee's office
        {"平江县人民法院", "court"},
        {"平江县人民检察院", "procuratorate"},
        // Government bureaus.
        {"平江县人民政府办公室", "government-office"},
        {"平江县财政局", "finance"},
        {"平江县财政局（本级）", "finance"},
        {"平江县发展和改革局", "development-reform"},
        {"平江县教育局", "education"},
        {"平江县教育体育局", "education"},
        {"平江县公安局", "public-security"},
        {"上海市公安局普陀分局", "public-security"},                  // a district branch is the bureau itself
        {"平江县民政局", "civil-affairs"},
        {"平江县司法局", "justice"},
        {"平江县人力资源和社会保障局", "human-resources-social-security"},
        {"平江县自然资源局", "natural-resources"},
        {"岳阳市生态环境局平江分局", "ecology-environment"},
        {"平江县住房和城乡建设局", "housing-construction"},
        {"平江县交通运输局", "transport"},
        {"平江县水利局", "water"},
        {"平江县农业农村局", "agriculture-rural"},
        {"平江县文化旅游广电体育局", "culture-tourism-sports"},
        {"平江县卫生健康局", "health"},
        {"平江县卫生健康委员会", "health"},
        {"平江县退役军人事务局", "veterans-affairs"},
        {"平江县应急管理局", "emergency-management"},
        {"平江县审计局", "audit"},
        {"平江县市场监督管理局", "market-regulation"},
        {"平江县统计局", "statistics"},
        {"平江县医疗保障局", "medical-security"},
        {"平江县政务服务中心", "government-services-data"},
        {"平江县机关事务服务中心", "government-affairs"},
        {"平江县融媒体中心", "media"},
        {"平江县档案馆", "archives"},
        {"平江县供销合作社联合社", "supply-marketing"},
        // Mass organisations.
        {"共青团平江县委员会", "youth-league"},
        {"平江县总工会", "trade-union"},
        {"平江县妇女联合会", "womens-federation"},
        {"平江县残疾人联合会", "disabled-persons-federation"},
        {"平江县科学技术协会", "science-association"},
        {"平江县归国华侨联合会", "overseas-chinese-federation"},
        {"平江县文学艺术界联合会", "literary-art-federation"},
        {"平江县红十字会", "red-cross"},
        {"平江县工商业联合会", "federation-of-industry-commerce"},
        // Townships and 街道.
        {"平江县城关镇人民政府", "township"},
        {"平江县三市镇人民政府", "township"},
        {"平江县虹桥镇", "township"},
        {"平江县石牛寨镇人民政府（本级）", "township"},
        {"平江县南江乡人民政府", "township"},
        {"上海市普陀区长寿路街道办事处", "township"},
        // Units of their own kind, wherever they sit.
        {"平江县疾病预防控制中心", "disease-control"},
        {"平江县卫生健康局疾病预防控制中心", "disease-control"},
        {"平江县人民医院", "hospital"},
        {"平江县中医医院", "hospital"},
        {"平江县妇幼保健院", "hospital"},
        {"平江县城关镇卫生院", "township-health-center"},
        {"平江县卫生健康局三市镇中心卫生院", "township-health-center"},
        {"上海市普陀区长寿路街道社区卫生服务中心", "township-health-center"},
        {"平江县第一中学", "school"},
        {"平江县教育局第二中学", "school"},
        {"平江县城关镇中心小学", "school"},
        {"平江县职业技术学校", "school"},
        {"平江县特殊教育学校", "school"},
        {"平江县实验幼儿园", "kindergarten"},
        // Subordinate units of a bureau with no kind of their own: not the bureau's kind, not guessed.
        {"平江县公安局交通警察大队", "(none)"},
        {"平江县公安局看守所", "(none)"},
        {"平江县公安局城关派出所", "(none)"},
        {"平江县财政局国库集中支付中心", "(none)"},
        {"平江县财政局城关财政所", "(none)"},
        {"平江县人力资源和社会保障局劳动保障监察大队", "(none)"},
        {"平江县就业服务中心", "(none)"},
        {"平江县自然资源局三市自然资源所", "(none)"},
        {"平江县生态环境监测站", "(none)"},
        {"平江县城市管理综合执法大队", "(none)"},
        {"平江县交通运输局公路建设养护中心", "(none)"},
        {"平江县水利局黄金洞水库管理所", "(none)"},
        {"平江县农业农村局农业技术推广中心", "(none)"},
        {"平江县林业局芦头国有林场", "(none)"},
        {"平江县市场监督管理局城关市场监督管理所", "(none)"},
        {"平江县文化和旅游局文化馆", "(none)"},
        {"平江县民政局社会福利院", "(none)"},
        {"平江县医疗保障事务中心", "(none)"},
        {"平江县司法局城关司法所", "(none)"},
        {"平江县人民法院三市人民法庭", "(none)"},
        {"中共平江县委组织部党员电化教育中心", "(none)"},
        {"平江县人民政府办公室机要保密中心", "(none)"},
        {"平江县大数据中心", "(none)"},
        {"平江县总工会职工服务中心", "(none)"},
        {"平江县残疾人联合会残疾人康复中心", "(none)"},
        {"平江县图书馆", "(none)"},
        // Neither a bureau of a known kind nor such a unit.
        {"平江经济开发区管理委员会", "(none)"},
        {"平江县人民政府", "(none)"},
    };
    for (const auto& c : cases) CHECK_MESSAGE(id(c.first) == c.second, c.first);
}

TEST_CASE("matching details: brackets, wildcards and subordinate endings") {
    CHECK(department_name_for_types("  某县教育局（本级）") == "某县教育局");
    CHECK(department_name_for_types("某县党校（行政学院）(机关)") == "某县党校");
    CHECK(department_name_for_types("（本级）") == "（本级）");  // nothing but a note: kept as printed
    CHECK(pattern_match_end("中共某县委员会办公室", "中共*县委员会办公室") == std::string("中共某县委员会办公室").size());
    CHECK(!pattern_match_end("政协某县委员会办公室", "中共*县委员会办公室"));
    CHECK(!pattern_match_end("某县委员会办公室中共", "中共*县委员会办公室"));  // the parts in order
    CHECK(pattern_match_end("某县财政局某财政局", "财政局") == std::string("某县财政局某财政局").size());  // the last occurrence
    CHECK(!pattern_match_end("任何名称", "*"));

    ProblemList problems;
    DepartmentTypes types = decode_text(R"({"format": "gongkai-department-types/1", "subordinate_endings": ["中心", "队"], "types": [
        {"id": "a", "name": "甲", "description": "x", "contains": ["公安局", "中共*委员会办公室"]},
        {"id": "b", "name": "乙", "description": "x", "ends_with": ["大队"]}]})",
                                        problems);
    REQUIRE(problems.empty());
    CHECK(types.subordinate_endings == std::vector<std::string>{"中心", "队"});
    CHECK(department_type_of(types, "某县公安局")->id == "a");
    CHECK(department_type_of(types, "某县公安局（机关）")->id == "a");
    CHECK(department_type_of(types, "某县公安局治安大队")->id == "b");         // a subordinate unit: a's contains does not count
    CHECK(department_type_of(types, "某县公安局指挥中心") == nullptr);
    CHECK(department_type_of(types, "中共某县委员会办公室")->id == "a");
    CHECK(department_type_of(types, "中共某县委员会办公室信息中心") == nullptr);
    // Without subordinate_endings a contained pattern matches anywhere, as before.
    DepartmentTypes plain = decode_text(R"({"format": "gongkai-department-types/1", "types": [
        {"id": "a", "name": "甲", "description": "x", "contains": ["公安局"]}]})",
                                        problems);
    REQUIRE(problems.empty());
    CHECK(department_type_of(plain, "某县公安局指挥中心")->id == "a");
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
        {"id": "empty", "name": "空", "description": "x", "contains": []},
        {"id": "star", "name": "星", "description": "x", "contains": ["**"]}], "subordinate_endings": ["中心", 7]})",
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
    CHECK(pointers.count("/types/3/contains/0"));  // nothing but wildcards
    CHECK(pointers.count("/subordinate_endings/1"));

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
