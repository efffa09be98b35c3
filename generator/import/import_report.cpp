#include "import/import_report.hpp"

#include <nlohmann/json.hpp>

namespace gongkai::import {

namespace {

using ojson = nlohmann::ordered_json;

std::string pages_of(const std::vector<int>& pages) {
    if (pages.empty()) return "";
    if (pages.front() == pages.back()) return "p" + std::to_string(pages.front());
    return "p" + std::to_string(pages.front()) + "–" + std::to_string(pages.back());
}

std::string where(const Unplaced& u) {
    return u.line_number > 0 ? "line " + std::to_string(u.line_number) : "p" + std::to_string(u.page);
}

int cells_read(const ImportReport& r) {
    int n = 0;
    for (const auto& t : r.tables) n += t.cells_read;
    return n;
}

}  // namespace

std::string progress_line(const ImportReport& r, std::size_t index, std::size_t total) {
    std::string s = "[" + std::to_string(index) + "/" + std::to_string(total) + "] " + r.file + ": ";
    if (!r.imported) return s + "not imported: " + r.error;
    s += r.department + " " + std::to_string(r.year) + (r.kind == "预算" ? "年部门预算" : "年度");
    s += r.written.empty() ? "" : " -> " + r.written;
    s += " (" + std::to_string(r.tables.size()) + " tables, " + std::to_string(cells_read(r)) + " cells, " +
         std::to_string(r.unplaced.size()) + " not placed, " + std::to_string(r.figures) + " figures, " +
         std::to_string(r.unmapped.size()) + " numbers not mapped, " + std::to_string(r.audit.count(Severity::Error)) +
         " audit errors)";
    return s;
}

std::string import_report_text(const std::vector<ImportReport>& reports) {
    std::string out;
    for (const auto& r : reports) {
        out += "== " + r.file;
        if (!r.source_kind.empty()) out += " (" + r.source_kind + (r.pages > 1 ? ", " + std::to_string(r.pages) + " pages" : "") + ")";
        out += "\n";
        if (!r.imported) {
            out += "   NOT IMPORTED: " + r.error + "\n";
            for (const auto& p : r.format_problems) out += "     " + p.to_string() + "\n";
        } else {
            out += "   " + r.department + " " + std::to_string(r.year) + (r.kind == "预算" ? "年部门预算" : "年度部门决算") +
                   ", slug " + r.slug;
            out += r.written.empty() ? "\n" : " -> " + r.written + "\n";
        }
        if (!r.kind.empty())
            out += "   kind: " + std::string(r.kind == "预算" ? "部门预算 (budget)" : "部门决算 (final accounts)") +
                   (r.document.empty() ? "" : " — " + r.document) + "\n";
        if (!r.tables.empty()) {
            out += "   tables found (" + std::to_string(r.tables.size()) + "):\n";
            for (const auto& t : r.tables)
                out += "     " + t.title + " [" + t.kind + "] " + pages_of(t.pages) + ", " + std::to_string(t.rows) + " rows x " +
                       std::to_string(t.columns) + " columns, " + std::to_string(t.cells_read) + " cells read\n";
        }
        if (!r.unrecognised.empty()) {
            out += "   tables printed under no title gongkai knows (" + std::to_string(r.unrecognised.size()) + "):\n";
            for (const auto& t : r.unrecognised)
                out += "     " + t.title + " " + pages_of(t.pages) + ", " + std::to_string(t.rows) + " rows\n";
        }
        if (!r.missing_tables.empty()) {
            out += r.imported ? "   tables the document does not print (listed as absent):" : "   tables missing:";
            for (const auto& m : r.missing_tables) out += " " + m;
            out += "\n";
        }
        out += "   not placed (" + std::to_string(r.unplaced.size()) + ")" + (r.unplaced.empty() ? "\n" : ":\n");
        for (const auto& u : r.unplaced) out += "     " + where(u) + ": \"" + u.text + "\" — " + u.reason + "\n";
        if (r.imported) {
            out += "   narrative: " + std::to_string(r.sections) + " sections, " + std::to_string(r.figures) + " figures; " +
                   std::to_string(r.glossary) + " glossary terms, " + std::to_string(r.attachments) + " attachments\n";
            out += "   numbers not mapped to a metric (" + std::to_string(r.unmapped.size()) + ")" + (r.unmapped.empty() ? "\n" : ":\n");
            for (const auto& u : r.unmapped) out += "     [" + u.section + "] " + u.number + " in: " + u.sentence + "\n";
            out += "   audit: " + std::to_string(r.audit.rules_passed()) + "/" + std::to_string(r.audit.rules_applied()) +
                   " rules passed, " + std::to_string(r.audit.count(Severity::Error)) + " error(s), " +
                   std::to_string(r.audit.count(Severity::Warning)) + " warning(s)\n";
            for (const auto& f : r.audit.findings) {
                out += "     " + severity_id(f.severity) + " [" + f.rule + "] " + f.message + "\n";
                if (!f.sentence.empty()) out += "       原文：" + f.sentence + "\n";
            }
        }
    }
    std::size_t ok = 0;
    for (const auto& r : reports) ok += r.imported ? 1 : 0;
    out += std::to_string(reports.size()) + " document(s): " + std::to_string(ok) + " imported, " +
           std::to_string(reports.size() - ok) + " not imported\n";
    return out;
}

std::string import_report_json(const std::vector<ImportReport>& reports) {
    ojson docs = ojson::array();
    std::size_t ok = 0;
    for (const auto& r : reports) {
        ok += r.imported ? 1 : 0;
        ojson d;
        d["file"] = r.file;
        d["source"] = r.source_kind;
        d["pages"] = r.pages;
        d["imported"] = r.imported;
        d["error"] = r.imported ? ojson(nullptr) : ojson(r.error);
        d["written"] = r.written.empty() ? ojson(nullptr) : ojson(r.written);
        d["department"] = r.department;
        d["year"] = r.year;
        d["slug"] = r.slug;
        d["kind"] = r.kind.empty() ? ojson(nullptr) : ojson(r.kind);
        d["document"] = r.document;
        ojson tables = ojson::array();
        for (const auto& t : r.tables)
            tables.push_back({{"kind", t.kind}, {"title", t.title}, {"pages", t.pages}, {"rows", t.rows}, {"columns", t.columns},
                              {"cells_read", t.cells_read}});
        d["tables"] = tables;
        d["missing_tables"] = r.missing_tables;
        ojson unrecognised = ojson::array();
        for (const auto& t : r.unrecognised) unrecognised.push_back({{"title", t.title}, {"pages", t.pages}, {"rows", t.rows}});
        d["unrecognised_tables"] = unrecognised;
        ojson unplaced = ojson::array();
        for (const auto& u : r.unplaced)
            unplaced.push_back({{"page", u.page}, {"line", u.line_number}, {"text", u.text}, {"reason", u.reason}});
        d["not_placed"] = unplaced;
        d["narrative"] = {{"sections", r.sections}, {"figures", r.figures}, {"glossary", r.glossary}, {"attachments", r.attachments}};
        ojson unmapped = ojson::array();
        for (const auto& u : r.unmapped) unmapped.push_back({{"section", u.section}, {"number", u.number}, {"sentence", u.sentence}});
        d["not_mapped"] = unmapped;
        ojson problems = ojson::array();
        for (const auto& p : r.format_problems) problems.push_back(p.to_string());
        d["format_problems"] = problems;
        ojson findings = ojson::array();
        for (const auto& f : r.audit.findings)
            findings.push_back({{"rule", f.rule}, {"severity", severity_id(f.severity)}, {"message", f.message},
                                {"expected", f.expected}, {"found", f.found}, {"sentence", f.sentence}});
        d["audit"] = {{"rules_applied", r.audit.rules_applied()}, {"rules_passed", r.audit.rules_passed()},
                      {"errors", r.audit.count(Severity::Error)}, {"warnings", r.audit.count(Severity::Warning)},
                      {"findings", findings}};
        docs.push_back(d);
    }
    ojson root;
    root["format"] = "gongkai-import-report/1";
    root["documents"] = docs;
    root["summary"] = {{"documents", reports.size()}, {"imported", ok}, {"not_imported", reports.size() - ok}};
    return root.dump(2) + "\n";
}

}  // namespace gongkai::import
