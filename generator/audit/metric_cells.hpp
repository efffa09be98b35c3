#pragma once
// Which table cell publishes the amount a narrative figure states: the mapping from the format's metric ids
// (docs/filing-format.md) to (table, block, row, column), shared by the rules that compare a stated amount with
// the tables or fall back to the tables when the narrative names an amount without stating it.
#include <optional>
#include <string>
#include <vector>

#include "model/filing.hpp"

namespace gongkai {

struct CellAddress {
    TableKind kind;
    const char* block;
    std::string row;  // a row key ("total") or a function code
    const char* column;
};

// The table cell an amount metric states (with `code` for per-code metrics), or nullopt when the standard
// tables do not publish that amount.
std::optional<CellAddress> metric_cell(const std::string& metric, const std::string& code);

// For a 部门预算 (kind "预算", docs/filing-format.md “Figures of a budget”): the budget table cells that may publish
// the planned amount a metric states, in order of preference — the first one the filing prints is compared (Shanghai's
// 部门财务收支预算总表 prints no 本年收入合计, so 收入预算 falls back to the 部门收入预算总表). Empty when no budget table
// publishes that amount.
std::vector<CellAddress> budget_metric_cells(const std::string& metric, const std::string& code);

}  // namespace gongkai
