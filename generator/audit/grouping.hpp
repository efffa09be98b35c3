#pragma once
// Findings with one root cause, shown together: when several findings name the same cell (one wrong total
// breaks a row sum and a column sum; a narrative figure repeats a cell a table rule already doubts), they
// form one group with that shared cell as the cause. Findings that say the same thing at several places of the
// narrative (repeats) are one line of their group, or a group of their own. Groups keep the report's materiality order.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "audit/finding.hpp"

namespace gongkai {

struct FindingGroup {
    std::optional<CellRef> cause;      // the cell every member names; none for a finding on its own or repeats
    std::vector<std::size_t> members;  // indices into AuditReport::findings, most material first
    // The members as display lines, in members' order: each line holds the members that are repeats of its
    // first (repeats_elsewhere), so a finding stated at three places of the narrative is one line.
    std::vector<std::vector<std::size_t>> lines;
};

// True when `a` and `b` say the same thing and differ only in where the narrative says it: the same rule,
// severity, kind of check, unit, values and side labels (a "情况说明（七（二））所述" label counts without its
// section), and cell by cell the same table cells, or narrative figures of the same metric, code and printed value.
bool repeats_elsewhere(const Finding& a, const Finding& b);

// The section of the narrative a figure label names ("情况说明（七（二））所述" -> "七（二）"); "" for other labels.
std::string narrative_section(const std::string& label);

// The groups of a report, in display order: each group where its most material member stands in the report's
// order. Repeatedly, the cell named by the most findings not yet grouped (at least two; a narrative figure only
// when some finding is about it, not merely computed with it; ties: a table cell before a figure, then the cell
// the most material of them names first) makes a group of those findings. Then findings not yet grouped that
// are repeats of each other (repeats_elsewhere) make a group without a cause cell. Every group has its lines.
std::vector<FindingGroup> group_findings(const AuditReport& r);

// Each display line's number in display order (1-based; groups keep their lines together): number[i] is the
// number of the line that shows AuditReport::findings[i] (repeats merged into one line share it). The page gives
// that line the element id "finding-<number[i]>". A group without lines numbers each member on its own.
std::vector<int> display_numbers(const std::vector<FindingGroup>& groups, std::size_t finding_count);

}  // namespace gongkai
