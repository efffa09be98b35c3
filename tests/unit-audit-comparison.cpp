// The comparison-wording rules (audit/rules_comparison.cpp): words such as 大于/小于/持平 and 增加/减少 against the
// two amounts they compare — small hand-made filings that pass and fail, the sentences the reader finds them in,
// and on every real filing: no false alarm, and every comparison word flipped is reported naming its sentence.
#include <doctest/doctest.h>

#include <iostream>
#include <map>
#include <set>

#include "audit/audit.hpp"
#include "audit/comparison_text.hpp"
#include "render/view_audit.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;

namespace {

// A filing with one narrative section and the given figures (metric, code, value, unit, direction), each stated
// in the sentence of `text` that prints its value.
struct Said {
    std::string metric, value, unit = "万元", code = "", direction = "";
};

Filing narrative(const std::string& text, const std::vector<Said>& figures, const std::string& section = "五（三）") {
    Filing f;
    f.path = "test.json";
    f.kind = "决算";
    f.unit = "万元";
    f.year = 2024;
    std::string id = section.substr(0, section.find("（"));
    f.sections.push_back({id, id + "、情况说明", text});
    for (const auto& s : figures) {
        // The sentence (up to 。 or a line end) holding the value.
        std::size_t p = text.find(s.value);
        REQUIRE(p != std::string::npos);
        std::size_t b = 0;
        for (const char* d : {"。", "\n"}) {
            std::size_t q = text.rfind(d, p);
            if (q != std::string::npos) b = std::max(b, q + std::string(d).size());
        }
        std::size_t e = text.size();
        for (const char* d : {"。", "\n"}) {
            std::size_t q = text.find(d, p);
            if (q != std::string::npos) e = std::min(e, q + (std::string(d) == "。" ? 3 : 0));
        }
        Decimal v = *parse_decimal(s.value);
        f.figures.push_back({s.metric, s.code, v, s.unit, s.direction, section, text.substr(b, e - b)});
    }
    return f;
}

std::vector<Finding> findings(const Filing& f, const std::string& rule) {
    std::vector<Finding> out;
    for (const auto& fd : audit_filing(f).findings)
        if (fd.rule == rule) out.push_back(fd);
    return out;
}

int checks(const Filing& f, const std::string& rule) {
    auto r = audit_filing(f);
    auto it = r.checks_by_rule.find(rule);
    return it == r.checks_by_rule.end() ? 0 : it->second;
}

const char* const kItem =
    "1、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。年初预算为1109.57万元，支出决算为976.59万元，"
    "完成年初预算的88.02%，决算数小于年初预算数的主要原因是：奖金跨年度支付。";

Filing item(const std::string& text) {
    return narrative(text, {{"gb.item.budget", "1109.57", "万元", "2010301"},
                            {"gb.item.actual", "976.59", "万元", "2010301"},
                            {"gb.item.completion", "88.02", "%", "2010301"}});
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    std::size_t p = s.find(from);
    REQUIRE(p != std::string::npos);
    return s.replace(p, from.size(), to);
}

}  // namespace

TEST_CASE("决算 against 预算: the word must agree with the amounts and the completion rate") {
    Filing ok = item(kItem);
    CHECK(checks(ok, "c-budget-actual") == 1);
    CHECK(findings(ok, "c-budget-actual").empty());

    // 大于 where the 决算 is smaller and the rate is under 100%.
    Filing wrong = item(replaced(kItem, "决算数小于年初预算数", "决算数大于年初预算数"));
    auto fds = findings(wrong, "c-budget-actual");
    REQUIRE(fds.size() == 1);
    const Finding& fd = fds[0];
    CHECK(fd.severity == Severity::Error);
    CHECK(contains(fd.headline, "说明五（三）"));
    CHECK(contains(fd.headline, "决算数大于年初预算数"));
    CHECK(contains(fd.headline, "976.59"));
    CHECK(contains(fd.headline, "1109.57"));
    CHECK(contains(fd.headline, "88.02%"));
    CHECK(contains(fd.sentence, "决算数大于年初预算数的主要原因"));
    CHECK(contains(fd.sentence, "年初预算为1109.57万元"));
    std::set<std::string> pointers;
    for (const auto& c : fd.cells) pointers.insert(c.pointer);
    CHECK(pointers == std::set<std::string>{"/narrative/figures/0", "/narrative/figures/1", "/narrative/figures/2"});
    CHECK(fd.expected == "决算数小于预算数");
    // The status line calls it what it is: the narrative's words against its own figures, not a table slip.
    std::string status = audit_status_text(audit_filing(wrong));
    CHECK(status.rfind("1 处说明中的数字前后不一", 0) == 0);  // (this one-section filing also lacks the other sections)
    CHECK_FALSE(contains(status, "表格数字对不上"));

    // 等于 / 持平 where the two differ; 基本持平 tolerates a small gap, not a 12% one.
    CHECK(findings(item(replaced(kItem, "决算数小于年初预算数", "决算数等于年初预算数")), "c-budget-actual").size() == 1);
    CHECK(findings(item(replaced(kItem, "决算数小于年初预算数", "决算数与年初预算数持平")), "c-budget-actual").size() == 1);
    CHECK(findings(item(replaced(kItem, "决算数小于年初预算数", "决算数与年初预算数基本持平")), "c-budget-actual").size() == 1);
    // The budget as subject: 预算数大于决算数 is right.
    Filing reversed = item(replaced(kItem, "决算数小于年初预算数", "年初预算数大于决算数"));
    CHECK(checks(reversed, "c-budget-actual") == 1);
    CHECK(findings(reversed, "c-budget-actual").empty());
    // 较年初预算减少 / 增加.
    CHECK(findings(item(replaced(kItem, "决算数小于年初预算数的主要原因是", "决算数较年初预算减少132.98万元，主要原因是")), "c-budget-actual").empty());
    CHECK(findings(item(replaced(kItem, "决算数小于年初预算数的主要原因是", "决算数较年初预算增加132.98万元，主要原因是")), "c-budget-actual").size() == 1);
}

TEST_CASE("决算 against 预算: the amounts of the entry's earlier sentence (普陀区 template), with rounding") {
    const std::string line = "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费。年初预算为 1560.05 万元，支出决算为1511.89万元。 决算数小于预算数的主要原因：人员进出及退休变化。";
    auto make = [&](const std::string& text, const std::string& budget = "1560.05", const std::string& actual = "1511.89") {
        return narrative(text, {{"gb.item.budget", budget, "万元", "2010601"}, {"gb.item.actual", actual, "万元", "2010601"}});
    };
    CHECK(checks(make(line), "c-budget-actual") == 1);
    CHECK(findings(make(line), "c-budget-actual").empty());
    auto fds = findings(make(replaced(line, "小于", "大于")), "c-budget-actual");
    REQUIRE(fds.size() == 1);
    CHECK(fds[0].headline == "说明五（三）（科目 2010601）写“决算数大于预算数”，但决算 1511.89 万元小于预算 1560.05 万元");
    CHECK(contains(fds[0].sentence, "年初预算为 1560.05 万元"));
    // Equal amounts: 持平 holds, 大于 does not.
    const std::string equal = "8、其他行政事业单位养老支出（项）。年初预算为 0.94 万元，支出决算为0.94万元。 决算数与预算数基本持平。";
    CHECK(findings(make(equal, "0.94", "0.94"), "c-budget-actual").empty());
    CHECK(checks(make(equal, "0.94", "0.94"), "c-budget-actual") == 1);
    CHECK(findings(make(replaced(equal, "与预算数基本持平", "大于预算数"), "0.94", "0.94"), "c-budget-actual").size() == 1);
    // Printed with different decimals, 10.0 and 10.03 may be the same amount: 等于 is not contradicted.
    const std::string rounded = "年初预算为10.0万元，支出决算为10.03万元。决算数等于预算数。";
    CHECK(findings(make(rounded, "10.0", "10.03"), "c-budget-actual").empty());
    // A line of another item does not lend its amounts: the next line's word has nothing to compare.
    const std::string two_lines = "年初预算为 1560.05 万元，支出决算为1511.89万元。\n决算数大于预算数的主要原因：人员进出。";
    CHECK(checks(make(two_lines), "c-budget-actual") == 0);
}

TEST_CASE("决算 against 预算: which budget, which item, and what is not a comparison") {
    // 全年预算: 小于 holds against the full-year budget even though the 年初预算 is 0 (中共普陀区委社会工作部).
    const std::string both = "一般公共预算财政拨款支出年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。决算数小于预算数的主要原因：人员经费支出数小于预算数。";
    auto make_both = [&](const std::string& text) {
        return narrative(text, {{"gb.budget", "0"}, {"gb.full_year.budget", "321.02"}, {"gb.actual", "307.82"}, {"gb.completion", "95.89", "%"}});
    };
    CHECK(checks(make_both(both), "c-budget-actual") == 1);
    CHECK(findings(make_both(both), "c-budget-actual").empty());
    // “小于年初预算数” names the 0 budget; the rate (95.89%) still agrees, so the numbers contradict one another —
    // the completion rule's finding — and the word is not reported.
    CHECK(findings(make_both(replaced(both, "决算数小于预算数", "决算数小于年初预算数")), "c-budget-actual").empty());
    CHECK(findings(make_both(replaced(both, "决算数小于预算数", "决算数大于全年预算数")), "c-budget-actual").size() == 1);

    // Several items in one line: the sentence names the one it compares (普陀区 三公).
    const std::string three = "“三公”经费财政拨款支出年初预算为2.85万元，支出决算为0.39万元，完成预算的13.68%，其中：因公出国（境）费决算为0.00万元，完成预算的0.00%；公务接待费支出决算为0.39万元，完成预算的13.68%。2024年度“三公”经费支出决算数小于预算数的主要原因：严格落实中央八项规定。";
    auto make_three = [&](const std::string& text) {
        return narrative(text, {{"three_public.total.budget", "2.85"}, {"three_public.total.actual", "0.39"},
                                {"three_public.total.completion", "13.68", "%"}, {"three_public.abroad.actual", "0.00"},
                                {"three_public.abroad.completion", "0.00", "%"}}, "七（一）");
    };
    CHECK(checks(make_three(three), "c-budget-actual") == 1);
    CHECK(findings(make_three(three), "c-budget-actual").empty());
    auto fds = findings(make_three(replaced(three, "决算数小于预算数", "决算数大于预算数")), "c-budget-actual");
    REQUIRE(fds.size() == 1);
    CHECK(contains(fds[0].headline, "说明七（一）"));
    CHECK(contains(fds[0].headline, "0.39"));
    CHECK(contains(fds[0].headline, "2.85"));
    // Without the item's name, two items in the entry: not paired, not guessed.
    CHECK(checks(make_three(replaced(three, "2024年度“三公”经费支出决算数", "决算数")), "c-budget-actual") == 0);

    // An amount printed in 元 (a unit slip, n-unit's finding) is not compared; the rate decides.
    const std::string slip = "“三公”经费财政拨款支出预算为43.2元，支出决算为25.8万元，完成预算的59.72%，决算数小于预算数的主要原因是严格控制。";
    auto make_slip = [&](const std::string& text) {
        return narrative(text, {{"three_public.total.budget", "43.2", "元"}, {"three_public.total.actual", "25.8"},
                                {"three_public.total.completion", "59.72", "%"}}, "七（一）");
    };
    CHECK(findings(make_slip(slip), "c-budget-actual").empty());
    CHECK(findings(make_slip(replaced(slip, "小于", "大于")), "c-budget-actual").size() == 1);

    // The tabled amount when the sentence names it without stating it: the 三公 table's budget.
    const std::string tabled = "“三公”经费财政拨款支出决算为25.8万元，决算数小于预算数的主要原因是严格控制。";
    Filing t = narrative(tabled, {{"three_public.total.actual", "25.8"}}, "七（一）");
    Table tp;
    tp.kind = TableKind::ThreePublic;
    tp.pointer = "/tables/0";
    Block b;
    b.id = "main";
    b.columns = {{"budget", "预算数"}, {"actual", "决算数"}};
    Row total;
    total.key = "total";
    total.name = "合计";
    total.cells = {parse_decimal("43.20"), parse_decimal("25.80")};
    b.rows.push_back(total);
    tp.blocks.push_back(b);
    t.tables.push_back(tp);
    CHECK(checks(t, "c-budget-actual") == 1);
    CHECK(findings(t, "c-budget-actual").empty());
    t.sections[0].text = replaced(tabled, "小于", "大于");
    t.figures[0].sentence = t.sections[0].text;
    auto tf = findings(t, "c-budget-actual");
    REQUIRE(tf.size() == 1);
    bool names_table = false;
    for (const auto& c : tf[0].cells) names_table = names_table || c.pointer == "/tables/0/blocks/0/rows/0/values/budget";
    CHECK(names_table);

    // Not comparisons of the 决算 with the 预算: template alternatives, negations, a sub-item's explanation.
    for (const std::string& text : {replaced(kItem, "决算数小于年初预算数", "决算数大于（小于）年初预算数"),
                                    replaced(kItem, "决算数小于年初预算数的主要原因是", "决算数未超过年初预算数，主要原因是"),
                                    replaced(kItem, "决算数小于年初预算数的主要原因是", "主要原因是人员经费支出数大于预算数")})
        CHECK(checks(item(text), "c-budget-actual") == 0);
}

TEST_CASE("the word kept only on a completion figure is still checked (transcriptions without the section text)") {
    Filing f = item(kItem);
    f.sections.clear();
    f.figures[2].direction = "小于";
    for (auto& fig : f.figures) fig.sentence = "年初预算为1109.57万元，支出决算为976.59万元，完成年初预算的88.02%。";
    CHECK(checks(f, "c-budget-actual") == 1);
    CHECK(findings(f, "c-budget-actual").empty());
    f.figures[2].direction = "大于";
    CHECK(findings(f, "c-budget-actual").size() == 1);
    // With the word in the text too, it is one statement, reported once.
    Filing g = item(replaced(kItem, "小于", "大于"));
    g.figures[2].direction = "大于";
    CHECK(findings(g, "c-budget-actual").size() == 1);
}

TEST_CASE("this year against last year: the word must agree with both years' amounts") {
    const std::string text = "机关运行经费支出184.65万元，上年决算数为182.10万元，比2023年度增加2.55万元。主要原因是更换照明设施。";
    auto make = [&](const std::string& t, const std::string& prior = "182.10") {
        return narrative(t, {{"operating_cost.amount", "184.65"}, {"operating_cost.prior", prior}, {"operating_cost.yoy_change", "2.55", "万元", "", "增加"}},
                         "十一（一）");
    };
    CHECK(checks(make(text), "c-prior-year") == 1);
    CHECK(findings(make(text), "c-prior-year").empty());
    auto fds = findings(make(replaced(text, "增加2.55", "减少2.55")), "c-prior-year");
    REQUIRE(fds.size() == 1);
    CHECK(contains(fds[0].headline, "说明十一（一）"));
    CHECK(contains(fds[0].headline, "184.65"));
    CHECK(contains(fds[0].headline, "182.10"));
    CHECK(fds[0].expected == "增加");
    CHECK(contains(fds[0].sentence, "比2023年度减少2.55万元"));
    // 持平 with amounts that differ; 持平 with equal amounts.
    const std::string flat = "机关运行经费支出184.65万元，上年决算数为182.10万元，与上年持平。";
    auto make_flat = [&](const std::string& t, const std::string& prior) {
        return narrative(t, {{"operating_cost.amount", "184.65"}, {"operating_cost.prior", prior}}, "十一（一）");
    };
    CHECK(findings(make_flat(flat, "182.10"), "c-prior-year").size() == 1);
    CHECK(findings(make_flat(replaced(flat, "182.10", "184.65"), "184.65"), "c-prior-year").empty());
    CHECK(checks(make_flat(replaced(flat, "182.10", "184.65"), "184.65"), "c-prior-year") == 1);
    // A year that is not the previous one is no prior-year marker; a word in the explanation is no comparison.
    CHECK(checks(make(replaced(replaced(text, "比2023年度", "比2021年度"), "上年决算数", "2021年决算数")), "c-prior-year") == 0);
    CHECK(checks(narrative("机关运行经费支出184.65万元，上年决算数为182.10万元。主要原因是更换照明设施，增加2.55万元。",
                           {{"operating_cost.amount", "184.65"}, {"operating_cost.prior", "182.10"}}, "十一（一）"),
                 "c-prior-year") == 0);
}

TEST_CASE("a change stated without a rate is not explained in the opposite direction") {
    const std::string text = "公务用车购置及运行维护费支出决算数与上年相比减少16.76万元，减少的主要原因是严格控制公务用车。";
    auto make = [&](const std::string& t) {
        return narrative(t, {{"three_public.vehicle.yoy_change", "16.76", "万元", "", "减少"}}, "七（一）");
    };
    CHECK(findings(make(text), "c-prior-year").empty());
    CHECK(checks(make(text), "c-prior-year") == 1);
    auto fds = findings(make(replaced(text, "减少的主要原因", "增加的主要原因")), "c-prior-year");
    REQUIRE(fds.size() == 1);
    CHECK(contains(fds[0].headline, "减少16.76万元"));
    CHECK(contains(fds[0].headline, "增加的主要原因"));
    // With a rate as well, the year-over-year rule reports it (once, not twice).
    Filing both = narrative(replaced(text, "减少16.76万元，减少的", "减少16.76万元，减少39.38%，增加的"),
                            {{"three_public.vehicle.yoy_change", "16.76", "万元", "", "减少"}, {"three_public.vehicle.yoy_pct", "39.38", "%", "", "减少"}},
                            "七（一）");
    CHECK(findings(both, "c-prior-year").empty());
    CHECK(findings(both, "n-yoy").size() == 1);
}

namespace {

// The opposite of a comparison word ("" when it has none).
std::vector<std::string> flips(const std::string& word) {
    static const std::vector<std::pair<std::string, std::string>> pairs = {
        {"大于", "小于"}, {"高于", "低于"}, {"多于", "少于"}, {"增加", "减少"}, {"增长", "下降"}, {"上升", "下降"}, {"提高", "降低"}};
    for (const auto& [a, b] : pairs) {
        if (word == a) return {b};
        if (word == b) return {a};
    }
    if (word == "超过" || word == "超出") return {"少于"};
    // A word of sameness: to a larger and to a smaller (the numbers can contradict at most one when they differ).
    return {"大于", "小于"};
}

// The filing with the statement's word replaced, as an importer would have read it: the section text, the
// sentences of the figures printed in it and the direction recorded on the figures the word governs.
Filing flipped(const Filing& base, const std::vector<NarrativeText>& texts, const ComparisonStatement& st, const std::string& to,
               std::string& new_sentence) {
    Filing f = base;
    const std::string& text = texts[st.text].text;
    std::string old_sentence = text.substr(st.sentence_begin, st.sentence_end - st.sentence_begin);
    std::size_t at = st.word_begin - st.sentence_begin;
    std::string word = to;
    if (st.kind == ComparisonStatement::Kind::PriorYear && st.direction == 0) word = to == "大于" ? "增加" : "减少";
    new_sentence = old_sentence;
    new_sentence.replace(at, st.word.size(), word);
    REQUIRE(st.text < f.sections.size());
    f.sections[st.text].text.replace(st.sentence_begin, old_sentence.size(), new_sentence);
    auto trim = [](std::string s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.erase(0, 1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
        return s;
    };
    std::string old_t = trim(old_sentence), new_t = trim(new_sentence);
    for (auto& fig : f.figures) {
        std::size_t p = fig.sentence.find(old_t);
        if (p == std::string::npos) continue;
        fig.sentence.replace(p, old_t.size(), new_t);
        if (fig.direction == st.word) fig.direction = word;
    }
    new_sentence = new_t;
    return f;
}

}  // namespace

TEST_CASE("real filings: no false alarm, and every comparison word flipped is reported in its sentence") {
    for (const auto& rel : real_filing_paths()) {
        Filing base = real_filing(rel);
        AuditReport r = audit_filing(base);
        for (const auto& fd : r.findings)
            CHECK_MESSAGE((fd.rule != "c-budget-actual" && fd.rule != "c-prior-year"), rel << ": " << fd.headline);
        std::multiset<std::string> baseline;
        for (const auto& fd : r.findings) baseline.insert(fd.rule + "|" + fd.message);
        auto texts = narrative_texts(base);
        auto statements = find_comparisons(base, texts);
        int budget = 0, prior = 0, caught_budget = 0, caught_prior = 0;
        std::vector<std::string> unpaired;
        std::map<std::string, int> by_rule;  // rule -> flipped words it caught
        for (const auto& st : statements) {
            if (st.figure >= 0) continue;  // the word is in the text: every statement here is read from it
            bool is_budget = st.kind == ComparisonStatement::Kind::BudgetActual;
            ++(is_budget ? budget : prior);
            bool any = false;
            std::set<std::string> rules;
            for (const auto& to : flips(st.word)) {
                std::string sentence;
                Filing mutant = flipped(base, texts, st, to, sentence);
                for (const auto& fd : audit_filing(mutant).findings) {
                    if (baseline.count(fd.rule + "|" + fd.message) || fd.sentence.empty()) continue;
                    if (contains(fd.sentence, sentence) || contains(sentence, fd.sentence)) {
                        any = true;
                        rules.insert(fd.rule);
                    }
                }
            }
            if (any) {
                for (const auto& rule : rules) ++by_rule[rule];
                ++(is_budget ? caught_budget : caught_prior);
                continue;
            }
            unpaired.push_back(std::string(is_budget ? "决算/预算" : "上年") + " “" + st.phrase + "” in: " + st.sentence);
            // Every 决算-against-预算 statement of the real filings names amounts of its entry: all must be caught, but
            // where the entry states two budgets (年初预算 0 and 全年预算 321.02) a bare “预算数” may mean either, and the
            // flipped word is true of one of them.
            std::string entry = texts[st.text].text.substr(st.line_begin, st.sentence_end - st.line_begin);
            bool two_budgets = contains(entry, "年初预算") && contains(entry, "全年预算") && st.scope == BudgetScope::Any;
            CHECK_MESSAGE((!is_budget || two_budgets), rel << ": flipping “" << st.word << "” went unnoticed in " << st.sentence);
            // A change stated with both its amount and its rate (增加X万元，增长Y%) is read by the year-over-year rule:
            // flipping either word must be caught there.
            bool change = false, rate = false;
            for (const auto& fig : base.figures)
                if (fig.sentence == st.sentence) {
                    change = change || (fig.metric.size() > 11 && fig.metric.compare(fig.metric.size() - 11, 11, ".yoy_change") == 0 && fig.direction == st.word);
                    rate = rate || (fig.metric.size() > 8 && fig.metric.compare(fig.metric.size() - 8, 8, ".yoy_pct") == 0);
                }
            CHECK_MESSAGE((is_budget || !(change && rate)), rel << ": flipping “" << st.word << "” went unnoticed in " << st.sentence);
        }
        std::cout << "comparison words " << rel << ": " << budget << " 决算/预算 (" << caught_budget << " caught when flipped), " << prior
                  << " 上年 (" << caught_prior << " caught when flipped); caught by";
        for (const auto& [rule, n] : by_rule) std::cout << " " << rule << "×" << n;
        std::cout << "\n";
        for (const auto& u : unpaired) std::cout << "  not paired: " << u << "\n";
        CHECK(budget > 0);
    }
}

TEST_CASE("湘潭县 2024 with 五（三）1's word flipped: the headline names the place and both numbers") {
    Filing f = real_filing(kXiangtanFiling);
    auto texts = narrative_texts(f);
    const ComparisonStatement* target = nullptr;
    auto statements = find_comparisons(f, texts);
    for (const auto& st : statements)
        if (st.phrase == "决算数小于年初预算数" && contains(st.sentence, "1109.57")) target = &st;
    REQUIRE(target != nullptr);
    std::string sentence;
    Filing mutant = flipped(f, texts, *target, "大于", sentence);
    auto fds = findings(mutant, "c-budget-actual");
    REQUIRE(fds.size() == 1);
    CHECK(fds[0].headline ==
          "说明五（三）（科目 2010301 行政运行）写“决算数大于年初预算数”，但决算 976.59 万元小于预算 1109.57 万元，完成预算的 88.02%（决算小于预算）");
    CHECK(fds[0].sentence == sentence);
}
