#pragma once
// The 预算与决算 section of the department page (#budget): a lead sentence, the function-class and economic-class
// comparisons as sortable tables (largest deviation first, 款/项 kept beneath their 类) and a bar chart of the 类.
#include <nlohmann/json.hpp>

#include "compute/budget_vs_actual.hpp"

namespace gongkai {

// The view of `v`, the comparison of the page's 决算 with `budget` (whose source the section cites).
// Columns follow the pairing: 预算数, 决算数, 差额, 执行率 for the same year; for next year's budget the
// earlier figure first (Y 年决算数, Y+1 年预算数, 增减, 增减率), never called an execution rate.
nlohmann::json budget_section_view(const BudgetVsActual& v, const Filing& budget);

}  // namespace gongkai
