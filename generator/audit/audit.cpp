#include "audit/audit.hpp"

#include "audit/materiality.hpp"
#include "audit/rules.hpp"

namespace gongkai {

AuditReport audit_filing(const Filing& f) {
    Auditor a(f);
    audit_tables(a);
    audit_narrative(a);
    AuditReport r = a.take_report();
    order_by_materiality(r);
    return r;
}

}  // namespace gongkai
