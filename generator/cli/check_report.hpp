#pragma once
// Output of `gongkai check`: the problems in the input (invalid filings, folder-level and cross-file
// problems) and the audit findings of every valid filing, as text or JSON.
#include <string>
#include <vector>

#include "audit/finding.hpp"
#include "error/problem.hpp"
#include "model/filing.hpp"

namespace gongkai {

// What `gongkai check` found: the audited filings and their reports (index for index), the input's problems
// and the filings left out because they are invalid; and the audited 部门预算 with theirs, when given (listed
// after the 决算, each entry with its kind, and counted in the totals).
struct CheckResult {
    const std::vector<Filing>& filings;
    const std::vector<AuditReport>& audits;
    const ProblemList& problems;
    const std::vector<std::string>& invalid_filings;
    const std::vector<Filing>* budgets = nullptr;
    const std::vector<AuditReport>* budget_audits = nullptr;
};

// Human-readable report: the input's problems by file (an invalid filing is named as not audited), then one
// block per audited filing with findings, cells and sentences, then the totals.
std::string check_report_text(const CheckResult& r);
// Machine-readable report (stable key order, UTF-8): "problems" [{file, pointer, expected, found, context}],
// "invalid_filings" [paths], "filings" [audited filings with their kind (决算/预算) and findings] and "summary".
std::string check_report_json(const CheckResult& r);

// True when `gongkai check` must exit 1: a problem in the input or an audit error.
bool check_failed(const CheckResult& r);

}  // namespace gongkai
