#pragma once
// The parts of a 部门决算 around its tables: what the document is, the department and year, the 概况,
// the 情况说明's sections, the 名词解释 and attachments.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/layout/flow.hpp"
#include "import/layout/placement.hpp"

namespace gongkai::import {

struct NarrativeSection {
    std::string id;     // the section's number as printed, e.g. "一"
    std::string title;  // the heading as printed, e.g. "一、收入支出决算总体情况说明"
    std::string text;   // the full text as printed: wrapped lines joined, paragraphs separated by '\n'
};

// A part heading of the document as printed (the body's, not the table of contents'), e.g.
// {"第二部分", "部门决算表"}; written to the filing's "parts".
struct DocumentPart {
    std::string number;  // "第二部分"
    std::string title;   // "部门决算表"
};

struct DocumentStructure {
    // What the document is: "决算" for a department's final accounts, "预算" for a budget,
    // "" when it cannot tell. `description` says it in words for messages, e.g. "a 部门预算 (budget)".
    std::string kind;
    std::string description;
    std::string title;            // e.g. "湘潭县人民政府办公室2024年度部门决算"
    std::string department_name;  // as printed
    int year = 0;                 // fiscal year, 0 when not found
    nlohmann::json overview = nlohmann::json::object();   // the filing's "overview"
    std::vector<NarrativeSection> sections;              // the 情况说明
    nlohmann::json glossary = nlohmann::json::array();    // the filing's "glossary"
    nlohmann::json attachments = nlohmann::json::array(); // the filing's "attachments"
    std::vector<Unplaced> unplaced;                       // text lines it could not assign to a part
    std::vector<DocumentPart> parts;                      // the part headings, in order
};

// Reads the document's structure; lines listed in `table_lines` (from read_tables) are skipped.
DocumentStructure read_structure(const Flow& flow, const std::vector<std::size_t>& table_lines);

}  // namespace gongkai::import
