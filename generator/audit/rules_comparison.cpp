// Comparison wording: every sentence that says one amount is larger than, smaller than or the same as another
// (决算数小于年初预算数, 决算数与预算数持平, 比上年增加…) is checked against the two amounts — as the narrative states
// them in the same entry, else as the tables print them — and against the completion rate it states.
//
// Precision first: a statement is checked only when its two amounts can be paired without guessing (one item in
// the entry, or the item the sentence names); a word is reported only when every number the entry gives
// contradicts it beyond rounding (two printed amounts are the same when printed alike, or when their rounding
// intervals meet if printed with different decimals).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>

#include "audit/comparison_text.hpp"
#include "audit/metric_cells.hpp"
#include "audit/rules.hpp"
#include "model/money.hpp"

namespace gongkai {

namespace {

using Kind = ComparisonStatement::Kind;

enum class Verdict { Holds, Contradicts, Unknown };

// The relation the numbers show between a subject and an object: +1, −1, 0, or 2 when rounding cannot tell.
int relation(std::int64_t s, std::int64_t hs, std::int64_t o, std::int64_t ho) {
    std::int64_t diff = s - o;
    int sign = diff > 0 ? 1 : diff < 0 ? -1 : 0;
    if (hs == ho) return sign;  // printed alike: compared as printed
    return std::llabs(diff) <= hs + ho ? 2 : sign;
}

// Whether a word saying `direction` (approximately, for 基本持平) holds for subject s against object o.
Verdict judge(int direction, bool approximate, std::int64_t s, std::int64_t hs, std::int64_t o, std::int64_t ho) {
    if (approximate) {
        // 基本持平: the same within a tenth, beyond rounding.
        std::int64_t gap = std::llabs(s - o) - (hs + ho);
        std::int64_t base = std::max(std::llabs(s), std::llabs(o));
        return gap * 10 > base ? Verdict::Contradicts : Verdict::Holds;
    }
    int r = relation(s, hs, o, ho);
    if (r == 2) return direction == 0 ? Verdict::Holds : Verdict::Unknown;
    return r == direction ? Verdict::Holds : Verdict::Contradicts;
}

// A term's value as printed, without its unit ("976.59" of a figure printed "976.59万元").
std::string number(const Term& t) {
    std::string printed = term_text(t), s = printed;
    while (!s.empty() && !std::isdigit(static_cast<unsigned char>(s.back()))) s.pop_back();
    return s.empty() ? printed : s;  // “空白” for a blank cell
}

const char* relation_word(int r) { return r > 0 ? "大于" : r < 0 ? "小于" : "等于"; }

// The roles a figure can play in a 决算-against-预算 comparison.
enum class Role { Budget, FullBudget, Actual, Rate, FullRate };

// Splits "gb.item.full_year.budget" into its item ("gb.item") and role; nullopt for other metrics.
std::optional<std::pair<std::string, Role>> budget_role(const std::string& metric) {
    static const std::vector<std::pair<std::string, Role>> suffixes = {
        {".full_year.budget", Role::FullBudget}, {".full_year.completion", Role::FullRate}, {".budget", Role::Budget},
        {".actual", Role::Actual}, {".completion", Role::Rate}};
    for (const auto& [suffix, role] : suffixes) {
        if (!metric.ends_with(suffix)) continue;
        std::string base = metric.substr(0, metric.size() - suffix.size());
        bool known = base == "gb" || base == "gb.item" || base.rfind("three_public.", 0) == 0 || base.rfind("gov_fund", 0) == 0 ||
                     base.rfind("state_capital", 0) == 0;
        if (!known || base.find(".reception.") != std::string::npos) return std::nullopt;
        return std::make_pair(base, role);
    }
    return std::nullopt;
}

// The words by which a sentence names a 三公 item.
bool names_item(const std::string& subject, const std::string& base) {
    auto has = [&](const char* w) { return subject.find(w) != std::string::npos; };
    if (base == "three_public.abroad") return has("因公出国");
    if (base == "three_public.vehicle") return has("公务用车") && !(has("购置费") && !has("运行")) && !(has("运行维护费") && !has("购置"));
    if (base == "three_public.vehicle_purchase") return has("公务用车购置费") && !has("运行");
    if (base == "three_public.vehicle_operation") return has("公务用车运行");
    if (base == "three_public.reception") return has("公务接待");
    if (base == "three_public.total") return has("三公") && !has("因公出国") && !has("公务用车") && !has("公务接待");
    return false;
}

// This year's amount of a prior-year prefix: the metrics that state it.
std::vector<std::string> current_metrics(const std::string& prefix) {
    return {prefix + ".amount", prefix + ".actual", prefix + ".total", prefix};
}

struct Group {
    std::string base, code;
    std::map<Role, std::size_t> figures;  // role -> figure index (the first in the entry)
};

class ComparisonAudit {
public:
    explicit ComparisonAudit(Auditor& a)
        : a_(a), f_(a.filing()), texts_(narrative_texts(f_)), places_(figure_places(f_, texts_)),
          statements_(find_comparisons(f_, texts_)) {}

    void run() {
        for (const auto& st : statements_) {
            if (st.kind == Kind::BudgetActual) budget_actual(st);
            else prior_year(st);
        }
    }

private:
    // Figures printed in the statement's entry (its line, up to the end of its sentence): those before the word,
    // and those after it.
    void entry_figures(const ComparisonStatement& st, std::vector<std::size_t>& before, std::vector<std::size_t>& after) const {
        for (std::size_t i = 0; i < f_.figures.size(); ++i)
            for (const auto& [t, p] : places_[i]) {
                if (t != st.text || p < st.line_begin || p >= st.sentence_end) continue;
                (p < st.word_begin ? before : after).push_back(i);
                break;
            }
    }

    std::optional<std::size_t> place_in_entry(std::size_t i, const ComparisonStatement& st) const {
        for (const auto& [t, p] : places_[i])
            if (t == st.text && p >= st.line_begin && p < st.sentence_end) return p;
        return std::nullopt;
    }

    std::optional<Term> table_term(const std::string& metric, const std::string& code) const {
        auto addr = metric_cell(metric, code);
        if (!addr) return std::nullopt;
        auto t = a_.cell(addr->kind, addr->block, addr->row, addr->column);
        if (!t || a_.names_failed_table_cell(*t)) return std::nullopt;  // the cell itself is in doubt
        return t;
    }

    std::vector<Group> groups_of(const std::vector<std::size_t>& figures) const {
        std::vector<Group> out;
        for (std::size_t i : figures) {
            auto br = budget_role(f_.figures[i].metric);
            if (!br) continue;
            auto it = std::find_if(out.begin(), out.end(), [&](const Group& g) { return g.base == br->first && g.code == f_.figures[i].code; });
            if (it == out.end()) {
                out.push_back({br->first, f_.figures[i].code, {}});
                it = out.end() - 1;
            }
            it->figures.emplace(br->second, i);
        }
        return out;
    }

    // The one item the statement compares, or nullopt when the entry does not say which without guessing.
    std::optional<Group> pick(std::vector<Group> groups, const ComparisonStatement& st) const {
        if (groups.size() > 1) {
            std::vector<Group> named;
            for (const auto& g : groups)
                if (names_item(st.subject, g.base)) named.push_back(g);
            groups = named;
        }
        if (groups.size() != 1) return std::nullopt;
        return groups.front();
    }

    // "说明五（三）（2010301 行政运行）" for the statement's place.
    std::string place(const ComparisonStatement& st, const std::vector<const Term*>& terms, const std::string& code) const {
        std::string section;
        for (const Term* t : terms)
            for (const auto& r : t->refs)
                if (section.empty() && r.table == "narrative") {
                    std::size_t i = std::stoul(r.pointer.substr(std::string("/narrative/figures/").size()));
                    section = f_.figures[i].section;
                }
        if (section.empty()) section = texts_[st.text].section;
        std::string out = "说明" + section;
        if (!code.empty()) {
            std::string name;
            for (const Term* t : terms)
                for (const auto& r : t->refs)
                    if (name.empty() && !r.plain.empty() && r.table == "narrative") name = r.plain;
            out += "（科目 " + code + (name.empty() ? "" : " " + name) + "）";
        }
        return out;
    }

    // The statement's sentence, widened back to the sentence where the first of its figures is printed, so that
    // the quote shows both numbers and the word.
    std::string quote(const ComparisonStatement& st, const std::vector<std::size_t>& figures) const {
        const std::string& s = texts_[st.text].text;
        std::size_t begin = st.sentence_begin;
        for (std::size_t i : figures)
            if (auto p = place_in_entry(i, st); p && *p < begin) {
                std::size_t b = std::max(st.line_begin, s.rfind("。", *p) == std::string::npos ? st.line_begin : s.rfind("。", *p) + 3);
                begin = std::min(begin, b);
            }
        std::string q = s.substr(begin, st.sentence_end - begin);
        while (!q.empty() && (q.front() == ' ' || q.front() == '\n')) q.erase(0, 1);
        while (!q.empty() && (q.back() == ' ' || q.back() == '\n')) q.pop_back();
        return q;
    }

    void budget_actual(const ComparisonStatement& st) {
        std::vector<std::size_t> before, after;
        entry_figures(st, before, after);
        auto groups = groups_of(before);
        if (groups.empty()) groups = groups_of(after);
        auto g = pick(groups, st);
        if (!g) return;
        auto fig = [&](Role r) -> std::optional<std::size_t> {
            auto it = g->figures.find(r);
            return it == g->figures.end() ? std::nullopt : std::optional<std::size_t>(it->second);
        };
        bool slip = false;  // an amount printed in 元: its unit is in doubt (n-unit), so amounts are not compared
        auto amount = [&](std::optional<std::size_t> i, const std::string& metric) -> std::optional<Term> {
            if (i) {
                if (f_.figures[*i].unit != "万元") {
                    slip = true;
                    return std::nullopt;
                }
                return a_.figure_term(*i);
            }
            return table_term(metric, g->code);
        };
        std::optional<Term> actual = amount(fig(Role::Actual), g->base + ".actual");
        std::vector<Term> budgets, rates;
        if (st.scope != BudgetScope::FullYear)
            if (auto b = amount(fig(Role::Budget), g->base + ".budget")) budgets.push_back(*b);
        if (st.scope != BudgetScope::Initial)
            if (auto i = fig(Role::FullBudget)) {
                if (f_.figures[*i].unit == "万元") budgets.push_back(a_.figure_term(*i));
                else slip = true;
            }
        if (st.scope != BudgetScope::FullYear)
            if (auto i = fig(Role::Rate); i && f_.figures[*i].unit == "%") rates.push_back(a_.figure_term(*i));
        if (st.scope != BudgetScope::Initial)
            if (auto i = fig(Role::FullRate); i && f_.figures[*i].unit == "%") rates.push_back(a_.figure_term(*i));
        if (slip) budgets.clear(), actual.reset();
        if (!actual) budgets.clear();
        if (budgets.empty() && rates.empty()) return;

        // What the word says of the 决算 against the 预算.
        int said = st.budget_first ? -st.direction : st.direction;
        bool holds = false, contradicted = false;
        const Term* used_budget = nullptr;
        int amount_relation = 2;
        for (const auto& b : budgets) {
            Verdict v = judge(said, st.approximate, actual->micro, actual->half, b.micro, b.half);
            holds = holds || v == Verdict::Holds;
            contradicted = contradicted || v == Verdict::Contradicts;
            if (v == Verdict::Contradicts && !used_budget) {
                used_budget = &b;
                amount_relation = relation(actual->micro, actual->half, b.micro, b.half);
            }
        }
        const Term* used_rate = nullptr;
        for (const auto& r : rates) {
            Verdict v = judge(said, st.approximate, r.micro, r.half, 100 * kMicro, 0);
            holds = holds || v == Verdict::Holds;
            contradicted = contradicted || v == Verdict::Contradicts;
            if (v == Verdict::Contradicts && !used_rate) used_rate = &r;
        }
        std::vector<const Term*> terms;
        if (actual) terms.push_back(&*actual);
        for (const auto& b : budgets) terms.push_back(&b);
        for (const auto& r : rates) terms.push_back(&r);
        if (holds || !contradicted) {
            a_.pass("c-budget-actual", terms);
            return;
        }
        std::vector<CellRef> cells;
        std::vector<const Term*> used;
        if (used_budget) used = {&*actual, used_budget};
        if (used_rate) used.push_back(used_rate);
        for (const Term* t : used) cells.insert(cells.end(), t->refs.begin(), t->refs.end());
        std::string where = place(st, used, g->code);
        std::string truth, expected;
        if (used_budget && st.approximate) {
            std::int64_t gap = std::llabs(actual->micro - used_budget->micro);
            truth = "决算 " + number(*actual) + " 万元与预算 " + number(*used_budget) + " 万元相差 " + format_micro(gap, 2) + " 万元";
            expected = "决算数" + std::string(relation_word(amount_relation)) + "预算数";
        } else if (used_budget) {
            truth = "决算 " + number(*actual) + " 万元" + relation_word(amount_relation) + "预算 " + number(*used_budget) + " 万元";
            expected = std::string("决算数") + relation_word(amount_relation) + "预算数";
        }
        if (used_rate) {
            int r = relation(used_rate->micro, used_rate->half, 100 * kMicro, 0);
            std::string rate = "完成预算的 " + number(*used_rate) + "%（决算" + relation_word(r) + "预算）";
            truth += truth.empty() ? rate : "，" + rate;
            if (expected.empty()) expected = std::string("决算数") + relation_word(r) + "预算数";
        }
        std::vector<std::size_t> figs;
        for (const auto& [role, i] : g->figures) figs.push_back(i);
        a_.flag("c-budget-actual", Severity::Error, where + "称“" + st.phrase + "”，与数字不符：" + truth + "。", cells, expected, st.phrase,
                quote(st, figs), where + "写“" + st.phrase + "”，但" + truth);
    }

    void prior_year(const ComparisonStatement& st) {
        std::vector<std::size_t> before, after;
        entry_figures(st, before, after);
        std::vector<std::size_t> all = before;
        all.insert(all.end(), after.begin(), after.end());
        const std::string& s = texts_[st.text].text;
        // The item: the change printed right after the word, else the one item whose 上年数 the entry states.
        std::string prefix, code;
        std::optional<std::size_t> change;
        for (std::size_t i : all) {
            const Figure& g = f_.figures[i];
            bool is_change = g.metric.ends_with(".yoy_change"), is_pct = g.metric.ends_with(".yoy_pct");
            if (!is_change && !is_pct) continue;
            auto p = place_in_entry(i, st);
            std::size_t wend = st.word_begin + st.word.size();
            if (!p || *p < wend) continue;
            std::string between = s.substr(wend, *p - wend);
            if (between.size() > 6) continue;  // blanks and 了 only
            prefix = g.metric.substr(0, g.metric.size() - (is_change ? 11 : 8));
            code = g.code;
            if (is_change) change = i;
            break;
        }
        std::vector<std::size_t> priors;
        for (std::size_t i : all) {
            const Figure& g = f_.figures[i];
            if (!g.metric.ends_with(".prior")) continue;
            std::string p = g.metric.substr(0, g.metric.size() - 6);
            if (!prefix.empty() && (p != prefix || g.code != code)) continue;
            // Without a change naming the item, only a 上年数 of the word's own sentence is taken.
            if (prefix.empty()) {
                auto at = place_in_entry(i, st);
                if (!at || *at < st.sentence_begin) continue;
            }
            if (std::find_if(priors.begin(), priors.end(), [&](std::size_t j) {
                    return f_.figures[j].metric == g.metric && f_.figures[j].code == g.code;
                }) == priors.end())
                priors.push_back(i);
        }
        if (priors.size() != 1) {
            reversed_reason(st, change, prefix, code);
            return;
        }
        const Figure& prior_fig = f_.figures[priors.front()];
        prefix = prior_fig.metric.substr(0, prior_fig.metric.size() - 6);
        code = prior_fig.code;
        if (prior_fig.unit != "万元") return;
        Term prior = a_.figure_term(priors.front());
        std::optional<Term> current;
        for (const auto& m : current_metrics(prefix))
            for (std::size_t i : all)
                if (!current && f_.figures[i].metric == m && f_.figures[i].code == code && f_.figures[i].unit == "万元")
                    current = a_.figure_term(i);
        if (!current && prefix != "operating_cost")
            for (const auto& m : current_metrics(prefix))
                if (!current) current = table_term(m, code);
        if (!current) return;
        Verdict v = judge(st.direction, st.approximate, current->micro, current->half, prior.micro, prior.half);
        if (v != Verdict::Contradicts) {
            a_.pass("c-prior-year", {&*current, &prior});
            return;
        }
        int r = relation(current->micro, current->half, prior.micro, prior.half);
        std::vector<CellRef> cells = current->refs;
        cells.insert(cells.end(), prior.refs.begin(), prior.refs.end());
        std::string where = place(st, {&prior, &*current}, code);
        std::string truth = st.approximate
                                ? "本年 " + number(*current) + " 万元与上年 " + number(prior) + " 万元相差 " +
                                      format_micro(std::llabs(current->micro - prior.micro), 2) + " 万元"
                                : "本年 " + number(*current) + " 万元" + (r > 0 ? "多于" : r < 0 ? "少于" : "等于") + "上年 " +
                                      number(prior) + " 万元";
        std::string expected = r > 0 ? "增加" : r < 0 ? "减少" : "持平";
        std::vector<std::size_t> figs = priors;
        a_.flag("c-prior-year", Severity::Error, where + "称“" + st.phrase + "”，与数字不符：" + truth + "。", cells, expected, st.word,
                quote(st, figs), where + "写“" + st.phrase + "”，但" + truth);
    }

    // A change stated with an amount only (no rate, so the year-over-year rule does not read it) whose
    // explanation names the opposite direction: “减少16.76万元……增加的主要原因是”.
    void reversed_reason(const ComparisonStatement& st, std::optional<std::size_t> change, const std::string& prefix, const std::string& code) {
        if (!change || st.direction == 0 || st.approximate) return;
        for (const auto& g : f_.figures)
            if (g.metric == prefix + ".yoy_pct" && g.code == code) return;  // n-yoy reads this one
        const std::string& s = texts_[st.text].text;
        std::size_t from = st.word_begin + st.word.size();
        std::string rest = s.substr(from, st.sentence_end - from);
        static const char* const up[] = {"增加的主要原因", "增长的主要原因", "上升的主要原因"};
        static const char* const down[] = {"减少的主要原因", "下降的主要原因"};
        const char* reversed = nullptr;
        for (const char* p : st.direction < 0 ? std::vector<const char*>(up, up + 3) : std::vector<const char*>(down, down + 2))
            if (!reversed && rest.find(p) != std::string::npos) reversed = p;
        Term t = a_.figure_term(*change);
        if (!reversed) {
            a_.pass("c-prior-year", {&t});
            return;
        }
        std::string where = place(st, {&t}, code);
        const Figure& fig = f_.figures[*change];
        a_.flag("c-prior-year", Severity::Error,
                where + "称比上年“" + st.word + fig.value.printed + "万元”，解释原因时却写作“" + reversed + "”。", t.refs, st.word, reversed,
                st.sentence, where + "写比上年“" + st.word + fig.value.printed + "万元”，解释原因时却写成“" + reversed + "”");
    }

    Auditor& a_;
    const Filing& f_;
    std::vector<NarrativeText> texts_;
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> places_;
    std::vector<ComparisonStatement> statements_;
};

}  // namespace

void audit_comparison(Auditor& a) { ComparisonAudit(a).run(); }

}  // namespace gongkai
