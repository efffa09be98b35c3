#pragma once
// Budget execution on the county dashboard and the history page: the view parts built from
// compute/budget_execution.hpp (a department's 执行率 and rank, who published only one kind, two lines across years).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compute/budget_execution.hpp"

namespace gongkai {

// The dashboard's 预算执行 section: `show` (the county has a budget that year), `rates` (rank, department, 预算,
// 决算, 执行率, each sortable), `budget_only` and `actual_only` with their links (relative to the county-year page).
nlohmann::json county_budget_view(const CountyBudgetExecution& e);

// The history page's 预算与决算 part for `years` (compute/plan_and_spending_by_year): `show` (any budget), a row
// per year with links (relative to the department's history page) and a two-line chart (JSON for a script tag).
nlohmann::json history_budget_view(const std::vector<PlanAndSpending>& years, const std::string& slug);

// 执行率 as the site prints it ("95.3%"), "—" when unknown.
std::string execution_rate_text(const std::optional<std::int64_t>& rate_pct_micro);

}  // namespace gongkai
