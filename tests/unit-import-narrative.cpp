// The narrative figure reader: the hand-made filings' figures from their own section texts, and small
// sentences of each family of the templates' wording.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/narrative/figure_reader.hpp"
#include "import/narrative/function_codes.hpp"
#include "import/narrative/narrative_text.hpp"
#include "test_support.hpp"

using gongkai::import::FunctionCodes;
using gongkai::import::NarrativeResult;
using gongkai::import::NarrativeSection;
using nlohmann::json;

namespace {

json load_filing(const std::string& rel) {
    return json::parse(gongkai::test::read_file(std::string(GONGKAI_SOURCE_DIR) + "/data/" + rel));
}

std::vector<NarrativeSection> sections_of(const json& filing) {
    std::vector<NarrativeSection> out;
    for (const auto& s : filing["narrative"]["sections"])
        out.push_back(NarrativeSection{s["id"].get<std::string>(), s["title"].get<std::string>(), s["text"].get<std::string>()});
    return out;
}

std::string key_of(const json& f) {
    return f["metric"].get<std::string>() + " | " + f.value("code", "") + " | " + f["value"].get<std::string>();
}

std::string describe(const json& f) {
    return "[" + f.value("section", "") + "] " + key_of(f) + " " + f.value("unit", "") +
           (f.contains("direction") ? " " + f["direction"].get<std::string>() : "") + "  «" + f.value("sentence", "") + "»";
}

// Reads a hand-made filing's sections and compares the figures with the filing's own.
void check_filing(const std::string& rel) {
    const json filing = load_filing(rel);
    const FunctionCodes codes = gongkai::import::function_codes_from_tables(filing["tables"]);
    const NarrativeResult got = gongkai::import::read_figures(sections_of(filing), codes);
    const json& want = filing["narrative"]["figures"];

    // Match each expected figure to the first unused figure read with the same (metric, code, value).
    std::vector<bool> used(got.figures.size(), false);
    std::size_t matched = 0;
    std::vector<std::string> missing;
    for (const auto& w : want) {
        bool found = false;
        for (std::size_t i = 0; i < got.figures.size() && !found; ++i) {
            if (used[i] || key_of(got.figures[i]) != key_of(w)) continue;
            used[i] = found = true;
            ++matched;
            const json& g = got.figures[i];
            if (w.contains("direction") && g.contains("direction")) {
                INFO(describe(w));
                CHECK(g["direction"] == w["direction"]);
            }
            if (w.contains("direction") != g.contains("direction"))
                MESSAGE("direction differs: expected " << describe(w) << "\n   read " << describe(g));
            CHECK(g["unit"] == w["unit"]);
            CHECK(g["section"] == w["section"]);
            // Same sentence; a closing lead-in ("其中：") may be counted with it or not.
            const std::string gs = g["sentence"], ws = w["sentence"];
            INFO("read «" << gs << "» expected «" << ws << "»");
            CHECK((gs.rfind(ws, 0) == 0 || ws.rfind(gs, 0) == 0));
        }
        if (!found) missing.push_back(describe(w));
    }
    std::vector<std::string> extra;
    for (std::size_t i = 0; i < got.figures.size(); ++i)
        if (!used[i]) extra.push_back(describe(got.figures[i]));

    const double rate = want.empty() ? 1.0 : double(matched) / double(want.size());
    std::string report = rel + ": " + std::to_string(matched) + " of " + std::to_string(want.size()) + " figures matched, " +
                         std::to_string(extra.size()) + " extra, " + std::to_string(got.unmapped.size()) + " numbers unmapped";
    for (const auto& m : missing) report += "\n  not read: " + m;
    for (const auto& e : extra) report += "\n  extra:    " + e;
    for (const auto& u : got.unmapped) report += "\n  unmapped: [" + u.section + "] " + u.number + "  «" + u.sentence + "»";
    MESSAGE(report);
    CHECK(rate >= 0.9);
    CHECK(extra.size() <= want.size() / 20);
}

// Reads one section made of `text` under `title`; returns its figures.
json read_one(const std::string& title, const std::string& text, const FunctionCodes& codes = {}) {
    std::string id = title.substr(0, title.find("、"));
    return gongkai::import::read_figures({NarrativeSection{id, title, text}}, codes).figures;
}

// The figure with `metric` (and `code` when given); a null json when there is none.
json figure(const json& figures, const std::string& metric, const std::string& code = "") {
    for (const auto& f : figures)
        if (f["metric"] == metric && (code.empty() || f.value("code", "") == code)) return f;
    return json();
}

}  // namespace

TEST_CASE("the Xiangtan filing's figures are read from its sections") {
    check_filing(gongkai::test::kXiangtanFiling);
}
TEST_CASE("the Putuo finance bureau's figures are read from its sections") {
    check_filing("310107-putuo/2024/finance-bureau.json");
}
TEST_CASE("the Putuo planning bureau's figures are read from its sections") {
    check_filing("310107-putuo/2024/planning-and-natural-resources-bureau.json");
}
TEST_CASE("the Putuo social work department's figures are read from its sections") {
    check_filing("310107-putuo/2024/social-work-department.json");
}

TEST_CASE("totals and their changes, with the direction words as printed") {
    json f = read_one("一、收入支出决算总体情况说明",
                      "上海市XX局2024年度收入支出总计1,234.50万元。与2023年度相比，收入支出总计减少12.30万元，下降0.99%。主要原因：人员减少。");
    CHECK(figure(f, "total.amount")["value"] == "1,234.50");
    CHECK(figure(f, "total.yoy_change")["value"] == "12.30");
    CHECK(figure(f, "total.yoy_change")["direction"] == "减少");
    CHECK(figure(f, "total.yoy_pct")["value"] == "0.99");
    CHECK(figure(f, "total.yoy_pct")["direction"] == "下降");
    CHECK(f.size() == 3);  // the years are no figures

    f = read_one("四、财政拨款收入支出决算总体情况说明",
                 "2024年度财政拨款收、支总计500万元。与上年相比，财政拨款收、支总计各增加20万元，增长4.17%，主要是因为新增项目。");
    CHECK(figure(f, "fiscal.total")["value"] == "500");
    CHECK(figure(f, "fiscal.yoy_change")["direction"] == "增加");
    CHECK(figure(f, "fiscal.yoy_pct")["direction"] == "增长");
    // "下降（增长）" keeps the word outside the brackets; a change printed without "%" is still a percentage.
    f = read_one("一、收入支出决算总体情况说明", "与2023年度相比，收入支出总计减少5万元，下降（增长）2.5。");
    CHECK(figure(f, "total.yoy_pct")["direction"] == "下降");
    CHECK(figure(f, "total.yoy_pct")["unit"] == "%");
}

TEST_CASE("income and expenditure sources with their shares") {
    json f = read_one("二、收入决算情况说明",
                      "本年收入合计100万元，其中：财政拨款收入90万元，占90%；事业收入6万元，占6%；其他收入4万元，占4%。");
    CHECK(figure(f, "income.total")["value"] == "100");
    CHECK(figure(f, "income.fiscal.share")["value"] == "90");
    CHECK(figure(f, "income.business.amount")["value"] == "6");
    CHECK(figure(f, "income.other.share")["value"] == "4");
    CHECK(f.size() == 7);
    f = read_one("三、支出决算情况说明", "2024年度支出合计80万元，其中：基本支出60万元，占75%；项目支出20万元，占25%；经营支出0万元，占0%。");
    CHECK(figure(f, "expenditure.total")["value"] == "80");
    CHECK(figure(f, "expenditure.basic.share")["value"] == "75");
    CHECK(figure(f, "expenditure.project.amount")["value"] == "20");
    CHECK(figure(f, "expenditure.operating.share")["value"] == "0");
    // "占基本支出的…" names the whole, not the subject.
    f = read_one("六、一般公共预算财政拨款基本支出决算情况说明",
                 "2024年度财政拨款基本支出60万元，其中：人员经费50万元，占基本支出的83.33%；公用经费10万元，占基本支出的16.67%。");
    CHECK(figure(f, "basic.total")["value"] == "60");
    CHECK(figure(f, "basic.personnel.share")["value"] == "83.33");
    CHECK(figure(f, "basic.public.share")["value"] == "16.67");
}

TEST_CASE("general-budget spending: classes, completion and items with their codes") {
    const std::string title = "五、一般公共预算财政拨款支出决算情况说明";
    json f = read_one(title,
                      "（二）一般公共预算财政拨款支出决算结构情况\n"
                      "一般公共预算财政拨款支出 300 万元，主要用于以下方面：教育支出（类）200 万元，占 66.67%；农林水支出（类）100 万元，占 33.33%。");
    CHECK(figure(f, "gb.total")["section"] == "五（二）");
    CHECK(figure(f, "gb.class.amount", "205")["value"] == "200");
    CHECK(figure(f, "gb.class.share", "213")["value"] == "33.33");

    FunctionCodes codes{{"205", "教育支出", "200"}, {"20502", "普通教育", "200"}, {"2050203", "初中教育", "150"},
                        {"2050204", "高中教育", "50"}};
    f = read_one(title,
                 "（三）一般公共预算财政拨款支出决算具体情况\n"
                 "一般公共预算财政拨款支出年初预算为 320 万元，支出决算为 300 万元，完成年初预算的 93.75%。决算数小于预算数的主要原因：节约。其中：\n"
                 "1、教育支出（类）普通教育（款）初中教育（项）。主要用于：教学。年初预算为 160 万元，支出决算为 150 万元，完成年初预算的 93.75%，决算数小于年初预算数的主要原因是：节约。\n"
                 "2、教育支出，普通教育，高中教育\n"
                 "全年预算为 50 万元，支出决算为 50 万元，完成全年预算数的 100%。",
                 codes);
    CHECK(figure(f, "gb.budget")["value"] == "320");
    CHECK(figure(f, "gb.completion")["value"] == "93.75");
    CHECK_FALSE(figure(f, "gb.completion").contains("direction"));  // its 小于 is in the next sentence
    CHECK(figure(f, "gb.item.budget", "2050203")["value"] == "160");
    CHECK(figure(f, "gb.item.actual", "2050203")["value"] == "150");
    CHECK(figure(f, "gb.item.completion", "2050203")["direction"] == "小于");
    CHECK(figure(f, "gb.item.full_year.budget", "2050204")["value"] == "50");
    CHECK(figure(f, "gb.item.full_year.completion", "2050204")["value"] == "100");
    // Without the document's codes the item's figures are read, without a code.
    f = read_one(title, "1、教育支出（类）普通教育（款）初中教育（项）。年初预算为 160 万元，支出决算为 150 万元。");
    CHECK(figure(f, "gb.item.budget")["value"] == "160");
    CHECK_FALSE(figure(f, "gb.item.budget").contains("code"));
    // A 项 the table names differently is found by its 支出决算 under the named 款.
    FunctionCodes other{{"208", "社会保障和就业支出", ""}, {"20805", "行政事业单位养老支出", ""},
                        {"2080501", "行政单位离退休", "54.53"}, {"2080599", "其他行政事业单位养老支出", "0.88"}};
    f = read_one(title, "1、社会保障和就业支出（类）行政事业单位养老支出（款）退休人员活动费支出（项）。年初预算为 0.88 万元，支出决算为 0.88 万元。", other);
    CHECK(figure(f, "gb.item.actual", "2080599")["value"] == "0.88");
}

TEST_CASE("三公 items: budget, actual, completion, shares, changes and counts") {
    const std::string title = "七、财政拨款“三公”经费支出决算情况说明";
    json f = read_one(title,
                      "（一）“三公”经费财政拨款支出决算总体情况说明\n"
                      "“三公”经费财政拨款支出预算为10万元，支出决算为8万元，完成预算的80%，决算数小于预算数的主要原因是厉行节约。其中：\n"
                      "因公出国（境）费支出预算为2万元，支出决算为1万元，完成预算的50%；公务接待费支出预算为3万元，支出决算为2万元，完成预算的66.67%。\n"
                      "2024 年度“三公”经费财政拨款支出决算数比 2023 年度增加 1 万元，增长 14.29%。\n"
                      "（二）“三公”经费财政拨款支出决算具体情况说明\n"
                      "公务用车购置及运行维护费支出决算 5 万元，占 62.5%。\n"
                      "1、因公出国（境）费支出 1 万元。全年安排因公出国（境）团组 1 个、累计 3 人次。\n"
                      "2、公务用车购置费及运行维护费支出决算为 5 万元，其中：公务用车购置费 0 万元。公务用车运行维护费 5 万元。截止 2024 年 12 月 31 日，开支财政拨款的公务用车保有量为 2 辆。\n"
                      "3、公务接待费支出决算为2万元，全年共接待来访团组4个、来宾30人。国内公务接待支出 2 万（含外宾接待支出 0 万元）。其中：接待外宾 0 批次、0 人次。");
    CHECK(figure(f, "three_public.total.budget")["value"] == "10");
    CHECK(figure(f, "three_public.total.actual")["value"] == "8");
    CHECK(figure(f, "three_public.total.completion")["direction"] == "小于");
    CHECK(figure(f, "three_public.abroad.completion")["value"] == "50");
    CHECK(figure(f, "three_public.reception.budget")["value"] == "3");
    CHECK(figure(f, "three_public.total.yoy_change")["direction"] == "增加");
    CHECK(figure(f, "three_public.total.yoy_pct")["direction"] == "增长");
    CHECK(figure(f, "three_public.vehicle.share")["section"] == "七（二）");
    CHECK(figure(f, "three_public.abroad.groups")["value"] == "1");
    CHECK(figure(f, "three_public.abroad.persons")["unit"] == "人次");
    CHECK(figure(f, "three_public.vehicle_purchase.actual")["value"] == "0");
    CHECK(figure(f, "three_public.vehicle_operation.actual")["value"] == "5");
    CHECK(figure(f, "three_public.vehicles.count")["unit"] == "辆");
    CHECK(figure(f, "three_public.reception.groups")["value"] == "4");
    CHECK(figure(f, "three_public.reception.guests")["value"] == "30");
    CHECK(figure(f, "three_public.reception.domestic.actual")["unit"] == "万元");  // printed "万"
    CHECK(figure(f, "three_public.reception.foreign.actual")["value"] == "0");
    CHECK(figure(f, "three_public.reception.foreign_groups")["unit"] == "个");  // printed "批次"
    CHECK(figure(f, "three_public.reception.foreign_persons")["unit"] == "人次");
}

TEST_CASE("政府性基金 and 国有资本经营 sections: income, spending and items with their codes") {
    // Shanghai's template, with its “支出收入” for the spending, and an item as GovBudgetChecker's 宜川 sample prints it.
    FunctionCodes codes{{"221", "住房保障支出", ""}, {"22198", "超长期特别国债安排的支出", ""}, {"2219899", "其他住房保障支出", "105.00"}};
    json f = read_one("八、政府性基金预算财政拨款收入支出决算情况说明",
                      "政府性基金预算财政拨款收入105.00万元，支出收入105.00万元，支出具体情况如下：\n"
                      "1、住房保障支出（类）超长期特别国债安排的支出（款）其他住房保障支出（项）。主要用于：改造。年初预算为0.00万元，支出决算为135.00万元。",
                      codes);
    CHECK(figure(f, "gov_fund.income")["value"] == "105.00");
    CHECK(figure(f, "gov_fund.total")["value"] == "105.00");
    CHECK(figure(f, "gov_fund.item.budget", "2219899")["value"] == "0.00");
    CHECK(figure(f, "gov_fund.item.actual", "2219899")["value"] == "135.00");
    f = read_one("九、国有资本经营预算财政拨款收入支出决算情况说明",
                 "国有资本经营预算财政拨款收入20万元，支出18万元。国有资本经营预算财政拨款支出年初预算为20万元，支出决算为18万元，完成年初预算的90%。");
    CHECK(figure(f, "state_capital.income")["value"] == "20");
    CHECK(figure(f, "state_capital.total")["value"] == "18");
    CHECK(figure(f, "state_capital.budget")["value"] == "20");
    CHECK(figure(f, "state_capital.actual")["value"] == "18");
    CHECK(figure(f, "state_capital.completion")["value"] == "90");
}

TEST_CASE("a 元 printed where 万元 was meant stays 元") {
    json f = read_one("七、财政拨款三公经费支出决算情况说明", "“三公”经费财政拨款支出预算为43.2元，支出决算为25.8万元。");
    CHECK(figure(f, "three_public.total.budget")["unit"] == "元");
    CHECK(figure(f, "three_public.total.actual")["unit"] == "万元");
}

TEST_CASE("operating costs, meetings and training") {
    json f = read_one("十一、其他重要事项的情况说明",
                      "（一）机关运行经费支出情况\n机关运行经费支出 20 万元，比 2023 年度减少 2 万元，下降 9.09%。主要原因是节约。");
    CHECK(figure(f, "operating_cost.amount")["section"] == "十一（一）");
    CHECK(figure(f, "operating_cost.yoy_change")["direction"] == "减少");
    f = read_one("十、一般性支出情况说明", "2024年本部门开支会议费3万元，用于召开工作会议，人数120人；开支培训费2万元，用于干部培训。");
    CHECK(figure(f, "meeting.amount")["value"] == "3");
    CHECK(figure(f, "meeting.persons")["value"] == "120");
    CHECK(figure(f, "training.amount")["value"] == "2");
}

TEST_CASE("procurement: Hunan's and Shanghai's wording") {
    json f = read_one("十一、关于政府采购支出说明",
                      "本部门2024年度政府采购支出总额100万元，其中：政府采购货物支出60万元、政府采购工程支出0万元、政府采购服务支出40万元。"
                      "授予中小企业合同金额80万元，占政府采购支出总额的80%，其中：授予小微企业合同金额50万元，占授予中小企业合同金额的62.5%。");
    CHECK(figure(f, "procurement.total")["value"] == "100");
    CHECK(figure(f, "procurement.goods")["value"] == "60");
    CHECK(figure(f, "procurement.works")["value"] == "0");
    CHECK(figure(f, "procurement.services")["value"] == "40");
    CHECK(figure(f, "procurement.sme.share")["value"] == "80");
    CHECK(figure(f, "procurement.small_micro.amount")["value"] == "50");
    CHECK(figure(f, "procurement.small_micro.share")["value"] == "62.5");
    f = read_one("十一、其他重要事项的情况说明",
                 "（二）政府采购支出情况\n"
                 "2024 年度本部门面向中小企业预留政府采购项目预算金额 30 万元，面向小微企业预留政府采购项目预算金额 20 万元。"
                 "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额 29 万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额 5 万元。");
    CHECK(figure(f, "procurement.sme_reserved.budget")["value"] == "30");
    CHECK(figure(f, "procurement.small_micro_reserved.budget")["value"] == "20");
    CHECK(figure(f, "procurement.sme_reserved.awarded")["value"] == "29");
    CHECK(figure(f, "procurement.sme_other.awarded")["value"] == "5");
}

TEST_CASE("vehicles and equipment; thresholds and dates are no figures") {
    json f = read_one("十二、关于国有资产占用情况说明",
                      "截至2024年12月31日，本单位共有车辆3辆，其中，副部（省）级及以上领导用车0辆、主要负责人用车1辆、执法执勤用车2辆、其他用车0辆；"
                      "单位价值50万元以上通用设备1台（套），单位价值100万元以上专用设备0台（套）。");
    CHECK(figure(f, "assets.vehicles.total")["value"] == "3");
    CHECK(figure(f, "assets.vehicles.ministerial")["value"] == "0");
    CHECK(figure(f, "assets.vehicles.head")["value"] == "1");
    CHECK(figure(f, "assets.vehicles.law_enforcement")["value"] == "2");
    CHECK(figure(f, "assets.general_equipment_over_500k")["unit"] == "台（套）");
    CHECK(figure(f, "assets.special_equipment_over_1m")["value"] == "0");
    CHECK(f.size() == 7);
}

TEST_CASE("performance counts: Shanghai's and Hunan's wording") {
    json f = read_one("十、预算绩效管理情况",
                      "全过程绩效管理实施情况：编报绩效目标的2024年度项目5个，涉及预算金额100万元；绩效自评的2024年度项目5个，涉及预算金额100万元，"
                      "平均得分95.5分（其中，绩效评级为“优”的项目4个；绩效评级为“良”的项目1个。绩效自评中共发现问题2个，已经完成整改的2个，正在整改的0个）。");
    CHECK(figure(f, "performance.targets.projects")["value"] == "5");
    CHECK(figure(f, "performance.targets.amount")["value"] == "100");
    CHECK(figure(f, "performance.self_eval.score")["unit"] == "分");
    CHECK(figure(f, "performance.self_eval.excellent")["value"] == "4");
    CHECK(figure(f, "performance.self_eval.good")["value"] == "1");
    CHECK(figure(f, "performance.self_eval.problems")["value"] == "2");
    CHECK(figure(f, "performance.self_eval.rectified")["value"] == "2");
    CHECK(figure(f, "performance.self_eval.rectifying")["value"] == "0");
    f = read_one("十三、关于2024年度预算绩效情况的说明",
                 "本部门在年初预算编制阶段，组织对3个项目开展了事前绩效评估，对8个项目编制了绩效目标，预算执行过程中，选取6个项目开展绩效监控。");
    CHECK(figure(f, "performance.ex_ante.projects")["value"] == "3");
    CHECK(figure(f, "performance.targets.projects")["value"] == "8");
    CHECK(figure(f, "performance.monitoring.projects")["value"] == "6");
}

TEST_CASE("numbers that map to no metric are reported, not guessed") {
    auto r = gongkai::import::read_figures({NarrativeSection{
        "五", "五、一般公共预算财政拨款支出决算情况说明",
        "（三）一般公共预算财政拨款支出决算具体情况\n决算数小于预算数的主要原因：其中项目支出规划服务较年初完成 92%，部分项目未开展完成。"}});
    CHECK(r.figures.empty());
    REQUIRE(r.unmapped.size() == 1);
    CHECK(r.unmapped[0].number == "92");
    CHECK(r.unmapped[0].section == "五（三）");
}

TEST_CASE("odd text never breaks the reader") {
    std::string junk;
    for (int i = 0; i < 4000; ++i) junk += static_cast<char>((i * 7919 + 13) % 256);
    for (const std::string& text : {junk, std::string("\xE5\x8D"), std::string("1、"), std::string("（一）"),
                                    std::string("占%万元。。。\n\n（十）1,2,3,4.5.6 7％"), std::string(100000, '9')}) {
        auto r = gongkai::import::read_figures({NarrativeSection{"五", "五、一般公共预算财政拨款支出决算情况说明", text}});
        CHECK(r.figures.size() + r.unmapped.size() < 100000);
    }
}

TEST_CASE("a minus sign printed before a number stays with it; a dash between numbers does not") {
    using gongkai::import::narrative::number_tokens;
    const auto t = number_tokens("与上年相比增加-92.38万元，增长－5.53%，2023-2024年度");
    REQUIRE(t.size() >= 2);
    CHECK(t[0].value == "-92.38");
    CHECK(t[1].value == "-5.53");
    for (const auto& k : t) CHECK(k.value != "-2024");
}

TEST_CASE("a number inside a reason clause is not given the sentence's subject") {
    using namespace gongkai::import;
    const std::vector<NarrativeSection> sections = {
        {"一", "一、收入支出决算总体情况说明",
         "本部门2024年度收入支出总计1000.00万元。与2023年度相比，收入支出总计增加200.00万元，增长25.00%。"
         "主要原因是新增养老服务补贴项目150.00万元。"}};
    const NarrativeResult r = read_figures(sections);
    int totals = 0;
    for (const auto& f : r.figures) {
        CHECK(f["value"] != "150.00");
        if (f["metric"] == "total.amount") ++totals;
    }
    CHECK(totals == 1);
    bool reported = false;
    for (const auto& u : r.unmapped) reported = reported || u.number == "150.00";
    CHECK(reported);
}
