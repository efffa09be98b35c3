#include "audit/metric_cells.hpp"

#include <map>

namespace gongkai {

namespace {

using K = TableKind;

// 三公 item names of the metric vocabulary -> rows of the 三公 table.
const std::map<std::string, std::string>& three_public_rows() {
    static const std::map<std::string, std::string> rows = {
        {"total", "total"}, {"abroad", "abroad"}, {"vehicle", "vehicle_subtotal"},
        {"vehicle_purchase", "vehicle_purchase"}, {"vehicle_operation", "vehicle_operation"}, {"reception", "reception"}};
    return rows;
}

}  // namespace

std::optional<CellAddress> metric_cell(const std::string& metric, const std::string& code) {
    static const std::map<std::string, CellAddress> fixed = {
        {"total.amount", {K::IncomeExpenditureSummary, "income", "grand_total", "amount"}},
        {"income.total", {K::IncomeExpenditureSummary, "income", "total_income", "amount"}},
        {"expenditure.total", {K::IncomeExpenditureSummary, "expenditure", "total_expenditure", "amount"}},
        {"fiscal.total", {K::FiscalSummary, "income", "grand_total", "amount"}},
        {"gb.total", {K::GeneralBudgetExpenditure, "main", "total", "total"}},
        {"gb.actual", {K::GeneralBudgetExpenditure, "main", "total", "total"}},
        {"basic.total", {K::GeneralBudgetExpenditure, "main", "total", "basic"}},
        {"basic.personnel.amount", {K::BasicExpenditure, "main", "personnel_total", "amount"}},
        {"basic.public.amount", {K::BasicExpenditure, "main", "public_total", "amount"}},
        {"operating_cost.amount", {K::BasicExpenditure, "main", "public_total", "amount"}},
    };
    if (auto it = fixed.find(metric); it != fixed.end()) return it->second;
    for (const char* src : {"fiscal", "higher_subsidy", "business", "operating", "affiliated", "other"})
        if (metric == std::string("income.") + src + ".amount") return CellAddress{K::Income, "main", "total", src};
    for (const char* kind : {"basic", "project", "to_higher", "operating", "affiliated_subsidy"})
        if (metric == std::string("expenditure.") + kind + ".amount") return CellAddress{K::Expenditure, "main", "total", kind};
    if ((metric == "gb.class.amount" || metric == "gb.item.actual") && !code.empty())
        return CellAddress{K::GeneralBudgetExpenditure, "main", code, "total"};
    // 政府性基金 and 国有资本经营 figures, by the gb.* pattern, against tables 07 and 08 (合计 row or the code's row).
    for (auto [stem, kind] : {std::pair{"gov_fund", K::GovernmentFund}, std::pair{"state_capital", K::StateCapital}}) {
        const std::string s = stem;
        if (metric.rfind(s + ".", 0) != 0) continue;
        if (metric == s + ".total" || metric == s + ".actual") return CellAddress{kind, "main", "total", "total"};
        if (metric == s + ".income") return CellAddress{kind, "main", "total", "income"};
        if ((metric == s + ".class.amount" || metric == s + ".item.actual") && !code.empty())
            return CellAddress{kind, "main", code, "total"};
        return std::nullopt;
    }
    if (metric.rfind("three_public.", 0) == 0) {
        for (const auto& [item, row] : three_public_rows()) {
            if (metric == "three_public." + item + ".budget") return CellAddress{K::ThreePublic, "main", row, "budget"};
            if (metric == "three_public." + item + ".actual") return CellAddress{K::ThreePublic, "main", row, "actual"};
        }
    }
    return std::nullopt;
}

}  // namespace gongkai
