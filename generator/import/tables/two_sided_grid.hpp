#pragma once
// Header analysis shared by the two-sided summary tables and the 三公 table: the leaf columns of a
// (possibly multi-level) printed header with the path of labels above each, and the placing of data cells
// under them by position. Works the same on PDF grids (cells with x-edges and spans) and extracted text
// (cells at field indices).
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/layout/flow.hpp"
#include "import/tables/table_segment.hpp"

namespace gongkai::import {

// One leaf column of a printed header.
struct HeaderColumn {
    double x0 = 0, x1 = 0;           // horizontal extent (PDF points; text: field index range)
    std::vector<std::string> path;   // labels top to bottom, whitespace removed, consecutive repeats dropped
    std::string leaf() const { return path.empty() ? std::string() : path.back(); }
};

// Indices (into flow.lines) of the segment's table rows, in order.
std::vector<std::size_t> segment_table_rows(const Flow& flow, const TableSegment& segment);

// Indices (into flow.lines) of the segment's text lines printed before its first table row (部门：…,
// 单位：…, 公开NN表 and their wrapped pieces): furniture of the table.
std::vector<std::size_t> segment_lines_before_rows(const Flow& flow, const TableSegment& segment);

// The leaf columns under the given header rows, left to right. Columns are cut at every cell edge of the
// header; adjacent pieces with the same label path form one column. For extracted text, where merged
// header cells are printed as a label followed by empty fields, an empty header field continues the label
// on its left when both stand under the same label of the row above.
std::vector<HeaderColumn> header_columns(const Flow& flow, const std::vector<std::size_t>& header_rows);

// Index of the column whose extent holds the cell's horizontal centre, or -1.
int column_of(const std::vector<HeaderColumn>& columns, const FlowCell& cell);

// True for a row of column numbers under the header: a 栏次 row, or a row of 1, 2, 3, … (at least three).
bool is_numbering_row(const FlowLine& row);

// True when every cell of the row is blank.
bool is_blank_row(const FlowLine& row);

// A value cell as the format holds it: the trimmed text, or null when blank.
nlohmann::json cell_value(const std::string& text);

// An Unplaced entry for a line of the flow (page and text-file line taken from it).
Unplaced unplaced_at(const FlowLine& line, const std::string& text, const std::string& reason);

}  // namespace gongkai::import
