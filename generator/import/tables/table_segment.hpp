#pragma once
// One table as located in the flow (by its title), and the mappers that turn it into the format's table.
// read_tables() (table_reader.cpp) finds the segments; one mapper per family of table layouts maps them.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/layout/flow.hpp"
#include "import/layout/placement.hpp"
#include "import/tables/table_reader.hpp"

namespace gongkai::import {

struct TableSegment {
    std::string kind;      // format kind recognised from the title (and header), e.g. "fiscal_summary"
    std::string title;     // the title as printed
    std::string number;    // e.g. "公开01表" as printed without spaces, or "" when none is printed
    std::string unit;      // from the printed 单位：, e.g. "万元"; "" when none is printed
    std::size_t title_line = 0;       // index in flow.lines of the title
    std::vector<std::size_t> lines;   // indices in flow.lines after the title, up to the next table or part:
                                      // its table rows (all grids, across pages) and the text lines among
                                      // them (部门：…, 单位：…, 公开NN表, 注：…, 说明：…, 本表无数据)
};

// A mapped table: the filing's table object, what the report says about it, and what could not be placed.
struct MappedTable {
    nlohmann::json table;
    FoundTable found;
    std::vector<Unplaced> unplaced;
    std::vector<std::size_t> used_lines;  // flow lines consumed by the table (title, header, rows, notes)
};

// income_expenditure_summary and fiscal_summary: two sides (收入 | 支出) printed on shared rows.
MappedTable map_two_sided_table(const Flow& flow, const TableSegment& segment);
// three_public: 三公 budget and actual per item, however the columns are grouped.
MappedTable map_three_public_table(const Flow& flow, const TableSegment& segment);
// income, expenditure, general_budget_expenditure, government_fund, state_capital: rows by function code.
MappedTable map_code_table(const Flow& flow, const TableSegment& segment);
// basic_expenditure: economic codes, possibly printed in side-by-side column groups.
MappedTable map_basic_expenditure_table(const Flow& flow, const TableSegment& segment);

// Fills the table's "notes" (printed 注) and "empty_explanation" (printed 说明 of an empty table) from the
// segment's text lines; returns the flow lines it used.
std::vector<std::size_t> read_table_notes(const Flow& flow, const TableSegment& segment, nlohmann::json& table);

}  // namespace gongkai::import
