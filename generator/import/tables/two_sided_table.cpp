// The two-sided summary tables (收入支出决算总表, 财政拨款收入支出决算总表, and the budget's 部门财务收支
// 预算总表 and 部门财政拨款收支预算总表): 收入 on the left and 支出 on the right of shared printed rows. Each side becomes one block with one row per printed row (an empty side
// of a row is a "blank" row), so both blocks keep the printed alignment.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "import/tables/cell_text.hpp"
#include "import/tables/table_segment.hpp"
#include "import/tables/table_titles.hpp"
#include "import/tables/two_sided_grid.hpp"
#include "import/tables/two_sided_keys.hpp"
#include "import/text_match.hpp"

namespace gongkai::import {

namespace {

struct ValueColumn {
    int column = -1;   // index into the header columns
    std::string id;    // format column id; "" when the label is not in the vocabulary
    std::string label; // as printed, whitespace removed
};

struct Side {
    std::string block;                 // "income" or "expenditure"
    std::vector<int> name_columns;     // columns under 项目
    int line_column = -1;              // the 行次 column, -1 when none is printed
    std::vector<ValueColumn> values;
};

int count_project_cells(const FlowLine& row) {
    int count = 0;
    for (const FlowCell& cell : row.cells)
        if (normalise_label(cell.text) == "项目") ++count;
    return count;
}

bool path_has(const HeaderColumn& column, const std::string& label) {
    return std::find(column.path.begin(), column.path.end(), label) != column.path.end();
}

// The format id of a value column of one side, by its label; "" when the label is not in the vocabulary.
std::string value_column_id(bool fiscal, const Side& side, const std::string& label, std::size_t value_count,
                            bool amount_taken) {
    if (fiscal && side.block == "expenditure") {
        if (label == "合计" || label == "小计") return "total";
        if (contains(label, "一般公共预算")) return "general_budget";
        if (contains(label, "政府性基金")) return "government_fund";
        if (contains(label, "国有资本经营")) return "state_capital";
        return "";
    }
    if (amount_taken) return "";
    if (value_count == 1) return "amount";
    if (contains(label, "决算") || contains(label, "预算") || contains(label, "金额")) return "amount";
    return "";
}

// The two sides of the header: each starts at a run of columns under 项目.
std::vector<Side> read_sides(bool fiscal, const std::vector<HeaderColumn>& columns) {
    std::vector<int> starts;
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (path_has(columns[i], "项目") && (i == 0 || !path_has(columns[i - 1], "项目")))
            starts.push_back(static_cast<int>(i));
    std::vector<Side> sides;
    if (starts.size() != 2) return sides;
    for (std::size_t s = 0; s < 2; ++s) {
        Side side;
        side.block = s == 0 ? "income" : "expenditure";
        const int end = s == 0 ? starts[1] : static_cast<int>(columns.size());
        int c = starts[s];
        for (; c < end && path_has(columns[c], "项目"); ++c) side.name_columns.push_back(c);
        std::vector<int> value_columns;
        for (; c < end; ++c) {
            if (columns[c].leaf() == "行次" && side.line_column < 0)
                side.line_column = c;
            else
                value_columns.push_back(c);
        }
        bool amount_taken = false;
        for (int v : value_columns) {
            ValueColumn value{v, value_column_id(fiscal, side, columns[v].leaf(), value_columns.size(), amount_taken),
                              columns[v].leaf()};
            // A column id used twice on one side cannot be placed the second time.
            for (const ValueColumn& earlier : side.values)
                if (!value.id.empty() && earlier.id == value.id) value.id.clear();
            if (value.id == "amount") amount_taken = true;
            side.values.push_back(std::move(value));
        }
        sides.push_back(std::move(side));
    }
    return sides;
}

// The row's non-blank cell texts, whitespace removed, left to right.
std::vector<std::string> printed_texts(const FlowLine& row) {
    std::vector<std::string> texts;
    for (const FlowCell& cell : row.cells)
        if (std::string text = normalise_label(cell.text); !text.empty()) texts.push_back(std::move(text));
    return texts;
}

// True when the row prints one of the header rows again (with at least two labels, such as 收入 | 支出):
// the header repeated at the top of a continuation page.
bool repeats_header_row(const Flow& flow, const std::vector<std::size_t>& header_rows, const FlowLine& row) {
    const std::vector<std::string> texts = printed_texts(row);
    if (texts.size() < 2) return false;
    for (std::size_t index : header_rows)
        if (printed_texts(flow.lines[index]) == texts) return true;
    return false;
}

}  // namespace

MappedTable map_two_sided_table(const Flow& flow, const TableSegment& segment) {
    MappedTable out;
    const bool fiscal = segment.kind == "fiscal_summary" || segment.kind == "budget_fiscal_summary";
    const bool budget = is_budget_kind(segment.kind);
    nlohmann::json& table = out.table;
    table["kind"] = segment.kind;
    table["number"] = segment.number.empty() ? nlohmann::json(nullptr) : nlohmann::json(segment.number);
    table["title"] = segment.title;
    table["unit"] = segment.unit.empty() ? nlohmann::json(nullptr) : nlohmann::json(segment.unit);
    table["blocks"] = nlohmann::json::array();

    out.found.kind = segment.kind;
    out.found.title = segment.title;
    std::set<int> pages;
    std::set<std::size_t> used;
    if (segment.title_line < flow.lines.size()) {
        used.insert(segment.title_line);
        pages.insert(flow.lines[segment.title_line].page);
    }
    for (std::size_t index : segment_lines_before_rows(flow, segment)) used.insert(index);

    const std::vector<std::size_t> rows = segment_table_rows(flow, segment);
    // The header ends with the row printing 项目 over both sides.
    std::size_t header_end = rows.size();
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (count_project_cells(flow.lines[rows[i]]) >= 2) {
            header_end = i;
            break;
        }
    std::vector<Side> sides;
    std::vector<HeaderColumn> columns;
    if (header_end < rows.size()) {
        columns = header_columns(flow, std::vector<std::size_t>(rows.begin(), rows.begin() + header_end + 1));
        sides = read_sides(fiscal, columns);
    }
    if (sides.size() != 2) {
        const FlowLine& where = flow.lines[rows.empty() ? segment.title_line : rows.front()];
        out.unplaced.push_back(unplaced_at(where, segment.title,
                                           "two-sided table: no header with 项目 over the 收入 and 支出 sides"));
        for (std::size_t index : rows)
            if (!is_blank_row(flow.lines[index]))
                out.unplaced.push_back(unplaced_at(flow.lines[index], flow.lines[index].text,
                                                   "row of a table whose header was not recognised"));
        out.found.pages.assign(pages.begin(), pages.end());
        out.used_lines.assign(used.begin(), used.end());
        return out;
    }

    for (const Side& side : sides)
        for (const ValueColumn& value : side.values)
            if (value.id.empty())
                out.unplaced.push_back(unplaced_at(flow.lines[rows[header_end]], value.label,
                                                   side.block + " column header not recognised"));

    nlohmann::json blocks = nlohmann::json::array();
    std::vector<SideKeyReader> readers;
    for (const Side& side : sides) {
        nlohmann::json block;
        block["id"] = side.block;
        block["columns"] = nlohmann::json::array();
        for (const ValueColumn& value : side.values)
            if (!value.id.empty()) block["columns"].push_back({{"id", value.id}, {"label", value.label}});
        block["rows"] = nlohmann::json::array();
        blocks.push_back(std::move(block));
        readers.emplace_back(fiscal, side.block == "income", budget);
        out.found.columns += static_cast<int>(blocks.back()["columns"].size());
    }

    for (std::size_t i = 0; i <= header_end; ++i) {
        used.insert(rows[i]);
        pages.insert(flow.lines[rows[i]].page);
    }
    for (std::size_t i = header_end + 1; i < rows.size(); ++i) {
        const FlowLine& row = flow.lines[rows[i]];
        used.insert(rows[i]);
        pages.insert(row.page);
        // 栏次, or a repeated header (the 项目 row, or another header row such as 收入 | 支出).
        if (is_numbering_row(row) || count_project_cells(row) >= 2) continue;
        if (repeats_header_row(flow, std::vector<std::size_t>(rows.begin(), rows.begin() + header_end), row)) continue;
        ++out.found.rows;
        // The texts of the row by header column.
        std::vector<std::vector<std::string>> by_column(columns.size());
        for (const FlowCell& cell : row.cells) {
            const std::string text = trim_text(cell.text);
            const int c = column_of(columns, cell);
            if (c < 0) {
                if (!text.empty()) out.unplaced.push_back(unplaced_at(row, text, "cell outside the table's columns"));
                continue;
            }
            by_column[c].push_back(text);
        }
        for (std::size_t s = 0; s < sides.size(); ++s) {
            const Side& side = sides[s];
            std::vector<std::string> name_parts;
            for (int c : side.name_columns)
                for (const std::string& text : by_column[c]) name_parts.push_back(text);
            const std::string name = normalise_label(join_texts(name_parts));
            nlohmann::json values = nlohmann::json::object();
            std::vector<std::string> printed;  // non-blank values, for messages
            for (const ValueColumn& value : side.values) {
                const std::string text = join_texts(by_column[value.column]);
                if (!text.empty()) printed.push_back(text);
                if (value.id.empty()) {
                    if (!text.empty())
                        out.unplaced.push_back(unplaced_at(row, text, side.block + " value under an unrecognised column"));
                    continue;
                }
                ++out.found.cells_read;
                if (!text.empty() && !is_amount(text)) {
                    out.unplaced.push_back(unplaced_at(row, text, side.block + " value is not an amount"));
                    values[value.id] = nullptr;
                    continue;
                }
                values[value.id] = cell_value(text);
            }
            std::optional<int> line;
            if (side.line_column >= 0) {
                const std::string text = normalise_label(join_texts(by_column[side.line_column]));
                if (is_digits(text) && text.size() <= 4)
                    line = std::stoi(text);
                else if (!text.empty())
                    out.unplaced.push_back(unplaced_at(row, text, side.block + " 行次 is not a number"));
            }
            const std::optional<SideKeyReader::Key> key = readers[s].next(name);
            if (!key) {
                out.unplaced.push_back(unplaced_at(row, join_texts({name, join_texts(printed)}),
                                                   side.block + " row name not in the format's vocabulary"));
                continue;
            }
            nlohmann::json entry;
            if (!key->code.empty())
                entry["code"] = key->code;
            else
                entry["key"] = key->key;
            if (line) entry["line"] = *line;
            entry["name"] = name;
            if (key->key == "blank" && !printed.empty()) {
                // Figures without an item name cannot be placed.
                for (const std::string& text : printed)
                    out.unplaced.push_back(unplaced_at(row, text, side.block + " value on a row without an item name"));
                for (auto& v : values) v = nullptr;
            }
            entry["values"] = std::move(values);
            blocks[s]["rows"].push_back(std::move(entry));
        }
    }
    table["blocks"] = std::move(blocks);

    for (std::size_t index : read_table_notes(flow, segment, table)) used.insert(index);
    for (std::size_t index : used)
        if (index < flow.lines.size()) pages.insert(flow.lines[index].page);
    out.found.pages.assign(pages.begin(), pages.end());
    out.used_lines.assign(used.begin(), used.end());
    return out;
}

}  // namespace gongkai::import
