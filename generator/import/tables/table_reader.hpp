#pragma once
// Recognises the nine 部门决算 tables in a flow by their titles and headers (never by number or position)
// and maps every row and column to the filing format's vocabulary (docs/filing-format.md).
#include <string>
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
    std::vector<std::string> missing;                 // kinds of the nine not found
    std::vector<Unplaced> unplaced;                   // cells and rows that could not be placed
    std::vector<std::size_t> table_lines;             // indices of flow lines that belong to tables
};

// Finds and reads every table of the flow.
TablesResult read_tables(const Flow& flow);

}  // namespace gongkai::import
