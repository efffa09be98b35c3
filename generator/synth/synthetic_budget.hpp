#pragma once
// The 部门预算 (budget) of a synthetic department-year in Shanghai's template: nine tables in 元 (the 三公 table in
// 万元), narrative figures, internally consistent. Planned from what the department spends that year, so that
// 决算 ÷ 预算 spreads as in real accounts: most lines within 85–105%, some far off, a few new lines unbudgeted.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "synth/continuity.hpp"
#include "synth/department_year.hpp"
#include "synth/filing_json.hpp"

namespace gongkai::synth {

using Yuan = std::int64_t;  // whole 元: Shanghai's budget tables print 元

// A 项 line of the budget: planned basic and project spending.
struct PlannedLine {
    std::string code, name, section_code, section_name;
    Yuan basic = 0, project = 0;
};

struct BudgetPlan {
    std::vector<PlannedLine> items;  // the 项 lines the budget prints (planned above 0), in the 决算's order
    // Basic spending by economic classification: class (301, 302, 303) -> items (code, amount), codes ascending.
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, Yuan>>>> economic;
    Yuan basic = 0, project = 0;         // multiples of 100 元, so that the totals are exact in 万元
    Yuan personnel = 0, public_funds = 0;  // 人员经费 (301 + 303) and 公用经费 (302); multiples of 100 元
    Cents three[4] = {0, 0, 0, 0};       // 三公 预算: abroad, vehicle purchase, vehicle operation, reception
    Cents procurement_goods = 0, procurement_works = 0, procurement_services = 0;

    Yuan total() const { return basic + project; }
    // The total in hundredths of 万元 (exact): the 决算's 年初预算 of general-budget spending.
    Cents total_cents() const { return total() / 100; }
};

// How a department executes its projects as a whole, year after year (basis points multiplying each project
// line's rate): about one department in ten runs behind (70–88%, slow tendering), one in ten ahead (110–125%,
// mid-year additions), the others within ±3%.
std::int64_t project_tilt(Rng& rng);

// Plans the budget of a department-year from what it spends that year (`d`): basic spending within a few percent
// of the plan, project spending mostly 85–105% of it times the department's `tilt`, about one project line in
// five far off (45–70% or 125–170%), and now and then a new project line the budget does not have. The 三公
// budget is the 决算's 预算数; 30217 and 30231 of basic spending are its 公务接待费 and 公务用车运行费.
BudgetPlan plan_budget(Rng& rng, const DepartmentYear& d, std::int64_t tilt);

// The <slug>.budget.json document of `plan` (kind 预算, "synthetic": true). `prior_total` is the department's
// budget total of the year before when one was written (the narrative then states the change).
ojson budget_document(const std::string& county_name, const std::string& county_code, const std::string& dept_name,
                      const std::string& slug, int year, const BudgetPlan& plan, std::optional<Yuan> prior_total);

}  // namespace gongkai::synth
