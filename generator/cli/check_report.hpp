#pragma once
// Output of `gongkai check`: the audit findings of every filing as text or JSON.
#include <string>
#include <vector>

#include "audit/finding.hpp"
#include "model/filing.hpp"

namespace gongkai {

// Human-readable report: one block per filing with findings, cells and sentences.
std::string check_report_text(const std::vector<Filing>& filings, const std::vector<AuditReport>& audits);
// Machine-readable report (stable key order, UTF-8).
std::string check_report_json(const std::vector<Filing>& filings, const std::vector<AuditReport>& audits);

}  // namespace gongkai
