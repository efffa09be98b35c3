#pragma once
// Printed column labels of the code tables (收入决算表, 支出决算表, 05, 07, 08) and what they map to in the
// format's vocabulary (docs/filing-format.md), plus the labels of the code and name columns.
#include <string>
#include <vector>

namespace gongkai::import {

enum class ColumnRole { none, code, name, line, value };

struct ColumnMeaning {
    ColumnRole role = ColumnRole::none;
    std::string id;     // value columns: the format's column id
    std::string label;  // the label as printed (whitespace removed)
};

// The meaning of a column of a table of `kind` from its header labels (top to bottom, whitespace removed):
// the lowest label decides; role none (with that label) when the vocabulary does not know it.
ColumnMeaning column_meaning(const std::string& kind, const std::vector<std::string>& labels);

}  // namespace gongkai::import
