#include "compute/year_over_year.hpp"

namespace gongkai {

static YoyLine line_between(std::string metric, std::string label, MaybeMoney cur, MaybeMoney prior) {
    YoyLine l;
    l.metric = std::move(metric);
    l.label = std::move(label);
    l.current = cur;
    l.prior = prior;
    if (cur && prior) {
        l.change = *cur - *prior;
        l.pct_micro = percent_micro(*l.change, *prior);
    }
    return l;
}

const YoyLine* headline_change(const YearOverYear& y) {
    for (const auto& l : y.lines)
        if (l.metric == kYoyHeadlineMetric) return (l.change || l.pct_micro) ? &l : nullptr;
    return nullptr;
}

const YoyLine* headline_change(const std::optional<YearOverYear>& y) { return y ? headline_change(*y) : nullptr; }

YearOverYear compare_with_prior_filing(const DepartmentSummary& c, const DepartmentSummary& p, int prior_year) {
    YearOverYear y;
    y.source = YoySource::PriorFiling;
    y.prior_year = prior_year;
    y.lines.push_back(line_between(kYoyHeadlineMetric, kYoyHeadlineLabel, c.total_expenditure, p.total_expenditure));
    y.lines.push_back(line_between("total", "收支总计", c.grand_total, p.grand_total));
    y.lines.push_back(line_between("basic", "基本支出", c.basic, p.basic));
    y.lines.push_back(line_between("project", "项目支出", c.project, p.project));
    y.lines.push_back(line_between("personnel", "人员经费", c.personnel, p.personnel));
    y.lines.push_back(line_between("public_funds", "公用经费", c.public_funds, p.public_funds));
    y.lines.push_back(line_between("three_public.total", "“三公”经费决算", c.three_public_actual, p.three_public_actual));
    return y;
}

namespace {
struct StatedMetric {
    const char* prefix;  // metric prefix; "<prefix>.yoy_change" and "<prefix>.yoy_pct"
    const char* label;
};
// The headline (本年支出合计) first; 收支总计 is a different total (it includes carry-overs) and stays its own line.
constexpr StatedMetric kStated[] = {
    {kYoyHeadlineMetric, kYoyHeadlineLabel},
    {"total", "收支总计"},
    {"fiscal", "财政拨款收支总计"},
    {"gb", "一般公共预算财政拨款支出"},
    {"expenditure.basic", "基本支出"},
    {"expenditure.project", "项目支出"},
    {"three_public.total", "“三公”经费"},
    {"three_public.vehicle", "公务用车购置及运行维护费"},
    {"operating_cost", "机关运行经费"},
};

bool is_decrease(const std::string& d) { return d == "减少" || d == "下降"; }
bool is_flat(const std::string& d) { return d == "持平"; }

// The current-year amount of a stated metric, from the tables where the metric has one.
MaybeMoney current_amount(const std::string& p, const Filing& f, const DepartmentSummary& s) {
    if (p == kYoyHeadlineMetric) return s.total_expenditure;
    if (p == "total") return s.grand_total;
    if (p == "fiscal") return cell_value(f.table(TableKind::FiscalSummary), "income", "grand_total", "amount");
    if (p == "gb") return cell_value(f.table(TableKind::GeneralBudgetExpenditure), "main", "total", "total");
    if (p == "expenditure.basic") return s.basic;
    if (p == "expenditure.project") return s.project;
    if (p == "three_public.total") return s.three_public_actual;
    if (p == "operating_cost")
        if (const Figure* a = f.figure("operating_cost.amount"); a && a->unit == "万元") return a->value.micro;
    return std::nullopt;
}
}  // namespace

std::optional<YearOverYear> from_narrative(const Filing& f, const DepartmentSummary& s) {
    YearOverYear y;
    y.source = YoySource::NarrativeStatement;
    y.prior_year = f.year - 1;
    for (const auto& m : kStated) {
        std::string p = m.prefix;
        const Figure* change = f.figure(p + ".yoy_change");
        const Figure* pct = f.figure(p + ".yoy_pct");
        if (!change && !pct) continue;
        YoyLine l;
        l.metric = p;
        l.label = m.label;
        l.current = current_amount(p, f, s);
        const Figure* lead = change ? change : pct;
        std::string dir = lead->direction;
        if (change && l.current && change->unit == "万元") {
            std::int64_t delta = is_decrease(dir) ? -change->value.micro : (is_flat(dir) ? 0 : change->value.micro);
            l.change = delta;
            l.prior = *l.current - delta;
            l.pct_micro = percent_micro(delta, *l.prior);
        } else if (pct && pct->unit == "%") {
            // Only a percentage is stated (or no amount to apply the change to): the stated rate, signed by its word.
            std::string pd = pct->direction.empty() ? dir : pct->direction;
            l.pct_micro = is_decrease(pd) ? -pct->value.micro : (is_flat(pd) ? 0 : pct->value.micro);
        }
        std::string words;
        if (change) words += (dir.empty() ? std::string("变化") : dir) + change->value.printed + change->unit;
        if (pct) words += std::string(words.empty() ? "" : "，") + (pct->direction.empty() ? dir : pct->direction) + pct->value.printed + "%";
        l.stated = words;
        l.sentence = lead->sentence;
        y.lines.push_back(std::move(l));
    }
    if (y.lines.empty()) return std::nullopt;
    return y;
}

}  // namespace gongkai
