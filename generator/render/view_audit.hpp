#pragma once
// The audit as citizens see it: the short status near the top of a department page, the findings panel
// (site-templates/audit-panel.mustache), and the link from every highlighted cell back to its finding.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "audit/finding.hpp"

namespace gongkai {

// One finding as a view object; `link_prefix` is prepended to cell anchors ("" on the department page).
nlohmann::json finding_view(const Finding& f, const std::string& link_prefix);

// The view of the findings panel of a department page (template "audit-panel", rendered without layout).
// `root` is the relative prefix to the site root (for links to the rules page).
nlohmann::json audit_panel_view(const AuditReport& audit, const std::string& root);

// A short status line for the top of a department page, e.g. "3 处说明与表格不符" or "未发现不一致".
std::string audit_status_text(const AuditReport& audit);

// For every table cell (cell_key) and narrative figure (its anchor, "fig-N") that a finding names, the
// element id of that finding on the department page ("finding-N"); cells of notes-only findings are left out.
std::map<std::string, std::string> finding_anchor_by_cell(const AuditReport& audit);

}  // namespace gongkai
