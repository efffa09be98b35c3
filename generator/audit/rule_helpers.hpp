#pragma once
// Small helpers shared by the table rules (rules_tables, rules_fund_tables, rules_budget_tables).
#include <optional>
#include <string>
#include <vector>

#include "audit/auditor.hpp"

namespace gongkai {

// A row as Auditor::cell names it: its code, or its key when it has none ("total", "blank" …).
inline std::string row_id(const Row& r) { return r.code.empty() ? r.key : r.code; }

// A blank term for something the publication does not print (a row, a class, a whole table): exactly nothing.
inline Term nothing(const std::string& label) {
    Term none;
    none.blank = true;
    none.label = label;
    return none;
}

// check_sum when the total is printed and at least one part is.
inline void sum_if(Auditor& a, const std::string& rule, const std::optional<Term>& total, const std::vector<Term>& parts,
                   const std::string& what) {
    if (total && !parts.empty()) a.check_sum(rule, *total, parts, what);
}

// check_same when both are printed.
inline void same_if(Auditor& a, const std::string& rule, const std::optional<Term>& x, const std::optional<Term>& y,
                    const std::string& what) {
    if (x && y) a.check_same(rule, *x, *y, what);
}

}  // namespace gongkai
