// Budget (部门预算) narrative rules: each planned amount the 编制说明 states against its budget table cell
// (b-narrative-amount, with 元 for 万元 as b-narrative-unit), shares (b-narrative-share), changes on the previous
// year (b-narrative-yoy) and the sums the narrative states of its own figures (b-narrative-parts).
//
// The narrative speaks in 万元 while Shanghai's budget tables print 元: the decoder turns 31,214,205.80 元 into
// 3121.4205800 万元 exactly, and “3,121.42万元” is that amount rounded, so the comparison allows the narrative's
// half unit (0.005 万元) and the table's (nothing: a 元 amount printed to the 分 is exact in millionths of 万元).
#include <map>

#include "audit/metric_cells.hpp"
#include "audit/rules.hpp"
#include "audit/unit_slip.hpp"
#include "model/money.hpp"

namespace gongkai {

namespace {

int planned_direction(const std::string& d) {
    if (d == "增加" || d == "增长" || d == "上升") return 1;
    if (d == "减少" || d == "下降") return -1;
    if (d == "持平" || d == "一致") return 0;
    return 2;  // none: the change cannot be signed
}

class BudgetNarrative {
public:
    explicit BudgetNarrative(Auditor& a) : a_(a), f_(a.filing()) {}

    void run() {
        for (std::size_t i = 0; i < f_.figures.size(); ++i) {
            const Figure& fig = f_.figures[i];
            if (fig.unit == "万元" || fig.unit == "元") amount(i);
            if (fig.metric.ends_with(".share") && fig.unit == "%") share(i);
        }
        year_over_year();
        parts();
    }

private:
    // The first budget table cell the filing prints for a metric.
    std::optional<Term> table_term(const std::string& metric, const std::string& code) const {
        for (const auto& addr : budget_metric_cells(metric, code))
            if (auto t = a_.cell(addr.kind, addr.block, addr.row, addr.column)) return t;
        return std::nullopt;
    }

    // The first figure with this metric (and code) stated in 万元, as a term.
    std::optional<Term> figure_term(const std::string& metric, const std::string& code = {}) const {
        for (std::size_t i = 0; i < f_.figures.size(); ++i) {
            const Figure& g = f_.figures[i];
            if (g.metric == metric && g.code == code && g.unit == "万元") return a_.figure_term(i);
        }
        return std::nullopt;
    }

    // An operand of a derived figure: as the narrative states it where it does, else the table's cell, so that a
    // wrong amount is reported once (b-narrative-amount), not again through every rate computed from it.
    std::optional<Term> operand(const std::string& metric, const std::string& code = {}) const {
        if (auto t = figure_term(metric, code)) return t;
        return table_term(metric, code);
    }

    void amount(std::size_t i) {
        const Figure& fig = f_.figures[i];
        auto table = table_term(fig.metric, fig.code);
        Term stated = a_.figure_term(i);
        if (fig.unit == "元") {
            // 元 where the tables' 万元 figure is meant is a slip; any other amount in 元 is compared in 万元.
            if (table && !in_yuan(*table) && is_unit_slip(stated, *table)) {
                a_.flag(unit_slip_finding("b-narrative-unit", stated, *table, fig.value.printed, "说明中", fig.sentence));
                return;
            }
            a_.pass("b-narrative-unit", {&stated});
            stated.micro /= 10'000;
            stated.half /= 10'000;
            stated.unit = "万元";
        }
        if (!table) return;
        std::optional<Severity> severity;
        std::string what = "说明中的预算金额应与预算表一致";
        if (a_.names_failed_table_cell(*table)) {
            severity = Severity::Info;
            what = "说明中的预算金额与预算表该单元格不一致，而该单元格本身已被表内规则判定有误";
        }
        a_.check_same("b-narrative-amount", stated, *table, what, fig.sentence, severity);
    }

    void share(std::size_t i) {
        const Figure& fig = f_.figures[i];
        const std::string base = fig.metric.substr(0, fig.metric.size() - 6);  // without ".share"
        std::optional<Term> part, whole;
        if (base.rfind("income.", 0) == 0) {
            part = operand(base + ".amount");
            whole = operand("income.total");
        } else if (base.rfind("expenditure.", 0) == 0) {
            part = operand(base + ".amount");
            whole = operand("expenditure.total");
        } else if (base == "gb") {
            part = operand("gb.total");
            whole = operand("expenditure.total");
        } else if (base == "gb.class" || base == "gb.item") {
            part = operand(base + ".amount", fig.code);
            whole = operand("gb.total");
        } else if (base == "basic.personnel" || base == "basic.public") {
            part = operand(base + ".amount");
            whole = operand("basic.total");
        } else if (base.rfind("three_public.", 0) == 0) {
            part = operand(base + ".budget");
            whole = operand("three_public.total.budget");
        }
        if (part && whole) a_.check_ratio("b-narrative-share", a_.figure_term(i), *part, *whole, "说明中的占比应等于部分除以整体", fig.sentence);
    }

    // This year's planned amount of a prefix (“gb.item” with a code, “three_public.reception”, “income.fiscal” …).
    std::optional<Term> current(const std::string& prefix, const std::string& code) const {
        for (const char* tail : {".amount", ".total", ".budget", ""})
            if (auto t = operand(prefix + tail, code)) return t;
        return std::nullopt;
    }

    // Changes on the previous year: with the stated 上年数 (“2025年当年预算执行数为X万元”), the stated change
    // and rate must follow from it and this year's amount, in the stated direction; without it, the rate must
    // fit the change (上年 = 本年 ∓ 增减额).
    void year_over_year() {
        struct Group {
            std::optional<std::size_t> prior, change, pct;
        };
        std::map<std::pair<std::string, std::string>, Group> groups;  // (prefix, code)
        for (std::size_t i = 0; i < f_.figures.size(); ++i) {
            const Figure& g = f_.figures[i];
            auto take = [&](const char* tail, const char* unit, std::optional<std::size_t> Group::*slot) {
                if (!g.metric.ends_with(tail) || g.unit != unit) return;
                auto& s = groups[{g.metric.substr(0, g.metric.size() - std::string(tail).size()), g.code}].*slot;
                if (!s) s = i;
            };
            take(".prior", "万元", &Group::prior);
            take(".yoy_change", "万元", &Group::change);
            take(".yoy_pct", "%", &Group::pct);
        }
        for (const auto& [key, g] : groups) {
            const auto& [prefix, code] = key;
            auto now = current(prefix, code);
            if (!now || (!g.change && !g.pct) || (!g.prior && !(g.change && g.pct))) continue;
            if (g.prior) with_prior(*now, *g.prior, g.change, g.pct);
            else without_prior(*now, *g.change, *g.pct);
        }
    }

    void with_prior(const Term& now, std::size_t prior_i, std::optional<std::size_t> change_i, std::optional<std::size_t> pct_i) {
        Term prior = a_.figure_term(prior_i);
        const std::int64_t diff = now.micro - prior.micro, tol = now.half + prior.half;
        for (auto idx : {change_i, pct_i}) {
            if (!idx) continue;
            const Figure& fig = f_.figures[*idx];
            Term stated = a_.figure_term(*idx);
            const int dir = planned_direction(fig.direction);
            const bool contradicts = (dir > 0 && diff < -tol) || (dir < 0 && diff > tol) || (dir == 0 && (diff > tol || diff < -tol));
            if (contradicts) {
                contradiction(fig, stated, now, prior, diff);
                return;  // one finding for the sentence
            }
            Term change;
            change.micro = diff < 0 ? -diff : diff;
            change.half = tol;
            change.refs = now.refs;  // (the ratio's operands add the prior year's figure)
            change.label = "本年数与所述上年数之差";
            if (fig.unit == "%") {
                a_.check_ratio("b-narrative-yoy", stated, change, prior, "增减率应等于本年数与上年数之差除以上年数", fig.sentence);
            } else {
                change.refs.insert(change.refs.end(), prior.refs.begin(), prior.refs.end());
                a_.check_same("b-narrative-yoy", stated, change, "增减额应等于本年数与上年数之差", fig.sentence);
            }
        }
    }

    void without_prior(const Term& now, std::size_t change_i, std::size_t pct_i) {
        const Figure& change = f_.figures[change_i];
        const Figure& pct = f_.figures[pct_i];
        const int dc = planned_direction(change.direction), dp = planned_direction(pct.direction);
        if (dc == 2 || dp == 2 || dc != dp) return;  // words are the comparison rules' concern
        Term change_t = a_.figure_term(change_i), pct_t = a_.figure_term(pct_i);
        Term prior = now;
        prior.micro = dc < 0 ? now.micro + change_t.micro : now.micro - change_t.micro;
        prior.half = now.half + change_t.half;
        prior.refs.insert(prior.refs.end(), change_t.refs.begin(), change_t.refs.end());
        prior.label = "由本年数与增减额推得的上年数";
        a_.check_ratio("b-narrative-yoy", pct_t, change_t, prior, "增减率应等于增减额除以上年数", pct.sentence);
    }

    // The direction word against the stated 上年数 and 本年数.
    void contradiction(const Figure& fig, const Term& stated, const Term& now, const Term& prior, std::int64_t diff) {
        std::string really = diff > 0 ? "增加" : "减少";
        std::int64_t amount = diff < 0 ? -diff : diff;
        std::string rate = prior.micro > 0 ? "（" + format_micro(*percent_micro(amount, prior.micro), 2) + "%）" : "";
        std::string said = fig.direction + (planned_direction(fig.direction) == 0 ? "" : fig.value.printed + fig.unit);
        Finding fd;
        fd.rule = "b-narrative-yoy";
        fd.severity = rule_info(fd.rule).severity;
        fd.message = "说明称比上年“" + said + "”，但所述上年数 " + term_text(prior) + "、本年数 " + term_text(now) + " 相比是" + really + " " +
                     format_micro(amount, 2) + " 万元" + rate + "。";
        fd.cells = stated.refs;
        fd.cells.insert(fd.cells.end(), now.refs.begin(), now.refs.end());
        fd.cells.insert(fd.cells.end(), prior.refs.begin(), prior.refs.end());
        fd.found_cells = stated.refs.size();
        fd.expected = really + format_micro(amount, 2) + "万元" + rate;
        fd.found = said;
        fd.sentence = fig.sentence;
        fd.headline = "说明写比上年“" + said + "”，但按它自己写的上年数 " + term_text(prior) + " 和本年数 " + term_text(now) + "，实际是" + really +
                      " " + format_micro(amount, 2) + " 万元" + rate;
        a_.flag(std::move(fd));
    }

    // Sums of the narrative's own figures: 政府采购 = 货物 + 工程 + 服务; “三公” = 出国 + 公务用车 + 接待, 公务用车 =
    // 购置 + 运行; vehicles by category. Checked where every part is stated.
    void parts() {
        auto sum = [&](const std::string& total, const std::vector<std::string>& items, const std::string& what) {
            auto t = figure_term(total);
            if (!t) return;
            std::vector<Term> parts;
            for (const auto& m : items)
                if (auto p = figure_term(m)) parts.push_back(*p);
            if (parts.size() == items.size()) a_.check_sum("b-narrative-parts", *t, parts, what);
        };
        sum("procurement.total", {"procurement.goods", "procurement.works", "procurement.services"}, "政府采购预算应等于货物、工程、服务之和");
        sum("three_public.vehicle.budget", {"three_public.vehicle_purchase.budget", "three_public.vehicle_operation.budget"},
            "公务用车购置及运行费应等于购置费与运行费之和");
        if (figure_term("three_public.vehicle.budget"))
            sum("three_public.total.budget", {"three_public.abroad.budget", "three_public.vehicle.budget", "three_public.reception.budget"},
                "“三公”经费预算应等于因公出国（境）费、公务用车购置及运行费与公务接待费之和");
        else
            sum("three_public.total.budget",
                {"three_public.abroad.budget", "three_public.vehicle_purchase.budget", "three_public.vehicle_operation.budget",
                 "three_public.reception.budget"},
                "“三公”经费预算应等于因公出国（境）费、公务用车购置费、运行费与公务接待费之和");
        for (const char* stem : {"assets.vehicles", "assets.vehicles_planned"}) {
            auto total = [&]() -> std::optional<Term> {
                for (std::size_t i = 0; i < f_.figures.size(); ++i)
                    if (f_.figures[i].metric == std::string(stem) + ".total") return a_.figure_term(i);
                return std::nullopt;
            }();
            if (!total) continue;
            std::vector<Term> kinds;
            for (const char* k : {"ministerial", "head", "confidential", "emergency", "law_enforcement", "special", "retiree", "other"})
                for (std::size_t i = 0; i < f_.figures.size(); ++i)
                    if (f_.figures[i].metric == std::string(stem) + "." + k) {
                        kinds.push_back(a_.figure_term(i));
                        break;
                    }
            if (!kinds.empty()) a_.check_sum("b-narrative-parts", *total, kinds, "车辆总数应等于各类车辆之和");
        }
    }

    Auditor& a_;
    const Filing& f_;
};

}  // namespace

void audit_budget_narrative(Auditor& a) { BudgetNarrative(a).run(); }

}  // namespace gongkai
