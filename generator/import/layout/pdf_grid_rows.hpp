#pragma once
// A grid's words placed into its cells, and the grid as table rows.
#include <vector>

#include "import/layout/flow.hpp"
#include "import/layout/pdf_grid.hpp"
#include "import/source/source_page.hpp"

namespace gongkai::import {

// The elementary cell (row, column) a word belongs to. Normally the cell holding the word's centre; a word
// that starts in one cell and runs over into the next (long 科目名称 in spreadsheet exports overflow into an
// empty neighbour) stays in the cell where it starts, unless it sticks out of its centre cell on both sides
// alike (text centred in a cell too narrow for it).
struct CellPos {
    int row = 0, col = 0;
};
CellPos cell_of(const Grid& grid, const Box& word);

// The grid's rows: one FlowLine (kind table_row) per band, cells in column order covering all columns. A
// merged cell is one FlowCell spanning its columns; when it spans several bands its text goes to the band
// holding the middle of its words and the other bands get the cell blank. `words` are the words inside
// the grid; `grid_id` is stored in every row.
std::vector<FlowLine> grid_rows(const Grid& grid, const std::vector<const Word*>& words, int page, int grid_id,
                                double page_width);

}  // namespace gongkai::import
