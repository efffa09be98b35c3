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
    };
    return vocab.at(kind);
}

bool row_key_allows_negative(std::string_view key) {
    return key.find("balance") != std::string_view::npos;
}

}  // namespace gongkai
