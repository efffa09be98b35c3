#include "audit/audit.hpp"

#include <tuple>

#include "audit/materiality.hpp"
#include "audit/rules.hpp"

namespace gongkai {

namespace {
// The filing's 本年支出合计 as printed (01, else the 合计 of 03); nullopt when neither prints one.
std::optional<std::int64_t> total_expenditure(const Auditor& a) {
    auto t = a.cell(TableKind::IncomeExpenditureSummary, "expenditure", "total_expenditure", "amount");
    if (!t || t->blank) t = a.cell(TableKind::Expenditure, "main", "total", "total");
    if (!t || t->blank) return std::nullopt;
    return t->micro;
}

// A budget's planned 本年支出: the summary's 本年支出合计 or 支出总计, else the 支出预算总表's 合计.
std::optional<std::int64_t> budget_total_expenditure(const Auditor& a) {
    for (auto [kind, block, row, column] : {std::tuple{TableKind::BudgetSummary, "expenditure", "total_expenditure", "amount"},
                                            std::tuple{TableKind::BudgetSummary, "expenditure", "grand_total", "amount"},
                                            std::tuple{TableKind::BudgetExpenditure, "main", "total", "total"}})
        if (auto t = a.cell(kind, block, row, column); t && !t->blank) return t->micro;
    return std::nullopt;
}
}  // namespace

AuditReport audit_filing(const Filing& f, const Filing* previous, const CodeMappings* mappings, const Filing* budget, bool coverage) {
    Auditor a(f, previous, mappings, budget);
    a.set_coverage(coverage);
    const bool is_budget = f.kind == "预算";
    if (is_budget) {
        // A 部门预算 has its own tables and narrative: only the budget rules apply.
        audit_budget_tables(a);
        audit_budget_narrative(a);
    } else {
        audit_tables(a);
        audit_three_public(a);
        audit_narrative(a);
        audit_years(a);
        audit_comparison(a);
        audit_structure(a);
        audit_text(a);
        audit_budget_final(a);
    }
    std::optional<std::int64_t> total = is_budget ? budget_total_expenditure(a) : total_expenditure(a);
    AuditReport r = a.take_report();
    assess_share_of_total(r, total);
    order_by_materiality(r);
    return r;
}

}  // namespace gongkai
