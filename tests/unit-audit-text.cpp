// The Text rules (audit/rules_text*.cpp): unfilled placeholders and template leftovers, punctuation, years that
// disagree with the filing's year, and 元 for 万元 in the attachments — small hand-made changes to a real filing
// that pass and fail; on every real filing a placeholder inserted into each heading and the year of each date
// (and of each comparison) changed are reported naming the place; and the real filings' text findings are
// exactly the real published slips.
#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "audit/audit.hpp"
#include "audit/rule_catalog.hpp"
#include "render/view_audit.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;

namespace {

// A real filing with no text finding: the base of the hand-made cases.
Filing base() { return real_filing(kPutuoFiling); }

std::vector<Finding> text_findings(const Filing& f, const std::string& rule = "") {
    std::vector<Finding> out;
    for (const auto& fd : audit_filing(f).findings)
        if (fd.rule.rfind("text-", 0) == 0 && (rule.empty() || fd.rule == rule)) out.push_back(fd);
    return out;
}

// The base with one narrative section's text replaced.
Filing with_text(const std::string& text, std::size_t section = 0) {
    Filing f = base();
    f.sections.at(section).text = text;
    return f;
}

// The single finding of `rule` for a section text, checked to name the section and quote `snippet`.
Finding one(const Filing& f, const std::string& rule, const std::string& pointer, const std::string& snippet) {
    auto fds = text_findings(f);
    INFO("snippet: " << snippet);
    for (const auto& fd : fds) MESSAGE(fd.rule << " " << fd.cells.at(0).printed << " " << fd.headline);
    REQUIRE(fds.size() == 1);
    const Finding& fd = fds[0];
    CHECK(fd.rule == rule);
    REQUIRE(fd.cells.size() >= 1);
    CHECK(fd.cells[0].table == "text");
    CHECK(fd.cells[0].pointer == pointer);
    CHECK(contains(fd.cells[0].printed, snippet));
    CHECK(contains(fd.headline, snippet));
    CHECK(contains(finding_headline(fd), snippet));
    CHECK(fd.headline.find(rule) == std::string::npos);  // no rule id for citizens
    return fd;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    std::size_t p = s.find(from);
    REQUIRE(p != std::string::npos);
    return s.replace(p, from.size(), to);
}

const char* const kS0 = "/narrative/sections/0/text";

}  // namespace

TEST_CASE("the base filing and its rules: no text finding, every text rule documented and run") {
    Filing f = base();
    CHECK(text_findings(f).empty());
    auto r = audit_filing(f);
    for (const char* id : {"text-placeholder", "text-template", "text-punctuation", "text-year-heading", "text-year-date", "text-year-comparison"}) {
        CHECK(rule_info(id).title_zh.size() > 0);
        CHECK(r.checks_by_rule.count(id) == 1);
    }
    CHECK(rule_info("text-unit").severity == Severity::Error);
}

TEST_CASE("placeholders: unfilled template fields are errors naming the place and quoting the text") {
    const std::string ok = "上海市普陀区财政局2024年度收入支出总计2995.39万元。";
    CHECK(text_findings(with_text(ok)).empty());
    struct Case {
        std::string text, snippet;
    };
    for (const Case& c : std::vector<Case>{
             {"上海市XX局2024年度收入支出总计2995.39万元。", "XX"},
             {"上海市 XX 局2024年度收入支出总计2995.39万元。", "XX"},
             {"收入支出总计减少XXX 万元。", "XXX"},
             {"××局2024年度收入支出总计2995.39万元。", "××"},
             {"截至XXXX年12月31日，共有车辆0辆。", "XXXX"},
             {"截至20XX年12月31日，共有车辆0辆。", "20XX"},
             {"会议于X月X日召开。", "X月X"},
             {"【单位名称】2024年度收入支出总计2995.39万元。", "【单位名称】"},
             {"[单位名称]2024年度收入支出总计2995.39万元。", "[单位名称]"},
             {"本部门制定了XXXX（制度名称）。", "（制度名称）"},
             {"本部门制定了《预算管理办法》（制度名称）。", "（制度名称）"},
             {"负责人：*****。", "*****"},
             {"开支内容包括：待填写。", "待填写"},
             {"某某单位2024年度收入支出总计2995.39万元。", "某某"},
             {"减少56.95万元。主要原因：。", "主要原因：。"},
         }) {
        Finding fd = one(with_text(c.text), "text-placeholder", kS0, c.snippet);
        CHECK(fd.severity == Severity::Error);
        CHECK(contains(fd.headline, "情况说明“一、收入支出决算总体情况说明”"));
        CHECK(fd.cells[0].anchor == "section-0");
    }
    // Legitimate X, ×, brackets: nothing.
    for (const char* text : {"购置X光机1台。", "使用Windows XP系统。", "网址 https://xx.gov.cn/xxx 。", "型号XX-200设备。",
                             "部门（单位）共有车辆0辆。", "2×3米的展板。", "第X部分。", "XXL码工作服。", "工资福利支出（301）。",
                             "上海市普陀区财政局（本级）。", "基本支出（人员经费和公用经费）。"})
        CHECK_MESSAGE(text_findings(with_text(text)).empty(), std::string(text));
}

TEST_CASE("placeholders in every kind of place: headings, table titles and notes, glossary, overview, attachments, parts") {
    Filing f = base();
    f.sections[2].title = "三、XX局支出决算情况说明";
    f.tables[0].title = "上海市XX局收入支出决算总表";
    f.tables[7].notes[0] = "注：××局无政府性基金预算财政拨款支出，故本表无数据。";
    f.glossary[0].definition = "指【填写定义】。";
    f.overview.text = "上海市XXX局是主管全区财政工作的区政府工作部门。";
    f.attachments.push_back({"XXXX年度部门整体支出绩效自评报告", "一、部门基本情况 单位名称 [单位名称]"});
    f.parts.push_back({"第一部分", "上海市XX局概况"});
    std::set<std::string> pointers;
    for (const auto& fd : text_findings(f, "text-placeholder")) pointers.insert(fd.cells[0].pointer);
    CHECK(pointers == std::set<std::string>{"/narrative/sections/2/title", "/tables/0/title", "/tables/7/notes/0", "/glossary/0/definition",
                                            "/overview/text", "/attachments/0/title", "/attachments/0/text", "/parts/0/title"});
    for (const auto& fd : text_findings(f, "text-placeholder")) {
        if (fd.cells[0].pointer == "/tables/0/title") CHECK(contains(fd.headline, "收入支出决算总表的标题"));
        if (fd.cells[0].pointer == "/narrative/sections/2/title") CHECK(contains(fd.headline, "情况说明第三部分的标题"));
        if (fd.cells[0].pointer == "/attachments/0/text") CHECK(fd.cells[0].anchor == "attachment-0");
        if (fd.cells[0].pointer == "/tables/0/title") CHECK(fd.cells[0].anchor == "table-income_expenditure_summary");
    }
}

TEST_CASE("template leftovers: both words of a choice (warning), instructions and marks (notes)") {
    Finding choice = one(with_text("收入支出总计减少56.95万元，下降（增长）1.87%。"), "text-template", kS0, "下降（增长）");
    CHECK(choice.severity == Severity::Warning);
    CHECK(one(with_text("财政拨款收入支出总计增加(减少)0.3万元。"), "text-template", kS0, "增加(减少)").severity == Severity::Warning);
    CHECK(one(with_text("决算数大于（小于）预算数的主要原因：无。"), "text-template", kS0, "大于（小于）").severity == Severity::Warning);
    Finding note = one(with_text("主要原因：人员减少。（如持平作持平表述）"), "text-template", kS0, "（如持平作持平表述）");
    CHECK(note.severity == Severity::Info);
    CHECK(one(with_text("累计0人次（**精确到个位数**），开支内容包括：无。"), "text-template", kS0, "**精确到个位数**").severity == Severity::Info);
    CHECK(one(with_text("一般公共服务支出（类）100万元，占50%……（不涉及的不列）"), "text-template", kS0, "不涉及的不列").severity == Severity::Info);
    // A direction word with an explanation in brackets is no choice.
    CHECK(text_findings(with_text("收入支出总计增加（主要是人员增加）56.95万元。")).empty());
    CHECK(text_findings(with_text("决算数小于预算数的主要原因：当年度无支出。")).empty());
}

TEST_CASE("punctuation: doubled or mixed marks and unpaired brackets are notes") {
    for (const char* run : {"。。", "，，", "；；", "、、", "，。", "；。", "， 。"}) {
        std::string text = std::string("收入支出总计2995.39万元") + run + "其中财政拨款2940.05万元。";
        Finding fd = one(with_text(text), "text-punctuation", kS0, run);
        CHECK(fd.severity == Severity::Info);
    }
    CHECK(contains(one(with_text("平均得分99.33分（其中，绩效评级为“优”的项目4个。"), "text-punctuation", kS0, "（").headline, "没有对应的“）”"));
    CHECK(contains(one(with_text("平均得分99.33分，其中）绩效评级为优。"), "text-punctuation", kS0, "）").headline, "多出一个“）”"));
    one(with_text("严格贯彻落实《上海市预算绩效管理实施办法。"), "text-punctuation", kS0, "《");
    one(with_text("本区“预算绩效管理实施办法，完善内控制度。"), "text-punctuation", kS0, "“");
    // Correct punctuation, list markers, emphasis, numbers, line-wise pairs: nothing.
    for (const char* text : {"主要包括：1）基本工资；2）津贴补贴。", "（一）收入；（二）支出。", "真的吗！？", "分别为1,200、3,400。",
                             "本区“预算绩效管理实施办法”（试行）。", "如下：\n1、工资。", "（其中：1）工资；2）津贴）。"})
        CHECK_MESSAGE(text_findings(with_text(text)).empty(), std::string(text));
}

TEST_CASE("years in headings: another year than the filing's is an error") {
    Filing f = base();
    f.sections[0].title = "一、2023年度收入支出决算总体情况说明";
    Finding fd = one(f, "text-year-heading", "/narrative/sections/0/title", "2023");
    CHECK(fd.severity == Severity::Error);
    CHECK(contains(fd.headline, "2024 年度的决算"));
    f = base();
    f.tables[3].title = "2025年财政拨款收入支出决算总表";
    one(f, "text-year-heading", "/tables/3/title", "2025");
    f = base();
    f.source.title = "上海市普陀区财政局202 年度部门决算";
    one(f, "text-year-heading", "/source/title", "202 年度");
    f = base();
    f.parts = {{"第二部分", "上海市普陀区财政局2023年度部门决算表"}};
    one(f, "text-year-heading", "/parts/0/title", "2023");
    f = base();
    f.attachments = {{"2023年度部门整体支出绩效自评报告", "正文。"}};
    one(f, "text-year-heading", "/attachments/0/title", "2023");
    // The filing's own year, and a heading comparing with the year before: nothing.
    f = base();
    f.sections[0].title = "一、关于2024年度收入支出决算总体情况的说明";
    f.sections[1].title = "二、与2023年度相比情况";
    f.attachments = {{"2024年度部门(单位)整体支出绩效自评报告", "正文。"}};
    CHECK(text_findings(f).empty());
}

TEST_CASE("years in dates and statements: the date of the accounts and the year of this filing's figures") {
    const std::string date = "截至2024年12月31日，上海市普陀区财政局共有车辆0辆。";
    CHECK(text_findings(with_text(date)).empty());
    Finding fd = one(with_text(replaced(date, "2024", "2023")), "text-year-date", kS0, "截至2023年12月31日");
    CHECK(fd.severity == Severity::Warning);
    CHECK(contains(fd.sentence, "共有车辆0辆"));
    one(with_text("截止 2025 年 12 月 31 日，共有车辆0辆。"), "text-year-date", kS0, "2025 年 12 月 31 日");
    one(with_text("截至2023年末，共有车辆0辆。"), "text-year-date", kS0, "截至2023年末");
    one(with_text("上海市普陀区财政局2023年度收入支出总计2995.39万元。"), "text-year-date", kS0, "2023年度收入支出总计");
    one(with_text("纳入上海市普陀区财政局 2023 年度部门决算编制范围的单位包括：本级。"), "text-year-date", kS0, "2023 年度部门决算");
    one(with_text("本年（2023年度）收入支出总计2995.39万元。"), "text-year-date", kS0, "本年（2023年度");
    one(with_text("上海市普陀区财政局2025年度收入支出总计2995.39万元。"), "text-year-date", kS0, "2025年度收入支出总计");
    // Next year's budget or procurement may be mentioned: only statements a 决算 alone makes are dated.
    CHECK(text_findings(with_text("上海市普陀区财政局2025年度政府采购预算为251.25万元。")).empty());
    // Legitimate other years: nothing.
    for (const char* text : {"县政府办被评为 2023 年度融资化债先进集体。", "2025 年，我们将继续推进。", "使用2023年结转资金10万元。",
                             "2023年度收入支出总计3052.34万元，2024年度收入支出总计2995.39万元。", "2025年度一般公共预算财政拨款预算为3000万元。",
                             "根据《2021年预算管理办法》执行。", "2025年3月，完成绩效评价。", "2024年度收入支出总计2995.39万元。"})
        CHECK_MESSAGE(text_findings(with_text(text)).empty(), std::string(text));
}

TEST_CASE("years in comparisons: the year before, never this year or another") {
    const std::string ok = "2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元。";
    CHECK(text_findings(with_text(ok)).empty());
    Finding fd = one(with_text(replaced(ok, "2023", "2022")), "text-year-comparison", kS0, "与2022年度相比");
    CHECK(fd.severity == Severity::Warning);
    CHECK(contains(fd.headline, "上年（2023 年度）"));
    one(with_text(replaced(ok, "2023", "2024")), "text-year-comparison", kS0, "与2024年度相比");
    one(with_text("机关运行经费支出184.65万元，比 2022 年度增加2.55万元。"), "text-year-comparison", kS0, "比 2022 年度");
    one(with_text("“三公”经费支出决算数与2022年度持平。"), "text-year-comparison", kS0, "与2022年度");
    one(with_text("上年（2022年度）决算数为100万元。"), "text-year-comparison", kS0, "上年（2022年度");
    for (const char* text : {"力争2025年比2024年增长10%。", "参与2022年度评选。", "2022年和2023年共开展两次。", "比上年增加2.55万元。",
                             "上年（2023年度）决算数为100万元。"})
        CHECK_MESSAGE(text_findings(with_text(text)).empty(), std::string(text));
}

TEST_CASE("units in the attachments: 元 where the tables print the number in 万元 (the n-unit test, shared)") {
    Filing f = base();
    f.attachments = {{"2024年度部门整体支出绩效自评报告", "本年支出合计 2940.05 元，其中基本支出 2940.05 万元；组织捐款 300 元，募集资金 24300 元。"}};
    auto fds = text_findings(f, "text-unit");
    REQUIRE(fds.size() == 1);
    const Finding& fd = fds[0];
    CHECK(fd.severity == Severity::Error);
    CHECK(fd.check == CheckKind::Unit);
    CHECK(fd.cells.size() == 2);
    CHECK(fd.cells[0].pointer == "/attachments/0/text");
    CHECK(fd.cells[0].printed == "2940.05 元");
    CHECK(fd.cells[1].table != "text");
    CHECK(fd.cells[1].printed == "2,940.05");
    std::string h = finding_headline(fd);
    MESSAGE(h);
    CHECK(contains(h, "附件《2024年度部门整体支出绩效自评报告》中的“本年支出合计”"));
    CHECK(contains(h, "2940.05"));
    CHECK(contains(h, "单位应为万元"));
    // Outside the attachments, amounts are the narrative rules' (n-unit reads the figures).
    CHECK(text_findings(with_text("本年支出合计 2940.05 元。"), "text-unit").empty());
}

TEST_CASE("湘潭县: the attachment's 1577.61 元 and 1172.62 元 are found, naming the table cells they are") {
    Filing f = real_filing(kXiangtanFiling);
    auto fds = text_findings(f, "text-unit");
    REQUIRE(fds.size() == 2);
    std::set<std::string> printed;
    for (const auto& fd : fds) {
        printed.insert(fd.cells[0].printed);
        CHECK(fd.cells[0].pointer == "/attachments/0/text");
        // The table side carries the same number in 万元.
        std::string number = fd.cells[0].printed.substr(0, fd.cells[0].printed.find(' '));
        CHECK(contains(fd.cells[1].printed, number));
    }
    CHECK(printed == std::set<std::string>{"1577.61 元", "1172.62 元"});
    // The 1172.62 is named by its row: 工资福利支出 of the basic-expenditure table.
    for (const auto& fd : fds)
        if (fd.cells[0].printed == "1172.62 元") CHECK(contains(fd.cells[1].label, "工资福利支出"));
}

TEST_CASE("real filings: the text rules report exactly the real published slips") {
    using Seen = std::tuple<std::string, std::string, std::string, std::string>;  // severity, rule, pointer, printed
    std::map<std::string, std::multiset<Seen>> expected = {
        {"310107-putuo/2024/finance-bureau.json", {}},
        {"310107-putuo/2024/planning-and-natural-resources-bureau.json",
         {// 七: “比 2023 年度减少 0.15 万元，下降（增长）27.78%”.
          {"warning", "text-template", "/narrative/sections/6/text", "下降（增长）"},
          // 十: “平均得分99.33分（其中，……” — the bracket is never closed (the PDF prints it so).
          {"info", "text-punctuation", "/narrative/sections/9/text", "（"}}},
        {"310107-putuo/2024/social-work-department.json",
         {// Tables 07 and 08: the template's instruction printed as a note.
          {"info", "text-template", "/tables/7/notes/1", "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明："},
          {"info", "text-template", "/tables/8/notes/1", "无国有资本经营预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明："}}},
        {"430321-xiangtan/2024/county-government-office.json",
         {// The attachment: 1577.61 元 and 1172.62 元 where 万元 is meant.
          {"error", "text-unit", "/attachments/0/text /tables/0/blocks/0/rows/0/values/amount", "1577.61 元"},
          {"error", "text-unit", "/attachments/0/text /tables/5/blocks/0/rows/0/values/amount", "1172.62 元"},
          // “专题会议经费、、老干工作费”.
          {"info", "text-punctuation", "/attachments/0/text", "、、"},
          // The template's instructions and marks: under tables 07 and 08, in the title and text of 七.
          {"info", "text-template", "/tables/6/notes/1", "（当表格数据为空时，应有此说明）"},
          {"info", "text-template", "/tables/7/notes/1", "（当表格数据为空时，应有此说明）"},
          {"info", "text-template", "/narrative/sections/6/title", "**注意：三公经费情况说明，往年为一般公共预算财政拨款口径，今年为财政拨款口径**"},
          {"info", "text-template", "/narrative/sections/6/text", "**精确到个位数**"}}},
    };
    for (const auto& rel : real_filing_paths()) {
        INFO(rel);
        std::multiset<Seen> found;
        for (const auto& fd : text_findings(real_filing(rel))) {
            std::string pointers;
            for (const auto& c : fd.cells) pointers += (pointers.empty() ? "" : " ") + c.pointer;
            found.insert({severity_id(fd.severity), fd.rule, pointers, fd.cells[0].printed});
            MESSAGE(fd.rule << " " << pointers << " " << fd.headline);
        }
        REQUIRE(expected.count(rel));
        CHECK(found == expected[rel]);
    }
}

TEST_CASE("mutation: a placeholder inserted into any heading of every real filing is reported naming it") {
    int headings = 0;
    for (const auto& rel : real_filing_paths()) {
        INFO(rel);
        const Filing f = real_filing(rel);
        auto named = [](const Filing& m, const std::string& pointer) {
            for (const auto& fd : text_findings(m, "text-placeholder"))
                if (fd.cells[0].pointer == pointer && contains(fd.cells[0].printed, "XX") && contains(fd.headline, "XX")) return true;
            return false;
        };
        for (std::size_t i = 0; i < f.sections.size(); ++i) {
            Filing m = f;
            // After the ordinal (“五、”), as a template's department name would stand.
            std::string& title = m.sections[i].title;
            std::size_t p = title.find("、");
            title.insert(p == std::string::npos ? 0 : p + std::string("、").size(), "XX局");
            CHECK_MESSAGE(named(m, "/narrative/sections/" + std::to_string(i) + "/title"), title);
            ++headings;
        }
        for (std::size_t i = 0; i < f.tables.size(); ++i) {
            Filing m = f;
            m.tables[i].title = "上海市XX局" + m.tables[i].title;
            CHECK_MESSAGE(named(m, f.tables[i].pointer + "/title"), m.tables[i].title);
            ++headings;
        }
        for (std::size_t i = 0; i < f.attachments.size(); ++i) {
            Filing m = f;
            m.attachments[i].title = "XX局" + m.attachments[i].title;
            CHECK(named(m, "/attachments/" + std::to_string(i) + "/title"));
            ++headings;
        }
    }
    CHECK(headings > 80);
}

TEST_CASE("mutation: the year of every date and of every comparison of every real filing, changed, is reported") {
    int dates = 0, comparisons = 0;
    for (const auto& rel : real_filing_paths()) {
        INFO(rel);
        const Filing f = real_filing(rel);
        std::string y = std::to_string(f.year), prev = std::to_string(f.year - 1);
        int filing_dates = 0;
        // Each 截至/截止 <year> 年 12 月 31 日 of the narrative and the attachments (spaces as printed).
        auto each = [&](const std::string& text, const std::function<void(std::size_t, std::size_t)>& at) {
            for (const char* lead : {"截至", "截止"})
                for (std::size_t p = text.find(lead); p != std::string::npos; p = text.find(lead, p + 1)) {
                    std::size_t q = text.find(y, p);
                    if (q == std::string::npos || q > p + std::string(lead).size() + 2) continue;
                    std::string rest = text.substr(q + y.size(), 20);
                    std::string compact;
                    for (char c : rest)
                        if (c != ' ') compact += c;
                    if (compact.rfind("年12月31日", 0) == 0) at(q, y.size());
                }
        };
        auto check_date = [&](const Filing& m, const std::string& pointer, std::size_t q, const std::string& year) {
            bool hit = false;
            for (const auto& fd : text_findings(m, "text-year-date"))
                hit = hit || (fd.cells[0].pointer == pointer && contains(fd.cells[0].printed, year) && contains(fd.headline, year));
            CHECK_MESSAGE(hit, pointer << " at " << q << " → " << year);
        };
        for (std::size_t i = 0; i < f.sections.size(); ++i)
            each(f.sections[i].text, [&](std::size_t q, std::size_t n) {
                for (const std::string& other : {prev, std::to_string(f.year + 1)}) {
                    Filing m = f;
                    m.sections[i].text.replace(q, n, other);
                    check_date(m, "/narrative/sections/" + std::to_string(i) + "/text", q, other);
                }
                ++filing_dates, ++dates;
            });
        for (std::size_t i = 0; i < f.attachments.size(); ++i)
            each(f.attachments[i].text, [&](std::size_t q, std::size_t n) {
                Filing m = f;
                m.attachments[i].text.replace(q, n, prev);
                check_date(m, "/attachments/" + std::to_string(i) + "/text", q, prev);
                ++filing_dates, ++dates;
            });
        CHECK(filing_dates >= 1);  // every real filing dates its assets (截至…12月31日)
        // Each comparison with the year before (与 2023 年度相比, 比 2023 年度…), moved to the filing's own year.
        for (std::size_t i = 0; i < f.sections.size(); ++i) {
            const std::string& text = f.sections[i].text;
            for (std::size_t q = text.find(prev); q != std::string::npos; q = text.find(prev, q + 1)) {
                std::string before = text.substr(q >= 4 ? q - 4 : 0, q >= 4 ? 4 : q);
                bool compares = contains(before, "与") || contains(before, "比");
                if (!compares) continue;
                Filing m = f;
                m.sections[i].text.replace(q, prev.size(), y);
                bool hit = false;
                for (const auto& fd : text_findings(m, "text-year-comparison"))
                    hit = hit || (fd.cells[0].pointer == "/narrative/sections/" + std::to_string(i) + "/text" && contains(fd.cells[0].printed, y));
                CHECK_MESSAGE(hit, "section " << i << " at " << q);
                ++comparisons;
            }
        }
    }
    CHECK(dates >= 5);
    CHECK(comparisons >= 10);
}
