#include "audit/audit.hpp"

#include "audit/rules.hpp"

namespace gongkai {

AuditReport audit_filing(const Filing& f) {
    Auditor a(f);
    audit_tables(a);
    audit_narrative(a);
    return a.take_report();
}

}  // namespace gongkai
