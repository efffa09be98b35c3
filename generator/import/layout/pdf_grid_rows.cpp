#include "import/layout/pdf_grid_rows.hpp"

#include <algorithm>
#include <cmath>

#include "import/layout/pdf_words.hpp"

namespace gongkai::import {

namespace {

constexpr double kOverrun = 2.0;  // how far a word may stick out of its cell before it counts as overflow

}  // namespace

CellPos cell_of(const Grid& grid, const Box& word) {
    CellPos p{grid.row_of(word.cy()), grid.col_of(word.cx())};
    const int start = grid.col_of(word.x0 + std::min(kOverrun, word.width() / 4));
    if (start >= p.col || grid.region_at(p.row, start) == grid.region_at(p.row, p.col)) return p;
    // The word begins left of its centre cell (in another cell): overflow from the start cell, unless the
    // word sticks out of the centre cell by about the same amount on both sides (centred, too wide).
    const double left_out = grid.xs[static_cast<std::size_t>(p.col)] - word.x0;
    const double right_out = word.x1 - grid.xs[static_cast<std::size_t>(p.col + 1)];
    const bool centred = right_out > kOverrun && std::abs(left_out - right_out) <= 0.25 * word.width();
    if (!centred) p.col = start;
    return p;
}

std::vector<FlowLine> grid_rows(const Grid& grid, const std::vector<const Word*>& words, int page, int grid_id,
                                double page_width) {
    const int rows = grid.rows(), cols = grid.cols();
    std::vector<std::vector<const Word*>> in_region(static_cast<std::size_t>(grid.region_count));
    for (const Word* w : words) {
        const CellPos p = cell_of(grid, w->box);
        in_region[static_cast<std::size_t>(grid.region_at(p.row, p.col))].push_back(w);
    }
    // A merged cell spanning several bands gets its text in the band holding the middle of its words (the
    // band a reader sees it in: a header centred over three bands is in the middle one; a value printed at
    // the top of a tall merged cell is in the first). The other bands show the cell blank.
    std::vector<std::string> text(in_region.size());
    std::vector<int> text_band(in_region.size(), -1);
    for (std::size_t g = 0; g < in_region.size(); ++g) {
        const auto& ws = in_region[g];
        if (ws.empty()) continue;
        text[g] = join_lines(group_lines(ws), JoinMode::cell);
        double lo = ws.front()->box.cy(), hi = lo;
        for (const Word* w : ws) lo = std::min(lo, w->box.cy()), hi = std::max(hi, w->box.cy());
        int band = grid.row_of((lo + hi) / 2);
        bool covers = false;
        for (int c = 0; c < cols; ++c) covers = covers || grid.region_at(band, c) == static_cast<int>(g);
        if (!covers) band = cell_of(grid, ws.front()->box).row;
        text_band[g] = band;
    }
    std::vector<FlowLine> out;
    for (int r = 0; r < rows; ++r) {
        FlowLine line;
        line.kind = FlowLine::Kind::table_row;
        line.page = page;
        line.grid = grid_id;
        line.grid_columns = cols;
        line.x0 = grid.xs.front(), line.x1 = grid.xs.back();
        line.y0 = grid.ys[static_cast<std::size_t>(r)], line.y1 = grid.ys[static_cast<std::size_t>(r + 1)];
        line.page_width = page_width;
        std::vector<bool> given(in_region.size(), false);
        for (int c = 0; c < cols;) {
            const int g = grid.region_at(r, c);
            int end = c;
            while (end + 1 < cols && grid.region_at(r, end + 1) == g) ++end;
            FlowCell cell;
            cell.column = c;
            cell.span = end - c + 1;
            cell.x0 = grid.xs[static_cast<std::size_t>(c)], cell.x1 = grid.xs[static_cast<std::size_t>(end + 1)];
            if (text_band[static_cast<std::size_t>(g)] == r && !given[static_cast<std::size_t>(g)]) {
                cell.text = text[static_cast<std::size_t>(g)];
                given[static_cast<std::size_t>(g)] = true;
            }
            if (!line.cells.empty()) line.text += '\t';
            line.text += cell.text;
            line.cells.push_back(std::move(cell));
            c = end + 1;
        }
        out.push_back(std::move(line));
    }
    return out;
}

}  // namespace gongkai::import
