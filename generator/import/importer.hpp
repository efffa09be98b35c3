#pragma once
// gongkai import: a published 部门决算 or 部门预算 (PDF with a text layer, HTML, or extracted text) in, a
// checked filing out.
//
// import_document() runs the import stages in order — read the source, lay it out as one flow, recognise
// the tables, the document's structure and the narrative figures, assemble the filing, check it against the
// format and audit it — and returns the filing with a report of everything it read and could not place.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/finding.hpp"
#include "error/problem.hpp"
#include "import/layout/flow.hpp"
#include "import/layout/placement.hpp"
#include "import/narrative/figure_reader.hpp"
#include "import/tables/table_reader.hpp"

namespace gongkai::import {

// The county a filing belongs to, from DATA/<code>-<county>/county.json.
struct CountyInfo {
    std::string code, name, province;
    std::string dir;  // "430321-xiangtan"
};

// Finds the county folder of `code` under `data_dir` and reads its county.json. Throws ImportError naming
// what is missing (the folder, or a readable county.json).
CountyInfo find_county(const std::string& data_dir, const std::string& code);

// Everything the import of one document found, for the report.
struct ImportReport {
    std::string file;             // as given
    std::string source_kind;      // "pdf" or "text"
    int pages = 0;
    bool imported = false;        // a filing was produced
    std::string error;            // why not, when !imported
    std::string document;         // what the document is, e.g. "部门决算 (final accounts)"
    std::string kind;             // the filing's kind: "决算" or "预算" (budget); "" when not told
    std::string department;
    int year = 0;
    std::string slug;
    std::string written;          // the path written, when written
    std::vector<FoundTable> tables;
    std::vector<std::string> missing_tables;  // kinds of the tables listed as absent (or missing, when refused)
    std::vector<FoundTable> unrecognised;      // tables printed under no recognised title (when refused)
    std::vector<Unplaced> unplaced;          // cells and lines not placed
    int sections = 0, figures = 0, glossary = 0, attachments = 0;
    std::vector<UnmappedSentence> unmapped;  // numbers in sentences not mapped to a metric
    std::vector<Problem> format_problems;    // the assembled filing against the format (an importer bug)
    AuditReport audit;                       // the audit's findings on the imported filing
};

struct ImportedDocument {
    nlohmann::ordered_json filing;  // valid gongkai-filing JSON when report.imported
    ImportReport report;
};

// Imports one document for `county`. `slug` is the department's slug; when empty it is derived from the
// file name (lower-case ASCII words, a leading year dropped, for a budget a trailing "-budget" too) or the
// import fails asking for --slug. The document's kind (决算 or 预算) is told by the tables it prints (or,
// for a budget printing none, the tables its contents list); a document with neither is refused.
// Never throws for a bad document: the reason is in report.error.
ImportedDocument import_document(const std::string& path, const CountyInfo& county, const std::string& slug);

// Reads a document (PDF by its %PDF signature, else UTF-8 text) into its flow. PDFs are read in an isolated
// child process. Throws ImportError naming the reason.
Flow read_document_flow(const std::string& path);

// The slug a file name suggests ("2024-finance-bureau.pdf" -> "finance-bureau"), or "" when none.
std::string slug_from_file_name(const std::string& path);

// Internal command `gongkai __flow FILE`: prints the flow, one line per text line ("T p12 | text") or table
// row ("R p12 g3 | cell | cell"), for developing and debugging the importer.
int print_flow_main(const std::string& path);

}  // namespace gongkai::import
