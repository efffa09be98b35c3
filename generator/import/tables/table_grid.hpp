#pragma once
// The grids of a table segment as the mappers see them: rows as per-column texts, the header rows of each
// grid with the label stack of every column (spanning header cells apply to every column they span), and
// the 栏次 row that is no data row. Shared by the code-table and basic-expenditure mappers.
#include <string>
#include <vector>

#include "import/layout/flow.hpp"
#include "import/layout/placement.hpp"
#include "import/tables/table_segment.hpp"

namespace gongkai::import {

// One row of a grid: the flow line and the trimmed text of each grid column ("" when blank or covered by a
// cell that starts in an earlier column).
struct GridRow {
    std::size_t line = 0;
    std::vector<std::string> cells;
};

// A column's header: the normalised labels from top to bottom (empty ones left out) and its x range.
struct ColumnHeads {
    std::vector<std::string> labels;
    double x0 = 0, x1 = 0;
    // The lowest label, the one printed right above the data ("" when the column has no header).
    std::string leaf() const { return labels.empty() ? std::string() : labels.back(); }
};

// One grid of the segment: its header rows, its column headers and its body rows (栏次 row left out).
struct SegmentGrid {
    int grid = -1;
    int columns = 0;
    std::vector<GridRow> header;
    std::vector<ColumnHeads> heads;  // one per column; labels empty when the grid prints no header
    std::vector<GridRow> body;
    std::vector<std::size_t> column_number_rows;  // flow lines of 栏次 rows
};

// Decides whether a row already belongs to the body of the table (the first such row ends the header).
using BodyRowTest = bool (*)(const GridRow&);

// The grids of the segment in order; header rows are the rows before the first body row or 栏次 row. A row
// that repeats a grid's first header row after its body has begun (a continuation page's repeated header in
// extracted text) starts a new grid with the same grid id.
std::vector<SegmentGrid> segment_grids(const Flow& flow, const TableSegment& segment, BodyRowTest is_body_row);

// True for the 栏次 row: its first printed cell is 栏次, or its printed cells are 1, 2, 3… in order.
bool is_column_number_row(const GridRow& row);

// The trimmed text of a value cell as printed, or null for a blank cell. A printed text that is not an
// amount is reported to `unplaced` (with `what` naming the cell) and read as null.
nlohmann::json value_of(const std::string& text, const FlowLine& line, const std::string& what,
                        std::vector<Unplaced>& unplaced);

// For a grid printed without a header (a continuation page): the columns of `previous` (with its header)
// that each of its columns falls under, by index when both have as many columns, else by x overlap (PDF).
// -1 where a column matches none.
std::vector<int> inherit_columns(const SegmentGrid& grid, const SegmentGrid& previous, const Flow& flow);

}  // namespace gongkai::import
