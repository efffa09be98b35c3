#pragma once
// Recognises the nine 部门决算 tables, and the tables of a 部门预算, in a flow by their titles and headers
// (never by number or position) and maps every row and column to the filing format's vocabulary
// (docs/filing-format.md).
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/layout/flow.hpp"
#include "import/layout/placement.hpp"

namespace gongkai::import {

// One table as found in the document, for the import report.
struct FoundTable {
    std::string kind;            // format kind, e.g. "income_expenditure_summary"
    std::string title;           // the title as printed
    std::vector<int> pages;      // pages it spans
    int rows = 0, columns = 0;   // data rows and value columns read
    int cells_read = 0;          // value cells read (blank cells included)
};

struct TablesResult {
    nlohmann::json tables = nlohmann::json::array();  // the filing's "tables", in printed order
    std::vector<FoundTable> found;
    std::vector<std::string> missing;                 // kinds of the nine 决算 tables not found
    // Budget tables a table of contents lists, in its order (each kind once), as listed.
    struct Announced {
        std::string kind;
        std::string title;    // "收支预算总表"
        std::string ordinal;  // "一、"
    };
    std::vector<Announced> announced;
    std::vector<Unplaced> unplaced;                   // cells and rows that could not be placed
    std::vector<std::size_t> table_lines;             // indices of flow lines that belong to tables
};

// Finds and reads every table of the flow.
TablesResult read_tables(const Flow& flow);

// The tables (grids) printed in the flow that no recognised title claimed (their rows are not among
// `table_lines`): each with the text line printed above it as its title ("(no title)" when none), its
// pages and its number of rows. For messages about a document of an unknown template.
std::vector<FoundTable> unrecognised_tables(const Flow& flow, const std::vector<std::size_t>& table_lines);

}  // namespace gongkai::import
