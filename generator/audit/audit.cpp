#include "audit/audit.hpp"

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
}  // namespace

AuditReport audit_filing(const Filing& f, const Filing* previous, const CodeMappings* mappings) {
    Auditor a(f, previous, mappings);
    audit_tables(a);
    audit_three_public(a);
    audit_narrative(a);
    audit_years(a);
    audit_comparison(a);
    audit_structure(a);
    audit_text(a);
    std::optional<std::int64_t> total = total_expenditure(a);
    AuditReport r = a.take_report();
    assess_share_of_total(r, total);
    order_by_materiality(r);
    return r;
}

}  // namespace gongkai
