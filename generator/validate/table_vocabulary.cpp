#include "validate/table_vocabulary.hpp"

#include <map>

namespace gongkai {

const std::vector<BlockVocabulary>& vocabulary_for(TableKind kind) {
    static const std::map<TableKind, std::vector<BlockVocabulary>> vocab = {
        {TableKind::IncomeExpenditureSummary,
         {{"income", {"amount"},
           {"general_budget", "government_fund", "state_capital", "higher_subsidy", "business", "operating",
            "affiliated", "other", "total_income", "use_non_fiscal_balance", "opening_balance", "grand_total", "blank"}},
          {"expenditure", {"amount"},
           {"total_expenditure", "balance_distribution", "closing_balance", "grand_total", "blank"}}}},
        {TableKind::Income,
         {{"main", {"total", "fiscal", "higher_subsidy", "business", "operating", "affiliated", "other"}, {"total"}}}},
        {TableKind::Expenditure,
         {{"main", {"total", "basic", "project", "to_higher", "operating", "affiliated_subsidy"}, {"total"}}}},
        {TableKind::FiscalSummary,
         {{"income", {"amount"},
           {"general_budget", "government_fund", "state_capital", "total_income", "opening_balance",
            "opening_general_budget", "opening_government_fund", "opening_state_capital", "grand_total", "blank"}},
          {"expenditure", {"total", "general_budget", "government_fund", "state_capital"},
           {"total_expenditure", "closing_balance", "closing_general_budget", "closing_government_fund",
            "closing_state_capital", "grand_total", "blank"}}}},
        {TableKind::GeneralBudgetExpenditure, {{"main", {"total", "basic", "project"}, {"total"}}}},
        {TableKind::BasicExpenditure, {{"main", {"amount"}, {"personnel_total", "public_total"}}}},
        {TableKind::GovernmentFund,
         {{"main", {"opening_balance", "income", "total", "basic", "project", "closing_balance"}, {"total", "none"}}}},
        {TableKind::StateCapital,
         {{"main", {"opening_balance", "income", "total", "basic", "project", "closing_balance"}, {"total", "none"}}}},
        {TableKind::ThreePublic,
         {{"main", {"budget", "actual"},
           {"total", "abroad", "vehicle_subtotal", "vehicle_purchase", "vehicle_operation", "reception"}}}},
        // 部门预算 tables (Shanghai's nine, then Jiangsu's further ones). Columns and keys as for the 决算 where the
        // meaning is the same; fiscal_special = 财政专户管理资金, reserve = 单位预留机动经费 (Jiangsu).
        {TableKind::BudgetSummary,
         {{"income", {"amount"},
           {"fiscal", "general_budget", "government_fund", "state_capital", "fiscal_special", "business", "operating",
            "other", "total_income", "opening_balance", "grand_total", "blank"}},
          {"expenditure", {"amount"},
           {"total_expenditure", "basic", "project", "reserve", "closing_balance", "grand_total", "blank"}}}},
        {TableKind::BudgetIncome,
         {{"main", {"total", "fiscal", "general_budget", "government_fund", "state_capital", "fiscal_special", "business",
                    "operating", "other", "opening_balance"},
           {"total"}}}},
        {TableKind::BudgetExpenditure, {{"main", {"total", "basic", "project", "reserve"}, {"total"}}}},
        {TableKind::BudgetFiscalSummary,
         {{"income", {"amount"},
           {"general_budget", "government_fund", "state_capital", "total_income", "opening_balance", "grand_total", "blank"}},
          {"expenditure", {"total", "general_budget", "government_fund", "state_capital"},
           {"total_expenditure", "closing_balance", "grand_total", "blank"}}}},
        {TableKind::BudgetFiscalExpenditure, {{"main", {"total", "basic", "project", "reserve"}, {"total"}}}},
        {TableKind::BudgetFiscalBasic, {{"main", {"total", "personnel", "public"}, {"total"}}}},
        {TableKind::BudgetGeneralFunction, {{"main", {"total", "basic", "project", "reserve"}, {"total"}}}},
        {TableKind::BudgetBasicEconomic, {{"main", {"total", "personnel", "public"}, {"total"}}}},
        {TableKind::BudgetGovernmentFund, {{"main", {"total", "basic", "project"}, {"total", "none"}}}},
        {TableKind::BudgetStateCapital, {{"main", {"total", "basic", "project"}, {"total", "none"}}}},
        {TableKind::BudgetThreePublic,
         {{"main", {"budget"},
           {"total", "abroad", "vehicle_subtotal", "vehicle_purchase", "vehicle_operation", "reception", "operating_cost",
            "meeting", "training"}}}},
        {TableKind::BudgetOperatingCost, {{"main", {"amount"}, {"total"}}}},
        {TableKind::BudgetProcurement, {{"main", {"total", "goods", "works", "services"}, {"total", "item"}}}},
    };
    return vocab.at(kind);
}

bool row_key_allows_negative(std::string_view key) {
    return key.find("balance") != std::string_view::npos;
}

}  // namespace gongkai
