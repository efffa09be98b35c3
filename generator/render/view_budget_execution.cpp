#include "render/view_budget_execution.hpp"

#include "render/escape.hpp"
#include "render/view_common.hpp"

namespace gongkai {

std::string execution_rate_text(const std::optional<std::int64_t>& rate) {
    return rate ? format_micro(*rate, kPercentDecimals) + "%" : "—";
}

namespace {
json money_sortable(const MaybeMoney& m) { return {{"text", money_text(m)}, {"sort", m ? std::to_string(*m) : ""}}; }

json department_ref(const Filing* f, const std::string& link) { return {{"name", f->department_name}, {"link", link}}; }
}  // namespace

json county_budget_view(const CountyBudgetExecution& e) {
    json v;
    v["show"] = e.has_budgets;
    json rates = json::array();
    for (const auto& r : e.rates) {
        rates.push_back({{"rank", r.rank}, {"rank_text", "第 " + std::to_string(r.rank) + "/" + std::to_string(e.rates.size())},
                         {"name", r.actual->department_name}, {"link", r.actual->slug + "/index.html#budget"},
                         {"planned", money_sortable(r.planned)}, {"spent", money_sortable(r.spent)},
                         {"rate", {{"text", execution_rate_text(r.rate_pct_micro)}, {"sort", std::to_string(r.rate_pct_micro)}}},
                         {"over", r.rate_pct_micro > 100 * kMicro}});
    }
    v["rates"] = rates;
    v["has_rates"] = !rates.empty();
    v["rate_count"] = rates.size();
    // A budget without a 决算 has no department page that year: its link is the budget's data file.
    json budget_only = json::array(), actual_only = json::array();
    for (const Filing* f : e.budget_only) budget_only.push_back(department_ref(f, f->slug + "/" + f->slug + ".budget.json"));
    for (const Filing* f : e.actual_only) actual_only.push_back(department_ref(f, f->slug + "/index.html"));
    v["budget_only"] = budget_only;
    v["actual_only"] = actual_only;
    v["has_budget_only"] = !budget_only.empty();
    v["has_actual_only"] = !actual_only.empty();
    return v;
}

json history_budget_view(const std::vector<PlanAndSpending>& years, const std::string& slug) {
    json v;
    bool any_budget = false;
    json rows = json::array(), cats = json::array(), planned = json::array(), spent = json::array();
    for (const auto& y : years) {
        any_budget = any_budget || y.budget;
        std::string folder = "../../" + std::to_string(y.year) + "/" + slug + "/";
        rows.push_back({{"year", y.year}, {"planned", money_sortable(y.planned)}, {"spent", money_sortable(y.spent)},
                        {"rate", {{"text", execution_rate_text(y.rate_pct_micro)}, {"sort", y.rate_pct_micro ? std::to_string(*y.rate_pct_micro) : ""}}},
                        {"actual_link", y.actual ? json(folder + "index.html") : json(nullptr)},
                        {"budget_link", y.budget ? json(folder + slug + ".budget.json") : json(nullptr)},
                        {"plan_only", y.budget && !y.actual}});
        cats.push_back(std::to_string(y.year));
        planned.push_back(money_number(y.planned));
        spent.push_back(money_number(y.spent));
    }
    v["show"] = any_budget;
    v["rows"] = rows;
    v["chart"] = json_for_script({{"type", "line"}, {"unit", "万元"}, {"categories", cats},
                                  {"series", json::array({{{"name", "预算（支出总计）"}, {"data", planned}},
                                                          {{"name", "决算（本年支出合计）"}, {"data", spent}}})}});
    return v;
}

}  // namespace gongkai
