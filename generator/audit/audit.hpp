#pragma once
// The audit: runs every rule of the catalog on one filing. A finding never blocks publishing.
#include "audit/finding.hpp"
#include "model/code_mapping.hpp"
#include "model/filing.hpp"

namespace gongkai {

// Audits one filing: every check of every rule family, in a fixed order; the findings are listed by
// materiality (errors first, the largest relative difference first; see materiality.hpp), deterministically.
// `previous` is the same department's filing of the year before (county folder and slug), when loaded: the
// across-years rules compare the narrative's 上年 figures with it; `mappings` follows renamed function codes.
// A 部门预算 (kind "预算") runs the budget rules only (rules_budget_*.cpp). `budget`, for a 决算, is the same
// department's 部门预算 of the same year, when loaded: x-budget-final compares the 年初预算 the 决算 states with it.
// `coverage` false leaves the report's covered_cells empty (a site build, which shows no coverage, saves the
// key of every cell of every check); the findings are the same.
AuditReport audit_filing(const Filing& f, const Filing* previous = nullptr, const CodeMappings* mappings = nullptr,
                         const Filing* budget = nullptr, bool coverage = true);

}  // namespace gongkai
