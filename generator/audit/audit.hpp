#pragma once
// The audit: runs every rule of the catalog on one filing. A finding never blocks publishing.
#include "audit/finding.hpp"
#include "model/filing.hpp"

namespace gongkai {

// Audits one filing: every check of every rule family, in a fixed order; the findings are listed by
// materiality (errors first, the largest relative difference first; see materiality.hpp), deterministically.
AuditReport audit_filing(const Filing& f);

}  // namespace gongkai
