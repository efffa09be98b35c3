#pragma once
// Budget execution across the departments of a county-year: each department's 执行率 (its 决算 本年支出合计 ÷ the
// same year's budget 支出总计) ranked, and which departments published only one of the two kinds that year.
// Also a department's budget and final-account totals across years (the history page's two lines).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compute/department_summary.hpp"

namespace gongkai {

// The planned total of a 部门预算 (kind 预算): 支出总计 of the 部门财务收支预算总表, else its 本年支出合计, else
// 支出总计 of the 财政拨款收支预算总表, else the 合计 of the 部门支出预算总表; nullopt when none is printed.
MaybeMoney budget_total(const Filing& budget);

// One department with both filings of a year.
struct ExecutionRate {
    const Filing* actual = nullptr;  // the 决算
    const Filing* budget = nullptr;  // the same department's 预算 of the same year
    std::int64_t spent = 0;          // 决算 本年支出合计
    std::int64_t planned = 0;        // 预算 支出总计
    std::int64_t rate_pct_micro = 0; // spent ÷ planned, millionths of a percent (rounded half away from zero)
    std::size_t rank = 0;            // 1 = the highest rate; equal rates share the better rank
};

struct CountyBudgetExecution {
    // Departments whose 决算 and same-year budget both print their totals (the budget's total above 0):
    // highest rate first, then by department name.
    std::vector<ExecutionRate> rates;
    std::vector<const Filing*> budget_only;  // budgets of the year without a 决算 of that department, by name
    std::vector<const Filing*> actual_only;  // 决算 without a budget of that year (empty when no budget at all), by name
    bool has_budgets = false;                // the county has any budget that year
};

// Pairs the 决算 (`actuals`) and 预算 (`budgets`) of one county-year by department slug.
CountyBudgetExecution county_budget_execution(const std::vector<const Filing*>& actuals, const std::vector<const Filing*>& budgets);

// One year of a department: its budget's 支出总计 and its 决算 本年支出合计 (each nullopt where not filed or printed).
struct PlanAndSpending {
    int year = 0;
    MaybeMoney planned;
    MaybeMoney spent;
    const Filing* budget = nullptr;  // nullptr when no budget of that year
    const Filing* actual = nullptr;  // nullptr when no 决算 of that year
    std::optional<std::int64_t> rate_pct_micro;  // spent ÷ planned where both exist and planned > 0
};

// The years of one department (its 决算 and budgets, any order), ascending, one entry per year with either.
std::vector<PlanAndSpending> plan_and_spending_by_year(const std::vector<const Filing*>& actuals, const std::vector<const Filing*>& budgets);

}  // namespace gongkai
