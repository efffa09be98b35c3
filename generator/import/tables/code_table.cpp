// The tables whose rows are function codes: 收入决算表, 支出决算表, 一般公共预算财政拨款支出决算表,
// 政府性基金预算财政拨款收入支出决算表 and 国有资本经营预算财政拨款(收入)支出决算表; and the budget tables
// whose rows are function or economic codes (部门收入预算总表, 部门支出预算总表, the 功能分类 and 经济分类
// 预算表, Jiangsu's 机关运行经费 and 政府采购 tables).
#include <optional>
#include <set>

#include "import/tables/cell_text.hpp"
#include "import/tables/column_vocabulary.hpp"
#include "import/tables/table_grid.hpp"
#include "import/tables/table_segment.hpp"
#include "import/tables/table_titles.hpp"

namespace gongkai::import {

namespace {

// The row key of a printed label without a code: 合计/总计 → total, 无 → none.
std::string key_of_label(const std::string& label) {
    if (label == "合计" || label == "总计") return "total";
    if (label == "无") return "none";
    return "";
}

// A row of the body: it starts with a code, a 合计/无 label, or prints an amount.
bool is_code_body_row(const GridRow& row) {
    bool first = true;
    for (const std::string& cell : row.cells) {
        const std::string text = normalise_label(cell);
        if (text.empty()) continue;
        if (first && (normalise_code({text}) || !key_of_label(text).empty())) return true;
        first = false;
        if (is_amount(text)) return true;
    }
    return false;
}

bool codes_blank(const std::vector<std::string>& cells) {
    for (const std::string& cell : cells)
        if (!normalise_label(cell).empty()) return false;
    return true;
}

// A data row read from the grid, before it becomes the filing's row.
struct ReadRow {
    std::string code, key, name;
    nlohmann::json values = nlohmann::json::object();
    bool has_values = false;
    const FlowLine* line = nullptr;
};

// The column headers of a grid whose first body row also prints header words in its band (Shanghai prints
// 类/款/项 and the 合计/基本支出/项目支出 under 本年支出 on the line of the 合计 row): a code column's
// 类/款/项, or a value column's label the vocabulary knows, is added to that column's labels.
std::vector<ColumnHeads> header_words_in_first_row(const std::string& kind, const SegmentGrid& grid) {
    std::vector<ColumnHeads> heads = grid.heads;
    if (grid.body.empty()) return heads;
    const GridRow& row = grid.body.front();
    for (int c = 0; c < grid.columns; ++c) {
        const std::string text = normalise_label(row.cells[static_cast<std::size_t>(c)]);
        if (text.empty() || is_amount(text)) continue;
        const ColumnMeaning now = column_meaning(kind, heads[c].labels);
        std::vector<std::string> labels = heads[c].labels;
        labels.push_back(text);
        const ColumnMeaning with = column_meaning(kind, labels);
        const bool code_word = now.role == ColumnRole::code && (text == "类" || text == "款" || text == "项");
        const bool value_word = (now.role == ColumnRole::value || now.role == ColumnRole::none) &&
                                with.role == ColumnRole::value;
        if (code_word || value_word) heads[c].labels = std::move(labels);
    }
    return heads;
}

}  // namespace

MappedTable map_code_table(const Flow& flow, const TableSegment& segment) {
    MappedTable out;
    std::vector<SegmentGrid> grids = segment_grids(flow, segment, &is_code_body_row);

    std::vector<ColumnMeaning> columns;  // of the grid with the header, by column
    const SegmentGrid* header_grid = nullptr;
    nlohmann::json block_columns = nlohmann::json::array();
    std::vector<std::string> value_ids;  // in printed order

    std::vector<ReadRow> rows;
    std::optional<ReadRow> pending_values;  // figures printed on the line above their label
    std::string pending_name;              // a name fragment printed above its code line
    const FlowLine* pending_name_line = nullptr;

    auto unplace = [&](const FlowLine& line, const std::string& text, const std::string& reason) {
        out.unplaced.push_back({line.page, line.line_number, text, reason});
    };

    for (const SegmentGrid& grid : grids) {
        for (const GridRow& row : grid.header) out.used_lines.push_back(row.line);
        for (std::size_t line : grid.column_number_rows) out.used_lines.push_back(line);

        // The meaning of each column: from this grid's header, or inherited from the header grid.
        std::vector<ColumnMeaning> meaning(static_cast<std::size_t>(grid.columns));
        if (!grid.header.empty() && header_grid == nullptr) {
            header_grid = &grid;
            const std::vector<ColumnHeads> heads = header_words_in_first_row(segment.kind, grid);
            std::set<std::string> seen;
            for (int c = 0; c < grid.columns; ++c) {
                meaning[c] = column_meaning(segment.kind, heads[c].labels);
                if (meaning[c].role == ColumnRole::value) {
                    if (!seen.insert(meaning[c].id).second) {
                        const FlowLine& line = flow.lines[grid.header.back().line];
                        unplace(line, meaning[c].label, "second column that means " + meaning[c].id + " in " + segment.title);
                        meaning[c] = {ColumnRole::none, "", meaning[c].label};
                        continue;
                    }
                    block_columns.push_back({{"id", meaning[c].id}, {"label", meaning[c].label}});
                    value_ids.push_back(meaning[c].id);
                } else if (meaning[c].role == ColumnRole::none && !meaning[c].label.empty()) {
                    const FlowLine& line = flow.lines[grid.header.back().line];
                    unplace(line, meaning[c].label, "column header not in the vocabulary of " + segment.kind);
                }
            }
            columns = meaning;
        } else if (header_grid != nullptr) {
            const std::vector<int> map = inherit_columns(grid, *header_grid, flow);
            for (int c = 0; c < grid.columns; ++c)
                if (map[c] >= 0) meaning[c] = columns[static_cast<std::size_t>(map[c])];
        }

        for (std::size_t r = 0; r < grid.body.size(); ++r) {
            GridRow row = grid.body[r];
            const FlowLine& line = flow.lines[row.line];
            if (&grid == header_grid && r == 0) {
                // Header words printed in the band of the first data row are no data.
                const std::vector<ColumnHeads> heads = header_words_in_first_row(segment.kind, grid);
                for (int c = 0; c < grid.columns; ++c)
                    if (heads[c].labels.size() > grid.heads[c].labels.size()) row.cells[c].clear();
            }
            out.used_lines.push_back(row.line);
            std::vector<std::string> code_cells;
            std::string name;
            ReadRow read;
            read.line = &line;
            for (const std::string& id : value_ids) read.values[id] = nullptr;
            for (int c = 0; c < grid.columns; ++c) {
                const std::string& text = row.cells[static_cast<std::size_t>(c)];
                switch (meaning[c].role) {
                    case ColumnRole::code: code_cells.push_back(text); break;
                    case ColumnRole::name: name += normalise_label(text); break;
                    case ColumnRole::line: break;
                    case ColumnRole::value: {
                        nlohmann::json v = value_of(text, line, segment.title + " " + meaning[c].label, out.unplaced);
                        if (!v.is_null()) read.has_values = true;
                        read.values[meaning[c].id] = v;
                        break;
                    }
                    case ColumnRole::none:
                        if (!text.empty()) unplace(line, text, "cell in a column of " + segment.title + " without a known header");
                        break;
                }
            }
            // A code and its name printed in one cell ("2010301 行政运行").
            if (code_cells.size() == 1 && name.empty()) {
                const std::string& cell = code_cells[0];
                const std::size_t space = cell.find(' ');
                if (space != std::string::npos && normalise_code({cell.substr(0, space)})) {
                    name = normalise_label(cell.substr(space + 1));
                    code_cells[0] = cell.substr(0, space);
                }
            }
            std::string label;
            for (const std::string& cell : code_cells) label += normalise_label(cell);
            label += name;

            if (const auto code = normalise_code(code_cells)) {
                read.code = *code;
                read.name = pending_name + name;
                pending_name.clear();
                pending_name_line = nullptr;
            } else if (segment.kind == "budget_procurement" && key_of_label(label).empty() && !name.empty() &&
                       codes_blank(code_cells)) {
                // 政府采购支出预算表: its lines are named items (货物/工程/服务 by project), not codes.
                read.key = "item";
                read.name = label;
            } else if (const std::string key = key_of_label(label);
                       !key.empty() && (key != "none" || segment.kind == "government_fund" || segment.kind == "state_capital" ||
                                        segment.kind == "budget_government_fund" || segment.kind == "budget_state_capital")) {
                // (A printed 无 row is part of the format only for the 政府性基金 and 国有资本经营 tables.)
                read.key = key;
                read.name = label;
                if (!read.has_values && pending_values) {
                    read.values = pending_values->values;
                    read.has_values = true;
                    pending_values.reset();
                }
            } else if (label.empty()) {
                if (!read.has_values) continue;  // a blank row
                if (pending_values) unplace(*pending_values->line, pending_values->line->text, "figures of " + segment.title + " without a row");
                pending_values = read;
                continue;
            } else if (!read.has_values && codes_blank(code_cells)) {
                // A wrapped name: it continues the row above, or (PDF) opens the row below when nearer to it.
                bool to_next = rows.empty();
                if (flow.kind == SourceKind::pdf && !rows.empty() && r + 1 < grid.body.size()) {
                    const FlowLine& next = flow.lines[grid.body[r + 1].line];
                    const double gap_above = line.y0 - rows.back().line->y1;
                    const double gap_below = next.y0 - line.y1;
                    to_next = rows.back().line->page != line.page || gap_below < gap_above;
                }
                if (to_next) {
                    if (pending_name_line) unplace(*pending_name_line, pending_name, "name of " + segment.title + " without a row");
                    pending_name = label;
                    pending_name_line = &line;
                } else {
                    rows.back().name += label;
                }
                continue;
            } else {
                unplace(line, line.text, "row of " + segment.title + " with neither a code nor a known label");
                continue;
            }
            rows.push_back(std::move(read));
        }
    }
    if (pending_values) unplace(*pending_values->line, pending_values->line->text, "figures of " + segment.title + " without a row");
    if (pending_name_line) unplace(*pending_name_line, pending_name, "name of " + segment.title + " without a row");

    nlohmann::json json_rows = nlohmann::json::array();
    int cells = 0;
    for (const ReadRow& row : rows) {
        nlohmann::json j;
        if (!row.code.empty()) j["code"] = row.code;
        else j["key"] = row.key;
        j["name"] = row.name;
        j["values"] = row.values;
        cells += static_cast<int>(row.values.size());
        json_rows.push_back(std::move(j));
    }
    out.table["blocks"] = nlohmann::json::array({{{"id", "main"}, {"columns", block_columns}, {"rows", json_rows}}});
    out.found.rows = static_cast<int>(rows.size());
    out.found.columns = static_cast<int>(value_ids.size());
    out.found.cells_read = cells;
    const std::vector<std::size_t> notes = read_table_notes(flow, segment, out.table);
    out.used_lines.insert(out.used_lines.end(), notes.begin(), notes.end());
    return out;
}

}  // namespace gongkai::import
