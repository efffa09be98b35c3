#pragma once
// Table grids rebuilt from a PDF page's ruling lines: collinear pieces are merged, connected rules form a
// grid, its row and column boundaries are the distinct positions of the horizontal and vertical rules, and a
// missing rule between two neighbouring cells merges them into one cell.
#include <vector>

#include "import/source/source_page.hpp"

namespace gongkai::import {

// A straight rule after merging its collinear pieces. Horizontal: y = pos, from x = a to x = b.
// Vertical: x = pos, from y = a to y = b.
struct RuleLine {
    double pos = 0, a = 0, b = 0;
};

// One ruled table. Elementary cells are the rectangles between neighbouring boundaries; a merged cell is a
// set of elementary cells with no rule between them (`region`).
struct Grid {
    std::vector<double> xs;  // column boundaries, ascending: column c runs from xs[c] to xs[c + 1]
    std::vector<double> ys;  // row boundaries, ascending: band r runs from ys[r] to ys[r + 1]
    std::vector<double> x_spread, y_spread;  // per boundary: how far its rules lie from it at most
    std::vector<RuleLine> horizontals, verticals;
    std::vector<int> region;  // rows() * cols(): the merged cell of each elementary cell (0-based ids)
    int region_count = 0;

    int rows() const { return static_cast<int>(ys.size()) - 1; }
    int cols() const { return static_cast<int>(xs.size()) - 1; }
    int region_at(int row, int col) const { return region[static_cast<std::size_t>(row * cols() + col)]; }
    Box box() const { return Box{xs.front(), ys.front(), xs.back(), ys.back()}; }
    // The band holding y, clamped to the grid (y outside the grid gives the first or last band).
    int row_of(double y) const;
    // The column holding x, clamped to the grid.
    int col_of(double x) const;
    // True when a vertical rule at boundary xs[k] covers most of band `row`.
    bool has_vertical(int k, int row) const;
    // True when a horizontal rule at boundary ys[k] covers most of column `col`.
    bool has_horizontal(int k, int col) const;
};

// Finds the page's table grids: every connected set of rules with at least 2 rows and 2 columns, or with one
// row of at least 3 columns (the last row of a table continued alone on the next page; the caller decides
// from its words whether it is one). Rules that form no such grid (an underline, a box around a title)
// give nothing. Grids come top to bottom.
std::vector<Grid> find_grids(const std::vector<Rule>& rules);

}  // namespace gongkai::import
