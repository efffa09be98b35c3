// Narrative rules: every figure stated in the 情况说明 is recomputed from the tables where it can be —
// amounts, shares, completion rates, year-over-year changes, direction words, parts and wholes, units.
#include <map>

#include "audit/metric_cells.hpp"
#include "audit/rules.hpp"
#include "audit/unit_slip.hpp"
#include "model/money.hpp"

namespace gongkai {

namespace {

using K = TableKind;

// The table cell an amount metric states, if the tables publish it.
std::optional<CellAddress> table_address(const std::string& metric, const std::string& code) { return metric_cell(metric, code); }

// The fund a figure of the gb.* pattern belongs to: "gb" (一般公共预算), "gov_fund" (政府性基金) or
// "state_capital" (国有资本经营); "" for other metrics.
std::string fund_stem(const std::string& base) {
    for (const char* stem : {"gb", "gov_fund", "state_capital"})
        if (base == stem || base.rfind(std::string(stem) + ".", 0) == 0) return stem;
    return "";
}

int direction_group(const std::string& d) {
    if (d == "增加" || d == "增长" || d == "上升") return 1;
    if (d == "减少" || d == "下降") return -1;
    if (d == "持平") return 0;
    return 2;  // none or a comparison word
}

// The phrase that explains a change in the opposite direction of `direction`, if the sentence has one.
const char* reversed_reason(const std::string& sentence, int direction) {
    static const char* const up[] = {"增加的主要原因", "增长的主要原因", "上升的主要原因"};
    static const char* const down[] = {"减少的主要原因", "下降的主要原因"};
    if (direction < 0)
        for (const char* p : up)
            if (sentence.find(p) != std::string::npos) return p;
    if (direction > 0)
        for (const char* p : down)
            if (sentence.find(p) != std::string::npos) return p;
    return nullptr;
}

class NarrativeAudit {
public:
    explicit NarrativeAudit(Auditor& a) : a_(a), f_(a.filing()) {}

    void run() {
        for (std::size_t i = 0; i < f_.figures.size(); ++i) {
            const Figure& fig = f_.figures[i];
            if (fig.unit == "万元" || fig.unit == "元") amount(i);
            if (fig.metric.ends_with(".share")) share(i);
            if (fig.metric.ends_with(".completion")) completion(i);
        }
        year_over_year();
        parts_and_wholes();
        counts();
    }

private:
    std::optional<Term> table_term(const std::string& metric, const std::string& code) const {
        auto addr = table_address(metric, code);
        if (!addr) return std::nullopt;
        return a_.cell(addr->kind, addr->block, addr->row, addr->column);
    }

    // The first figure with this metric (and code) as a term, amounts in 万元 only.
    std::optional<Term> figure_term(const std::string& metric, const std::string& code = {}) const {
        for (std::size_t i = 0; i < f_.figures.size(); ++i) {
            const Figure& g = f_.figures[i];
            if (g.metric == metric && (code.empty() || g.code == code) && g.unit != "元") return a_.figure_term(i);
        }
        return std::nullopt;
    }

    // An operand of a derived figure (share, rate, change): as the narrative itself states it where it
    // does, else from the tables. Each stated amount is compared with the tables once (n-amount), so a
    // wrong amount is not reported again through every percentage computed from it.
    std::optional<Term> operand(const std::string& metric, const std::string& code = {}) const {
        if (auto t = figure_term(metric, code)) return t;
        return table_term(metric, code);
    }

    void amount(std::size_t i) {
        const Figure& fig = f_.figures[i];
        auto table = table_term(fig.metric, fig.code);
        Term stated = a_.figure_term(i);
        if (fig.unit == "元") {
            // 元 in a 万元 document is a slip when the number is the table's 万元 figure; otherwise the amount
            // is compared in 万元 (small amounts such as a 接待费 of 2350 元 are legitimately stated in 元).
            // (The same test and finding serve amounts in the attachments: unit_slip.hpp, rules_text_units.cpp.)
            if (table && is_unit_slip(stated, *table)) {
                a_.flag(unit_slip_finding("n-unit", stated, *table, fig.value.printed, "说明中", fig.sentence));
                return;
            }
            a_.pass("n-unit", {&stated});
            if (!table) return;
            stated.micro /= 10'000;  // compared in 万元
            stated.half /= 10'000;
            stated.unit = "万元";
        }
        if (!table) return;
        // When a table rule already shows that very cell to be wrong, the disagreement is noted, not
        // counted again as an error of the narrative.
        std::optional<Severity> severity;
        std::string what = "说明中的金额应与表中一致";
        if (a_.names_failed_table_cell(*table)) {
            severity = Severity::Info;
            what = "说明中的金额与表中该单元格不一致，而该单元格本身已被表内规则判定有误";
        }
        std::string rule = fig.metric == "operating_cost.amount" ? "n-operating-cost" : "n-amount";
        a_.check_same(rule, stated, *table, what, fig.sentence, severity);
    }

    void share(std::size_t i) {
        const Figure& fig = f_.figures[i];
        std::string base = fig.metric.substr(0, fig.metric.size() - 6);  // without ".share"
        std::optional<Term> part, whole;
        if (base.rfind("income.", 0) == 0) {
            part = operand(base + ".amount");
            whole = operand("income.total");
        } else if (base.rfind("expenditure.", 0) == 0) {
            part = operand(base + ".amount");
            whole = operand("expenditure.total");
        } else if (std::string stem = fund_stem(base); !stem.empty() && (base == stem || base == stem + ".class")) {
            // A fund's spending as a share of 本年支出合计; a function class as a share of the fund's spending.
            part = base == stem ? operand(stem + ".total") : operand(stem + ".class.amount", fig.code);
            whole = base == stem ? operand("expenditure.total") : operand(stem + ".total");
        } else if (base == "basic.personnel" || base == "basic.public") {
            part = operand(base + ".amount");
            whole = operand("basic.total");
        } else if (base.rfind("three_public.", 0) == 0) {
            part = operand(base + ".actual");
            whole = operand("three_public.total.actual");
        } else if (base == "procurement.sme") {
            part = figure_term("procurement.sme.amount");
            whole = figure_term("procurement.total");
        } else if (base == "procurement.small_micro") {
            part = figure_term("procurement.small_micro.amount");
            whole = figure_term("procurement.sme.amount");
        }
        if (part && whole) a_.check_ratio("n-share", a_.figure_term(i), *part, *whole, "说明中的占比应等于部分除以整体", fig.sentence);
    }

    void completion(std::size_t i) {
        const Figure& fig = f_.figures[i];
        std::string base = fig.metric.substr(0, fig.metric.size() - 11);  // without ".completion"
        std::optional<Term> actual, budget;
        // gb, gov_fund, state_capital: the fund's whole spending or one item (with its code), against the 年初预算
        // or, with .full_year, the adjusted full-year budget (全年预算).
        const std::string stem = fund_stem(base), rest = stem.empty() ? "" : base.substr(stem.size());
        if (!stem.empty() && (rest.empty() || rest == ".full_year")) {
            actual = operand(stem + ".actual");
            if (!actual) actual = operand(stem + ".total");
            budget = figure_term(base + ".budget");
        } else if (!stem.empty() && (rest == ".item" || rest == ".item.full_year")) {
            actual = figure_term(stem + ".item.actual", fig.code);
            budget = figure_term(base + ".budget", fig.code);
        } else if (base.rfind("three_public.", 0) == 0) {
            actual = operand(base + ".actual");
            budget = operand(base + ".budget");
        }
        Term pct = a_.figure_term(i);
        if (actual && budget) a_.check_ratio("n-completion", pct, *actual, *budget, "完成预算的比例应等于决算数除以预算数", fig.sentence);
        // Words comparing the 决算 with the 预算 (大于/小于/持平…) are checked by the comparison-wording family
        // (rules_comparison.cpp), against the amounts and this rate.
    }

    void year_over_year() {
        std::map<std::string, std::pair<int, int>> groups;  // prefix -> (change index, pct index)
        for (std::size_t i = 0; i < f_.figures.size(); ++i) {
            const std::string& m = f_.figures[i].metric;
            if (m.ends_with(".yoy_change") && f_.figures[i].unit == "万元") groups[m.substr(0, m.size() - 11)].first = static_cast<int>(i) + 1;
            if (m.ends_with(".yoy_pct")) groups[m.substr(0, m.size() - 8)].second = static_cast<int>(i) + 1;
        }
        for (const auto& [prefix, idx] : groups) {
            if (!idx.first || !idx.second) continue;
            const Figure& change = f_.figures[static_cast<std::size_t>(idx.first - 1)];
            const Figure& pct = f_.figures[static_cast<std::size_t>(idx.second - 1)];
            Term change_t = a_.figure_term(static_cast<std::size_t>(idx.first - 1));
            Term pct_t = a_.figure_term(static_cast<std::size_t>(idx.second - 1));
            int dc = direction_group(change.direction), dp = direction_group(pct.direction);
            std::optional<Term> current;
            if (prefix == "total") current = operand("total.amount");
            else if (prefix == "fiscal") current = operand("fiscal.total");
            else if (prefix == "gb" || prefix == "gov_fund" || prefix == "state_capital") current = operand(prefix + ".total");
            else if (prefix == "operating_cost") current = figure_term("operating_cost.amount");
            else if (prefix.rfind("three_public.", 0) == 0) current = operand(prefix + ".actual");
            // Prior year = current ∓ change; the rate is change / prior.
            auto prior_for = [&](int direction) {
                Term prior = *current;
                prior.micro = direction < 0 ? current->micro + change_t.micro : current->micro - change_t.micro;
                prior.half = current->half + change_t.half;
                prior.refs.insert(prior.refs.end(), change_t.refs.begin(), change_t.refs.end());
                prior.label = "由本年数与增减额推得的上年数";
                return prior;
            };
            if ((dc == 0 && change_t.micro != 0) || (dp == 0 && pct_t.micro != 0)) {
                std::vector<CellRef> cells = change_t.refs;
                cells.insert(cells.end(), pct_t.refs.begin(), pct_t.refs.end());
                a_.flag("n-yoy", Severity::Error, "说明称与上年“持平”，却给出了 " + change.value.printed + " 万元、" + pct.value.printed + "% 的变动。",
                        cells, "变动为 0", change.value.printed + "万元", change.sentence,
                        "说明称与上年“持平”，同一处却写了 " + change.value.printed + " 万元、" + pct.value.printed + "% 的变化");
                continue;
            }
            if (dc <= 1 && dp <= 1 && dc != dp) {
                std::vector<CellRef> cells = change_t.refs;
                cells.insert(cells.end(), pct_t.refs.begin(), pct_t.refs.end());
                a_.flag("n-yoy", Severity::Error,
                        "与上年比较的方向自相矛盾：增减额写作“" + change.direction + change.value.printed + "万元”，增减率写作“" + pct.direction +
                            pct.value.printed + "%”。",
                        cells, "同一方向", change.direction + " / " + pct.direction, change.sentence,
                        "说明对与上年相比的变化前后矛盾：金额写“" + change.direction + change.value.printed + "万元”，比例却写“" + pct.direction +
                            pct.value.printed + "%”");
                // Whichever direction was meant, the rate must still fit the amount.
                if (current && !ratio_matches(pct_t, ratio_range(change_t, prior_for(-1))) &&
                    !ratio_matches(pct_t, ratio_range(change_t, prior_for(1)))) {
                    RatioRange down = ratio_range(change_t, prior_for(-1)), up = ratio_range(change_t, prior_for(1));
                    a_.flag("n-yoy", Severity::Error,
                            "增减率与增减额不符：" + change.value.printed + "万元 相对于上年数，减少时应为 " + format_micro(down.mid, 2) +
                                "%，增加时应为 " + format_micro(up.mid, 2) + "%，说明中为 " + pct.value.printed + "%。",
                            cells, format_micro(down.mid, 2) + "% 或 " + format_micro(up.mid, 2) + "%", pct.value.printed + "%", pct.sentence,
                            "说明写变化了 " + pct.value.printed + "%，但按变化金额 " + change.value.printed + " 万元算，减少应为 " +
                                format_micro(down.mid, 2) + "%，增加应为 " + format_micro(up.mid, 2) + "%，两样都对不上");
                }
                continue;
            }
            // The explanation's own words must not reverse the direction (“减少16.76万元……增加的主要原因是”).
            if (const char* reversed = reversed_reason(change.sentence, dc)) {
                std::vector<CellRef> cells = change_t.refs;
                cells.insert(cells.end(), pct_t.refs.begin(), pct_t.refs.end());
                a_.flag("n-yoy", Severity::Error,
                        "与上年比较的方向自相矛盾：数字为“" + change.direction + change.value.printed + "万元”，原因却写作“" + reversed + "”。",
                        cells, change.direction, reversed, change.sentence,
                        std::string("说明写比上年“") + change.direction + change.value.printed + "万元”，解释原因时却写成“" + reversed + "”");
            }
            if (!current) continue;
            a_.check_ratio("n-yoy", pct_t, change_t, prior_for(dc), "增减率应等于增减额除以上年数", pct.sentence);
        }
    }

    void parts_and_wholes() {
        auto total = figure_term("procurement.total");
        std::vector<Term> parts;
        for (const char* p : {"procurement.goods", "procurement.works", "procurement.services"})
            if (auto t = figure_term(p)) parts.push_back(*t);
        if (total && parts.size() == 3) a_.check_sum("n-part-whole", *total, parts, "政府采购总额应等于货物、工程、服务之和");
        auto not_above = [&](const std::optional<Term>& part, const std::optional<Term>& whole, const std::string& what) {
            if (!part || !whole) return;
            if (part->micro - part->half <= whole->micro + whole->half) {
                a_.pass("n-part-whole", {&*part, &*whole});
                return;
            }
            Finding fd;
            fd.rule = "n-part-whole";
            fd.severity = Severity::Error;
            fd.message = what + "：" + part->label + "（" + term_text(*part) + "）大于 " + whole->label + "（" + term_text(*whole) + "）。";
            fd.cells = part->refs;
            fd.cells.insert(fd.cells.end(), whole->refs.begin(), whole->refs.end());
            fd.expected = "不超过 " + term_text(*whole);
            fd.found = term_text(*part);
            fd.sentence = f_.figures[std::stoul(part->refs[0].anchor.substr(4))].sentence;
            fd.check = CheckKind::Exceeds;
            fd.unit = part->unit;
            fd.found_cells = part->refs.size();
            fd.found_label = part->label;
            fd.expected_label = whole->label;
            fd.found_value = part->micro;
            fd.expected_value = whole->micro;
            fd.difference = part->micro - whole->micro;
            fd.excess = (part->micro - part->half) - (whole->micro + whole->half);
            a_.flag(std::move(fd));
        };
        not_above(figure_term("procurement.small_micro.amount"), figure_term("procurement.sme.amount"), "授予小微企业的金额是授予中小企业金额的一部分");
        not_above(figure_term("procurement.sme.amount"), total, "授予中小企业的金额是政府采购总额的一部分");
        // Shanghai: awards to SMEs in reserved projects plus those in other projects are part of all procurement.
        auto reserved = figure_term("procurement.sme_reserved.awarded"), other = figure_term("procurement.sme_other.awarded");
        if (reserved && other)
            not_above(Auditor::add({*reserved, *other}, "面向中小企业预留项目与其他项目中授予中小企业的金额之和"), total,
                      "授予中小企业的金额（预留项目与其他项目之和）是政府采购总额的一部分");
        if (auto vehicles = figure_term("assets.vehicles.total")) {
            std::vector<Term> kinds;
            for (const char* k : {"ministerial", "head", "confidential", "emergency", "law_enforcement", "special", "retiree", "other"})
                if (auto t = figure_term(std::string("assets.vehicles.") + k)) kinds.push_back(*t);
            if (!kinds.empty()) a_.check_sum("n-part-whole", *vehicles, kinds, "车辆总数应等于各类车辆之和");
        }
    }

    Term count_term(int value, const std::string& label, const std::string& pointer) const {
        Term t;
        t.micro = static_cast<std::int64_t>(value) * kMicro;
        t.label = label;
        t.unit = "";
        t.refs.push_back({"overview", "", "", "", label, std::to_string(value), "overview", pointer, ""});
        return t;
    }

    void counts() {
        const Overview& o = f_.overview;
        if (o.staff_authorized_total && !o.staff_authorized.empty()) {
            std::vector<Term> parts;
            for (std::size_t i = 0; i < o.staff_authorized.size(); ++i)
                parts.push_back(count_term(o.staff_authorized[i].count, "概况中的" + o.staff_authorized[i].type,
                                           "/overview/staffing/authorized/" + std::to_string(i) + "/count"));
            a_.check_sum("n-counts", count_term(*o.staff_authorized_total, "概况中的人员编制总数", "/overview/staffing/authorized_total"), parts,
                         "人员编制总数应等于各类编制之和");
        }
        if (o.vehicles_actual)
            if (auto v = figure_term("assets.vehicles.total"))
                a_.check_same("n-counts", count_term(*o.vehicles_actual, "概况中的实有车辆数", "/overview/vehicles/actual"), *v,
                              "概况中的实有车辆数应与国有资产情况中的车辆总数一致");
    }

    Auditor& a_;
    const Filing& f_;
};

}  // namespace

void audit_narrative(Auditor& a) { NarrativeAudit(a).run(); }

}  // namespace gongkai
