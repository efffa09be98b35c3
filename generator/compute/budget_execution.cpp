#include "compute/budget_execution.hpp"

#include <algorithm>
#include <map>

#include "compute/peer_stats.hpp"
#include "model/money.hpp"

namespace gongkai {

MaybeMoney budget_total(const Filing& budget) {
    const Table* summary = budget.table(TableKind::BudgetSummary);
    for (const char* key : {"grand_total", "total_expenditure"})
        if (auto v = cell_value(summary, "expenditure", key, "amount")) return v;
    if (auto v = cell_value(budget.table(TableKind::BudgetFiscalSummary), "expenditure", "grand_total", "total")) return v;
    return cell_value(budget.table(TableKind::BudgetExpenditure), "main", "total", "total");
}

namespace {
bool by_name(const Filing* a, const Filing* b) {
    return a->department_name != b->department_name ? a->department_name < b->department_name : a->slug < b->slug;
}
}  // namespace

CountyBudgetExecution county_budget_execution(const std::vector<const Filing*>& actuals, const std::vector<const Filing*>& budgets) {
    CountyBudgetExecution out;
    out.has_budgets = !budgets.empty();
    std::map<std::string, const Filing*> budget_of, actual_of;
    for (const Filing* b : budgets) budget_of[b->slug] = b;
    for (const Filing* a : actuals) actual_of[a->slug] = a;
    for (const Filing* a : actuals) {
        auto b = budget_of.find(a->slug);
        if (b == budget_of.end()) {
            if (out.has_budgets) out.actual_only.push_back(a);
            continue;
        }
        MaybeMoney spent = summarize(*a).total_expenditure;
        MaybeMoney planned = budget_total(*b->second);
        if (!spent || !planned || *planned <= 0) continue;
        if (auto rate = percent_micro(*spent, *planned)) out.rates.push_back({a, b->second, *spent, *planned, *rate, 0});
    }
    for (const Filing* b : budgets)
        if (!actual_of.count(b->slug)) out.budget_only.push_back(b);
    std::vector<std::int64_t> values;
    for (const auto& r : out.rates) values.push_back(r.rate_pct_micro);
    for (auto& r : out.rates) r.rank = rank_descending(values, r.rate_pct_micro);
    std::sort(out.rates.begin(), out.rates.end(), [](const ExecutionRate& x, const ExecutionRate& y) {
        return x.rate_pct_micro != y.rate_pct_micro ? x.rate_pct_micro > y.rate_pct_micro : by_name(x.actual, y.actual);
    });
    std::sort(out.budget_only.begin(), out.budget_only.end(), by_name);
    std::sort(out.actual_only.begin(), out.actual_only.end(), by_name);
    return out;
}

std::vector<PlanAndSpending> plan_and_spending_by_year(const std::vector<const Filing*>& actuals, const std::vector<const Filing*>& budgets) {
    std::map<int, PlanAndSpending> years;
    for (const Filing* a : actuals) {
        PlanAndSpending& y = years[a->year];
        y.year = a->year;
        y.actual = a;
        y.spent = summarize(*a).total_expenditure;
    }
    for (const Filing* b : budgets) {
        PlanAndSpending& y = years[b->year];
        y.year = b->year;
        y.budget = b;
        y.planned = budget_total(*b);
    }
    std::vector<PlanAndSpending> out;
    for (auto& [year, y] : years) {
        if (y.spent && y.planned && *y.planned > 0) y.rate_pct_micro = percent_micro(*y.spent, *y.planned);
        out.push_back(y);
    }
    return out;
}

}  // namespace gongkai
