#include "import/tables/table_grid.hpp"

#include <algorithm>

#include "import/tables/cell_text.hpp"

namespace gongkai::import {

namespace {

GridRow grid_row(const FlowLine& line, std::size_t index) {
    GridRow row;
    row.line = index;
    int columns = line.grid_columns;
    for (const FlowCell& cell : line.cells) columns = std::max(columns, cell.column + 1);
    row.cells.assign(static_cast<std::size_t>(std::max(columns, 0)), std::string());
    for (const FlowCell& cell : line.cells) {
        if (cell.column < 0) continue;
        std::string& slot = row.cells[static_cast<std::size_t>(cell.column)];
        const std::string text = trim_text(cell.text);
        if (text.empty()) continue;
        slot = slot.empty() ? text : slot + " " + text;
    }
    return row;
}

// The row's cells without their spacing and without trailing blank cells (for comparing printed rows).
std::vector<std::string> printed_cells(const GridRow& row) {
    std::vector<std::string> out;
    for (const std::string& cell : row.cells) out.push_back(normalise_label(cell));
    while (!out.empty() && out.back().empty()) out.pop_back();
    return out;
}

// True when the row prints the grid's first header row again after the grid's body has begun: the header
// rows repeated at the top of a continuation page, which extracted text runs on in the same grid.
bool repeats_header(const GridRow& row, const SegmentGrid& grid) {
    if (grid.header.empty() || (grid.body.empty() && grid.column_number_rows.empty())) return false;
    const std::vector<std::string> cells = printed_cells(row);
    return !cells.empty() && cells == printed_cells(grid.header.front());
}

}  // namespace

bool is_column_number_row(const GridRow& row) {
    int expected = 1;
    bool any = false;
    for (const std::string& cell : row.cells) {
        const std::string text = normalise_label(cell);
        if (text.empty()) continue;
        if (!any && text == "栏次") return true;
        any = true;
        if (text != std::to_string(expected)) return false;
        ++expected;
    }
    return any && expected > 2;
}

std::vector<SegmentGrid> segment_grids(const Flow& flow, const TableSegment& segment, BodyRowTest is_body_row) {
    std::vector<SegmentGrid> grids;
    for (std::size_t index : segment.lines) {
        const FlowLine& line = flow.lines[index];
        if (line.kind != FlowLine::Kind::table_row) continue;
        GridRow row = grid_row(line, index);
        // A repeated header starts a new grid (with that header), as a new page's grid does in a PDF.
        if (grids.empty() || grids.back().grid != line.grid || repeats_header(row, grids.back())) {
            SegmentGrid grid;
            grid.grid = line.grid;
            grids.push_back(std::move(grid));
        }
        SegmentGrid& grid = grids.back();
        grid.columns = std::max<int>(grid.columns, static_cast<int>(row.cells.size()));
        if (is_column_number_row(row)) {
            grid.column_number_rows.push_back(index);
            continue;
        }
        if (grid.body.empty() && grid.column_number_rows.empty() && !is_body_row(row)) {
            grid.header.push_back(std::move(row));
        } else {
            grid.body.push_back(std::move(row));
        }
    }
    for (SegmentGrid& grid : grids) {
        for (GridRow& row : grid.body) row.cells.resize(static_cast<std::size_t>(grid.columns));
        grid.heads.assign(static_cast<std::size_t>(grid.columns), ColumnHeads());
        for (int c = 0; c < grid.columns; ++c) {
            grid.heads[c].x0 = c;
            grid.heads[c].x1 = c + 1;
        }
        // Column edges (PDF) from any row's cells that cover exactly one column.
        auto take_edges = [&](std::size_t index) {
            for (const FlowCell& cell : flow.lines[index].cells) {
                if (cell.span != 1 || cell.column < 0 || cell.column >= grid.columns) continue;
                grid.heads[cell.column].x0 = cell.x0;
                grid.heads[cell.column].x1 = cell.x1;
            }
        };
        for (const GridRow& row : grid.header) take_edges(row.line);
        for (const GridRow& row : grid.body) take_edges(row.line);
        // Labels: every header cell applies to every column it spans.
        for (const GridRow& row : grid.header) {
            for (const FlowCell& cell : flow.lines[row.line].cells) {
                const std::string label = normalise_label(cell.text);
                if (label.empty()) continue;
                for (int c = cell.column; c < cell.column + std::max(cell.span, 1) && c < grid.columns; ++c) {
                    if (c < 0) continue;
                    auto& labels = grid.heads[c].labels;
                    if (labels.empty() || labels.back() != label) labels.push_back(label);
                }
            }
        }
    }
    return grids;
}

nlohmann::json value_of(const std::string& raw, const FlowLine& line, const std::string& what,
                        std::vector<Unplaced>& unplaced) {
    const std::string text = trim_text(raw);
    if (text.empty()) return nullptr;
    if (is_amount(text)) return normalise_label(text);
    unplaced.push_back({line.page, line.line_number, text, what + ": not an amount"});
    return nullptr;
}

std::vector<int> inherit_columns(const SegmentGrid& grid, const SegmentGrid& previous, const Flow& flow) {
    std::vector<int> map(static_cast<std::size_t>(grid.columns), -1);
    if (grid.columns == previous.columns) {
        for (int c = 0; c < grid.columns; ++c) map[c] = c;
        return map;
    }
    if (flow.kind != SourceKind::pdf) return map;
    for (int c = 0; c < grid.columns; ++c) {
        double best = 0;
        for (int p = 0; p < previous.columns; ++p) {
            const double overlap = std::min(grid.heads[c].x1, previous.heads[p].x1) -
                                   std::max(grid.heads[c].x0, previous.heads[p].x0);
            const double width = std::max(1e-6, grid.heads[c].x1 - grid.heads[c].x0);
            if (overlap / width > 0.6 && overlap > best) {
                best = overlap;
                map[c] = p;
            }
        }
    }
    return map;
}

}  // namespace gongkai::import
