#include "import/tables/two_sided_grid.hpp"

#include <algorithm>
#include <cmath>

#include "import/tables/cell_text.hpp"

namespace gongkai::import {

namespace {

// PDF edges closer than this (points) are one edge; text columns are whole numbers and never merge.
constexpr double kPdfEdgeTolerance = 1.5;
constexpr double kTextEdgeTolerance = 0.01;

struct LabelledCell {
    double x0 = 0, x1 = 0;
    std::string label;  // whitespace removed
};

// The label of the cell of `row` covering position x, or "" when none does.
std::string label_at(const std::vector<LabelledCell>& row, double x) {
    for (const LabelledCell& cell : row)
        if (cell.x0 <= x && x < cell.x1) return cell.label;
    return {};
}

// The header rows' cells with their labels; for extracted text, empty fields continue the label on their
// left when both stand under the same label of the row above (the text has no spans).
std::vector<std::vector<LabelledCell>> labelled_rows(const Flow& flow, const std::vector<std::size_t>& rows) {
    std::vector<std::vector<LabelledCell>> out;
    for (std::size_t index : rows) {
        const FlowLine& line = flow.lines[index];
        std::vector<LabelledCell> cells;
        for (const FlowCell& cell : line.cells) cells.push_back({cell.x0, cell.x1, normalise_label(cell.text)});
        if (flow.kind == SourceKind::text) {
            const std::vector<LabelledCell>* above = out.empty() ? nullptr : &out.back();
            for (std::size_t i = 1; i < cells.size(); ++i) {
                if (!cells[i].label.empty() || cells[i - 1].label.empty()) continue;
                const double here = (cells[i].x0 + cells[i].x1) / 2;
                const double left = (cells[i - 1].x0 + cells[i - 1].x1) / 2;
                const std::string parent_here = above ? label_at(*above, here) : std::string();
                const std::string parent_left = above ? label_at(*above, left) : std::string();
                if (parent_here == parent_left) cells[i].label = cells[i - 1].label;
            }
        }
        out.push_back(std::move(cells));
    }
    return out;
}

}  // namespace

std::vector<std::size_t> segment_table_rows(const Flow& flow, const TableSegment& segment) {
    std::vector<std::size_t> rows;
    for (std::size_t index : segment.lines)
        if (index < flow.lines.size() && flow.lines[index].kind == FlowLine::Kind::table_row) rows.push_back(index);
    return rows;
}

std::vector<std::size_t> segment_lines_before_rows(const Flow& flow, const TableSegment& segment) {
    std::vector<std::size_t> lines;
    for (std::size_t index : segment.lines) {
        if (index >= flow.lines.size()) continue;
        if (flow.lines[index].kind == FlowLine::Kind::table_row) break;
        lines.push_back(index);
    }
    return lines;
}

std::vector<HeaderColumn> header_columns(const Flow& flow, const std::vector<std::size_t>& header_rows) {
    const std::vector<std::vector<LabelledCell>> rows = labelled_rows(flow, header_rows);
    std::vector<double> edges;
    for (const auto& row : rows)
        for (const LabelledCell& cell : row) {
            edges.push_back(cell.x0);
            edges.push_back(cell.x1);
        }
    std::sort(edges.begin(), edges.end());
    const double tolerance = flow.kind == SourceKind::pdf ? kPdfEdgeTolerance : kTextEdgeTolerance;
    std::vector<double> merged;
    for (double edge : edges)
        if (merged.empty() || edge - merged.back() > tolerance) merged.push_back(edge);

    std::vector<HeaderColumn> columns;
    for (std::size_t i = 0; i + 1 < merged.size(); ++i) {
        HeaderColumn column{merged[i], merged[i + 1], {}};
        const double centre = (column.x0 + column.x1) / 2;
        for (const auto& row : rows) {
            const std::string label = label_at(row, centre);
            if (!label.empty() && (column.path.empty() || column.path.back() != label)) column.path.push_back(label);
        }
        if (!columns.empty() && columns.back().path == column.path && !column.path.empty())
            columns.back().x1 = column.x1;  // one header cell cut by an edge of another row
        else
            columns.push_back(std::move(column));
    }
    return columns;
}

int column_of(const std::vector<HeaderColumn>& columns, const FlowCell& cell) {
    const double centre = (cell.x0 + cell.x1) / 2;
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].x0 <= centre && centre < columns[i].x1) return static_cast<int>(i);
    return -1;
}

bool is_numbering_row(const FlowLine& row) {
    int expected = 1;
    int numbers = 0;
    for (const FlowCell& cell : row.cells) {
        const std::string text = normalise_label(cell.text);
        if (text.empty()) continue;
        if (text == "栏次") return true;
        if (!is_digits(text) || text.size() > 3 || std::stoi(text) != expected) return false;
        ++expected;
        ++numbers;
    }
    return numbers >= 3;
}

bool is_blank_row(const FlowLine& row) {
    for (const FlowCell& cell : row.cells)
        if (!trim_text(cell.text).empty()) return false;
    return true;
}

nlohmann::json cell_value(const std::string& text) {
    std::string value = trim_text(text);
    if (value.empty()) return nullptr;
    return value;
}

Unplaced unplaced_at(const FlowLine& line, const std::string& text, const std::string& reason) {
    return Unplaced{line.page, line.line_number, text, reason};
}

}  // namespace gongkai::import
