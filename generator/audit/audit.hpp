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
AuditReport audit_filing(const Filing& f, const Filing* previous = nullptr, const CodeMappings* mappings = nullptr);

}  // namespace gongkai
