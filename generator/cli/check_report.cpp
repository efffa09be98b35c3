#include "cli/check_report.hpp"

#include <nlohmann/json.hpp>

namespace gongkai {

namespace {
struct Totals {
    int errors = 0, warnings = 0, notes = 0;
};

Totals totals_of(const std::vector<AuditReport>& audits) {
    Totals t;
    for (const auto& r : audits) {
        t.errors += r.count(Severity::Error);
        t.warnings += r.count(Severity::Warning);
        t.notes += r.count(Severity::Info);
    }
    return t;
}
}  // namespace

std::string check_report_text(const std::vector<Filing>& filings, const std::vector<AuditReport>& audits) {
    std::string out;
    for (std::size_t i = 0; i < filings.size(); ++i) {
        const Filing& f = filings[i];
        const AuditReport& r = audits[i];
        out += f.path + ": " + f.county.name + " " + f.department_name + " " + std::to_string(f.year) + "年度: " +
               std::to_string(r.rules_passed()) + "/" + std::to_string(r.rules_applied()) + " rules passed, " +
               std::to_string(r.count(Severity::Error)) + " error(s), " + std::to_string(r.count(Severity::Warning)) + " warning(s)\n";
        for (const auto& fd : r.findings) {
            out += "  " + severity_id(fd.severity) + " [" + fd.rule + "] " + fd.message + "\n";
            for (const auto& c : fd.cells)
                out += "      " + c.label + " = " + (c.printed.empty() ? std::string("(空白)") : c.printed) + "  " + c.pointer + "\n";
            if (!fd.sentence.empty()) out += "      原文：" + fd.sentence + "\n";
        }
    }
    Totals t = totals_of(audits);
    out += std::to_string(filings.size()) + " filing(s): " + std::to_string(t.errors) + " error(s), " + std::to_string(t.warnings) +
           " warning(s), " + std::to_string(t.notes) + " note(s)\n";
    return out;
}

std::string check_report_json(const std::vector<Filing>& filings, const std::vector<AuditReport>& audits) {
    nlohmann::ordered_json root;
    root["format"] = "gongkai-check/1";
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < filings.size(); ++i) {
        const Filing& f = filings[i];
        const AuditReport& r = audits[i];
        nlohmann::ordered_json findings = nlohmann::ordered_json::array();
        for (const auto& fd : r.findings) {
            nlohmann::ordered_json cells = nlohmann::ordered_json::array();
            for (const auto& c : fd.cells)
                cells.push_back({{"table", c.table}, {"block", c.block}, {"row", c.row}, {"column", c.column}, {"label", c.label},
                                 {"printed", c.printed.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.printed)},
                                 {"pointer", c.pointer}});
            findings.push_back({{"rule", fd.rule}, {"severity", severity_id(fd.severity)}, {"message", fd.message},
                                {"expected", fd.expected}, {"found", fd.found}, {"tolerance", fd.tolerance}, {"cells", cells},
                                {"sentence", fd.sentence}});
        }
        list.push_back({{"file", f.path}, {"county", f.county.name}, {"department", f.department_name}, {"year", f.year},
                        {"rules_applied", r.rules_applied()}, {"rules_passed", r.rules_passed()}, {"findings", findings}});
    }
    root["filings"] = list;
    Totals t = totals_of(audits);
    root["summary"] = {{"filings", filings.size()}, {"errors", t.errors}, {"warnings", t.warnings}, {"notes", t.notes}};
    return root.dump(2) + "\n";
}

}  // namespace gongkai
