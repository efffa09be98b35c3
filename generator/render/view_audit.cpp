#include "render/view_audit.hpp"

namespace gongkai {

using nlohmann::json;

json finding_view(const Finding& fd, const std::string& link_prefix) {
    json cells = json::array();
    for (const auto& c : fd.cells)
        cells.push_back({{"label", c.label}, {"printed", c.printed.empty() ? "空白" : c.printed},
                         {"link", link_prefix + "#" + c.anchor + (c.table == "narrative" || c.column.empty() ? "" : "--" + c.column)}});
    return {{"rule", fd.rule}, {"severity", severity_id(fd.severity)}, {"severity_label", severity_label(fd.severity)},
            {"message", fd.message}, {"expected", fd.expected}, {"found", fd.found}, {"cells", cells}, {"sentence", fd.sentence}};
}

json audit_panel_view(const AuditReport& audit, const std::string& root) {
    json findings = json::array();
    for (std::size_t i = 0; i < audit.findings.size(); ++i) {
        json fv = finding_view(audit.findings[i], "");
        fv["anchor"] = "finding-" + std::to_string(i + 1);
        findings.push_back(std::move(fv));
    }
    return {{"root", root}, {"rules_applied", audit.rules_applied()}, {"rules_passed", audit.rules_passed()},
            {"errors", audit.count(Severity::Error)}, {"warnings", audit.count(Severity::Warning)},
            {"notes", audit.count(Severity::Info)}, {"findings", findings}, {"has_findings", !audit.findings.empty()},
            {"clean", audit.count(Severity::Error) == 0 && audit.count(Severity::Warning) == 0}};
}

std::string audit_status_text(const AuditReport& audit) {
    int errors = audit.count(Severity::Error), warnings = audit.count(Severity::Warning);
    if (errors == 0 && warnings == 0) return "未发现不一致";
    return std::to_string(errors + warnings) + " 处数字不一致";
}

std::map<std::string, std::string> finding_anchor_by_cell(const AuditReport& audit) {
    std::map<std::string, std::string> out;
    for (std::size_t i = 0; i < audit.findings.size(); ++i) {
        const Finding& fd = audit.findings[i];
        if (fd.severity == Severity::Info) continue;
        for (const auto& c : fd.cells)
            out.emplace(c.table == "narrative" ? c.anchor : cell_key(c.table, c.block, c.row, c.column), "finding-" + std::to_string(i + 1));
    }
    return out;
}

}  // namespace gongkai
