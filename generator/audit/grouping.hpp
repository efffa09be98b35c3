#pragma once
// Findings with one root cause, shown together: when several findings name the same cell (one wrong total
// breaks a row sum and a column sum; a narrative figure repeats a cell a table rule already doubts), they
// form one group with that shared cell as the cause. Groups keep the report's materiality order.
#include <cstddef>
#include <optional>
#include <vector>

#include "audit/finding.hpp"

namespace gongkai {

struct FindingGroup {
    std::optional<CellRef> cause;      // the cell every member names; none for a finding on its own
    std::vector<std::size_t> members;  // indices into AuditReport::findings, most material first
};

// The groups of a report, in display order: each group where its most material member stands in the report's
// order. Repeatedly, the cell named by the most findings not yet grouped (at least two; a narrative figure only
// when some finding is about it, not merely computed with it; ties: a table cell before a figure, then the cell
// the most material of them names first) makes a group of those findings.
std::vector<FindingGroup> group_findings(const AuditReport& r);

// Each finding's number in display order (1-based; groups keep their members together): number[i] is the
// number of AuditReport::findings[i]. The page gives finding i the element id "finding-<number[i]>".
std::vector<int> display_numbers(const std::vector<FindingGroup>& groups, std::size_t finding_count);

}  // namespace gongkai
