#pragma once
// The rule families, each a function that runs its checks on an Auditor.
#include "audit/auditor.hpp"

namespace gongkai {

// Identities inside each table and between tables (01–09).
void audit_tables(Auditor& a);
// Table 04 fund by fund: each fund's balance (t04-fund-balance), tables 07/08 against their fund's column and
// rows of table 04 (x04-07, x04-08) (rules_fund_tables.cpp; called by audit_tables).
void audit_fund_tables(Auditor& a);
// Table 06's 三公 items (30212, 30217, 30231, 31013) never exceed the 三公 table's 决算 (rules_three_public.cpp).
void audit_three_public(Auditor& a);
// Every narrative figure recomputed from the tables where it can be.
void audit_narrative(Auditor& a);
// The narrative's 上年 figures and changes against the same department's previous-year filing, when present.
void audit_years(Auditor& a);
// Comparison words (大于/小于/持平, 增加/减少 …) against the two amounts they compare (rules_comparison.cpp).
void audit_comparison(Auditor& a);
// Is the publication complete: the nine tables printed and none blank without a word, the document's parts
// and the 情况说明's sections of the national template present (rules_structure.cpp).
void audit_structure(Auditor& a);
// The printed words: unfilled placeholders and template leftovers, punctuation, years that disagree with the
// filing's year, 元 for 万元 in the attachments (rules_text*.cpp).
void audit_text(Auditor& a);

// 部门预算 (kind "预算") only. Totals, rows and code hierarchies of every budget table, and the same figure across
// budget tables (rules_budget_tables.cpp).
void audit_budget_tables(Auditor& a);
// 部门预算 only: the narrative's planned amounts, shares, changes and sums against the budget tables and each other
// (rules_budget_narrative.cpp).
void audit_budget_narrative(Auditor& a);
// 决算 only: the 年初预算 it states and prints (narrative, 三公 table) against the same department's 部门预算 of the
// same year, when loaded (x-budget-final, rules_budget_final.cpp).
void audit_budget_final(Auditor& a);

}  // namespace gongkai
