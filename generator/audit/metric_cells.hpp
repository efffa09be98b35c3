#pragma once
// Which table cell publishes the amount a narrative figure states: the mapping from the format's metric ids
// (docs/filing-format.md) to (table, block, row, column), shared by the rules that compare a stated amount with
// the tables or fall back to the tables when the narrative names an amount without stating it.
#include <optional>
#include <string>

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

}  // namespace gongkai
