#pragma once
// The audit as citizens see it: the short status near the top of a department page, the findings panel
// (site-templates/audit-panel.mustache) with findings grouped by root cause and ordered by materiality,
// each under a plain-language headline, and the link from every highlighted cell back to its finding.
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "audit/finding.hpp"

namespace gongkai {

// One finding as a view object; `link_prefix` is prepended to cell anchors ("" on the department page).
// Fields: rule, rule_title, severity, severity_label, minor (a 尾差), headline (plain words, both numbers, no
// rule id), message (the technical wording), expected, found, tolerance, difference ("0.01 万元"), relative
// ("0.003%"), cells [{label, printed, link}], sentence, and materiality: a number that sorts the most material
// finding first (ascending), also as `materiality_sort` text for sortable tables.
nlohmann::json finding_view(const Finding& f, const std::string& link_prefix);

// Orders an array of finding views (finding_view) by their "materiality", most material first; views with
// equal materiality keep their order. For lists that gather findings of several filings (the county table).
void sort_by_materiality(nlohmann::json& finding_views);

// A finding in plain words for a citizen, with both numbers and the size of the difference, e.g.
// "支出决算表里“合计”的基本支出印成 1,310.87 万元，但各项加起来是 1,310.86 万元，相差 0.01 万元（尾差）".
std::string finding_headline(const Finding& f);

// The view of the findings panel of a department page (template "audit-panel", rendered without layout).
// `root` is the relative prefix to the site root (for links to the rules page). Findings come as `items`,
// one per root cause (audit/grouping.hpp), each with its `members`: one per display line, every line with anchor
// "finding-N". A finding repeated at several places of the narrative is one line whose headline says how often and
// where (`repeats` > 1; its cells and sentences are all of theirs); no two lines of a panel have the same headline.
nlohmann::json audit_panel_view(const AuditReport& audit, const std::string& root);

// Root causes (the groups of audit/grouping.hpp: a shared cell, or one finding repeated at several places) by the
// severity of their most material finding. The department page and the county dashboard count with this.
struct RootCauseCounts {
    int errors = 0, warnings = 0, minors = 0, notes = 0;
};
RootCauseCounts root_cause_counts(const AuditReport& audit);

// The root causes of a report for a list that gathers several filings (the county dashboard): one view per root
// cause whose most material finding is not a note (提示), in the report's order. Each is the finding_view of the
// group's first line (links prefixed with `link_prefix`) under that line's headline as the department page shows
// it, with `anchor` ("finding-N" on the department page), `finding_link` (link_prefix + "#finding-N") and
// `related` (the other findings of the root cause, also said at the end of the headline).
nlohmann::json root_cause_views(const AuditReport& audit, const std::string& link_prefix);

// A short plain status for the top of a department page, counting root causes by kind, e.g.
// "3 处说明与表格不符，1 处尾差", or "未发现不一致".
std::string audit_status_text(const AuditReport& audit);

// For every table cell (cell_key) and narrative figure (its anchor, "fig-N") that a finding names, the
// element id of that finding on the department page ("finding-N", numbered in display order): the first
// finding shown that names it — for the cell a group shares, the group's first finding. Cells named only
// by notes (提示) are left out.
std::map<std::string, std::string> finding_anchor_by_cell(const AuditReport& audit);

// The cells and figures (keys as in finding_anchor_by_cell) that only 尾差 findings name: they are highlighted
// as a rounding-level difference, not as an error.
std::set<std::string> minor_only_cells(const AuditReport& audit);

}  // namespace gongkai
