#pragma once
// A 万元 amount printed with 元: shared by the narrative rule (n-unit, a stated figure against its table cell) and
// the text rule (text-unit, an amount in an attachment against the tables), so that both decide and word it alike.
#include <string>

#include "audit/auditor.hpp"

namespace gongkai {

// True when `stated` — an amount printed with 元, its number taken as printed (not converted) — has the number of
// the 万元 figure `table` within the rounding of both, and that figure is not zero: the 元 is a slip for 万元.
bool is_unit_slip(const Term& stated, const Term& table);

// The finding for such a slip: the stated amount (its cells first) against the table's figure, sized as the
// stated amount read in 元 against the table's 万元 (CheckKind::Unit). `where` names the place in the message
// ("说明中", "附件《…》中"); `printed` is the number as printed.
Finding unit_slip_finding(const std::string& rule, const Term& stated, const Term& table, const std::string& printed,
                          const std::string& where, const std::string& sentence);

}  // namespace gongkai
