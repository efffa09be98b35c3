#pragma once
// Budget against final accounts: a department's 部门预算 beside its 部门决算, per function class (类, with its
// 款 and 项 where both filings print them) and per economic class of 基本支出, largest deviation first.
//
// Two pairings. Same year (2025 预算 with 2025 决算, 预算执行): difference = spent − planned, rate = 执行率
// (spent ÷ planned). Next year's budget against this year's 决算 (2025 预算 with 2024 决算, 下一年预算与本年决算):
// a plan against last year's spending, not an execution — difference = planned − spent (the 增减 from the
// earlier figure to the later one), rate = 增减率 (difference ÷ spent).
//
// Amounts are exact millionths of 万元. Budget tables printed in 元 are already converted by the decoder
// (validate/decode_filing: 元 × 100 millionths of 万元, exact, at most 2 decimals), so cells compare directly.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "compute/department_summary.hpp"

namespace gongkai {

enum class BudgetPairing {
    SameYear,        // 预算执行: the budget of the 决算's own year
    NextYearBudget,  // 下一年预算与本年决算: the budget of the year after the 决算
};

// One line of the comparison: a 类 (level 0), 款 (1) or 项 (2), or a total.
struct BudgetActualLine {
    std::string code;  // function or economic code; "" for a total
    std::string name;  // as the 决算 prints it, else as the budget prints it
    int level = 0;
    MaybeMoney planned;  // the budget's cell; nullopt where the budget prints no amount for it
    MaybeMoney spent;    // the 决算's cell; nullopt where the 决算 prints no amount for it
    // SameYear: spent − planned; NextYearBudget: planned − spent. A side without an amount counts as 0.
    std::int64_t difference = 0;
    // SameYear: 执行率 spent ÷ planned; NextYearBudget: 增减率 difference ÷ spent. In millionths of a percent
    // (percent_micro, rounded half away from zero); nullopt when the divisor is 0 or not printed.
    std::optional<std::int64_t> rate_pct_micro;
    std::vector<BudgetActualLine> children;  // sorted like the lines above them
};

// One dimension (function or economic classes) with the two tables it reads.
struct BudgetActualSection {
    std::string scope;         // what is compared, zh-CN ("部门支出（全部资金）", "一般公共预算财政拨款基本支出")
    std::string budget_table;  // the budget table's title as printed
    std::string actual_table;  // the 决算 table's title as printed
    std::vector<BudgetActualLine> lines;  // 类, sorted by |difference| (largest first), then by code
    BudgetActualLine total;                // 合计 (not sorted with the lines)
    std::vector<BudgetActualLine> parts;   // economic only: 人员经费 and 公用经费, where either filing prints them
};

struct BudgetVsActual {
    BudgetPairing pairing = BudgetPairing::SameYear;
    int budget_year = 0;
    int actual_year = 0;
    std::optional<BudgetActualSection> functions;
    std::optional<BudgetActualSection> economic;
};

// The budget a 决算 is shown with: the budget of its own year (SameYear) when `budget_of_year` has one,
// else the budget of the year after (NextYearBudget); nullopt when neither exists. `budget_of_year(y)` returns
// the same department's budget filing of year y, or nullptr.
struct BudgetMatch {
    const Filing* budget = nullptr;
    BudgetPairing pairing = BudgetPairing::SameYear;
};
std::optional<BudgetMatch> match_budget(const Filing& actual, const std::function<const Filing*(int year)>& budget_of_year);

// Compares `budget` (kind 预算) with `actual` (kind 决算) of the same department (same county_dir and slug),
// the budget's year being the 决算's (SameYear) or the next (NextYearBudget). Function classes compare the
// 部门支出预算总表 with the 支出决算表 (03) when both print amounts, else the 一般公共预算支出功能分类预算表 with
// table 05; economic classes compare the 一般公共预算基本支出经济分类预算表 with table 06 (its total against
// table 05's 基本支出 合计). Returns nullopt for another department or year, or when neither dimension has
// amounts on both sides.
std::optional<BudgetVsActual> compare_budget_actual(const Filing& actual, const Filing& budget);

}  // namespace gongkai
