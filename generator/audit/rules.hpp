#pragma once
// The rule families, each a function that runs its checks on an Auditor.
#include "audit/auditor.hpp"

namespace gongkai {

// Identities inside each table and between tables (01–09).
void audit_tables(Auditor& a);
// Every narrative figure recomputed from the tables where it can be.
void audit_narrative(Auditor& a);

}  // namespace gongkai
