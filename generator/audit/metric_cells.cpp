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

std::vector<CellAddress> budget_metric_cells(const std::string& metric, const std::string& code) {
    using V = std::vector<CellAddress>;
    static const std::map<std::string, V> fixed = {
        {"total.amount", {{K::BudgetSummary, "income", "grand_total", "amount"}}},
        {"income.total", {{K::BudgetSummary, "income", "total_income", "amount"}, {K::BudgetIncome, "main", "total", "total"}}},
        {"expenditure.total", {{K::BudgetSummary, "expenditure", "total_expenditure", "amount"}, {K::BudgetExpenditure, "main", "total", "total"}}},
        {"fiscal.total", {{K::BudgetFiscalSummary, "expenditure", "total_expenditure", "total"},
                          {K::BudgetFiscalSummary, "expenditure", "grand_total", "total"}}},
        {"gb.total", {{K::BudgetGeneralFunction, "main", "total", "total"}, {K::BudgetFiscalSummary, "expenditure", "total_expenditure", "general_budget"}}},
        {"gov_fund.total", {{K::BudgetGovernmentFund, "main", "total", "total"}, {K::BudgetFiscalSummary, "expenditure", "total_expenditure", "government_fund"}}},
        {"state_capital.total", {{K::BudgetStateCapital, "main", "total", "total"}, {K::BudgetFiscalSummary, "expenditure", "total_expenditure", "state_capital"}}},
        {"basic.total", {{K::BudgetGeneralFunction, "main", "total", "basic"}, {K::BudgetBasicEconomic, "main", "total", "total"}}},
        {"basic.personnel.amount", {{K::BudgetBasicEconomic, "main", "total", "personnel"}}},
        {"basic.public.amount", {{K::BudgetBasicEconomic, "main", "total", "public"}}},
        {"operating_cost.amount", {{K::BudgetThreePublic, "main", "operating_cost", "budget"}, {K::BudgetOperatingCost, "main", "total", "amount"}}},
        {"meeting.amount", {{K::BudgetThreePublic, "main", "meeting", "budget"}}},
        {"training.amount", {{K::BudgetThreePublic, "main", "training", "budget"}}},
        {"procurement.total", {{K::BudgetProcurement, "main", "total", "total"}}},
        {"procurement.goods", {{K::BudgetProcurement, "main", "total", "goods"}}},
        {"procurement.works", {{K::BudgetProcurement, "main", "total", "works"}}},
        {"procurement.services", {{K::BudgetProcurement, "main", "total", "services"}}},
    };
    if (auto it = fixed.find(metric); it != fixed.end()) return it->second;
    // Income by source: the summary's line, else the 合计 row of the 收入预算总表 (the three funds: the 财政拨款 summary).
    for (const char* src : {"fiscal", "fiscal_special", "business", "operating", "other", "opening_balance"})
        if (metric == std::string("income.") + src + ".amount")
            return {{K::BudgetSummary, "income", src, "amount"}, {K::BudgetIncome, "main", "total", src}};
    for (const char* fund : {"general_budget", "government_fund", "state_capital"})
        if (metric == std::string("income.") + fund + ".amount")
            return {{K::BudgetSummary, "income", fund, "amount"}, {K::BudgetFiscalSummary, "income", fund, "amount"}, {K::BudgetIncome, "main", "total", fund}};
    for (const char* kind : {"basic", "project", "reserve"})
        if (metric == std::string("expenditure.") + kind + ".amount")
            return {{K::BudgetExpenditure, "main", "total", kind}, {K::BudgetSummary, "expenditure", kind, "amount"}};
    // Per function code: the fund's function table (一般公共预算, 政府性基金, 国有资本经营).
    for (auto [stem, kind] : {std::pair{"gb", K::BudgetGeneralFunction}, std::pair{"gov_fund", K::BudgetGovernmentFund},
                              std::pair{"state_capital", K::BudgetStateCapital}}) {
        const std::string s = stem;
        if ((metric == s + ".class.amount" || metric == s + ".item.amount") && !code.empty()) return {{kind, "main", code, "total"}};
    }
    if (metric.rfind("three_public.", 0) == 0)
        for (const auto& [item, row] : three_public_rows())
            if (metric == "three_public." + item + ".budget") return {{K::BudgetThreePublic, "main", row, "budget"}};
    return {};
}

}  // namespace gongkai
