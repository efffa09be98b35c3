// 一般公共预算财政拨款基本支出决算(明细)表: economic codes with one amount, printed in side-by-side column
// groups (Hunan: three groups of code/name/amount; Shanghai: two groups of 类/款/name/amount), with the
// 人员经费合计 and 公用经费合计 totals, which may print their figure on the line above their label.
#include <map>
#include <optional>

#include "import/tables/cell_text.hpp"
#include "import/tables/table_grid.hpp"
#include "import/tables/table_segment.hpp"

namespace gongkai::import {

namespace {

// The row key of a printed total label, or "".
std::string total_key(const std::string& label) {
    if (label == "人员经费合计" || label == "人员经费") return "personnel_total";
    if (label == "公用经费合计" || label == "公用经费") return "public_total";
    return "";
}

bool is_basic_body_row(const GridRow& row) {
    for (const std::string& cell : row.cells) {
        const std::string text = normalise_label(cell);
        if (text.empty()) continue;
        if (is_amount(text) || normalise_code({text}) || !total_key(text).empty()) return true;
    }
    return false;
}

enum class Role { none, code, name, amount };

Role role_of(const std::vector<std::string>& labels) {
    if (labels.empty()) return Role::none;
    const std::string& label = labels.back();
    auto has = [&](const char* part) { return label.find(part) != std::string::npos; };
    if (has("编码") || has("代码") || label == "类" || label == "款" || label == "项") return Role::code;
    if (has("名称") || label == "项目") return Role::name;
    if (label == "决算数" || label == "金额" || label == "合计" || label == "本年支出" || label == "决算金额")
        return Role::amount;
    return Role::none;
}

// One side-by-side group of columns: its code columns, name column and amount column.
struct Group {
    std::vector<int> codes;
    int name = -1, amount = -1;
    int first = 0, last = 0;  // column range
};

struct Item {
    std::string code, key, name;
    nlohmann::json amount;
    const FlowLine* line = nullptr;
};

struct Orphan {
    int column = 0;
    std::string text;
    const FlowLine* line = nullptr;
};

}  // namespace

MappedTable map_basic_expenditure_table(const Flow& flow, const TableSegment& segment) {
    MappedTable out;
    std::vector<SegmentGrid> grids = segment_grids(flow, segment, &is_basic_body_row);
    auto unplace = [&](const FlowLine& line, const std::string& text, const std::string& reason) {
        out.unplaced.push_back({line.page, line.line_number, text, reason});
    };

    const SegmentGrid* header_grid = nullptr;
    std::vector<Role> header_roles;
    std::vector<Group> groups;
    std::string amount_label;
    std::vector<std::vector<Item>> items;  // per group
    std::vector<Item> totals;
    std::vector<Orphan> orphans;  // figures alone on a row, waiting for a total label on the next row

    for (const SegmentGrid& grid : grids) {
        for (const GridRow& row : grid.header) out.used_lines.push_back(row.line);
        for (std::size_t line : grid.column_number_rows) out.used_lines.push_back(line);
        std::vector<Role> roles(static_cast<std::size_t>(grid.columns), Role::none);
        if (!grid.header.empty() && header_grid == nullptr) {
            header_grid = &grid;
            for (int c = 0; c < grid.columns; ++c) {
                roles[c] = role_of(grid.heads[c].labels);
                if (roles[c] == Role::none && !grid.heads[c].labels.empty())
                    unplace(flow.lines[grid.header.back().line], grid.heads[c].leaf(),
                            "column header not in the vocabulary of basic_expenditure");
                if (roles[c] == Role::amount && amount_label.empty()) amount_label = grid.heads[c].leaf();
            }
            header_roles = roles;
        } else if (header_grid != nullptr) {
            const std::vector<int> map = inherit_columns(grid, *header_grid, flow);
            for (int c = 0; c < grid.columns; ++c)
                if (map[c] >= 0) roles[c] = header_roles[static_cast<std::size_t>(map[c])];
        }
        // Groups: a run of code columns, then a name column and an amount column.
        std::vector<Group> grid_groups;
        for (int c = 0; c < grid.columns; ++c) {
            const bool opens = roles[c] == Role::code && (c == 0 || roles[c - 1] != Role::code);
            if (opens || (grid_groups.empty() && roles[c] != Role::none)) {
                grid_groups.push_back(Group{});
                grid_groups.back().first = c;
            }
            if (grid_groups.empty()) continue;
            Group& g = grid_groups.back();
            g.last = c;
            if (roles[c] == Role::code) g.codes.push_back(c);
            else if (roles[c] == Role::name && g.name < 0) g.name = c;
            else if (roles[c] == Role::amount && g.amount < 0) g.amount = c;
        }
        if (groups.empty()) groups = grid_groups;
        if (items.size() < grid_groups.size()) items.resize(grid_groups.size());

        for (const GridRow& row : grid.body) {
            const FlowLine& line = flow.lines[row.line];
            out.used_lines.push_back(row.line);
            auto cell = [&](int c) { return c < 0 ? std::string() : row.cells[static_cast<std::size_t>(c)]; };

            // Total labels in this row: each takes the figure printed between it and the next label.
            std::vector<int> label_columns;
            for (int c = 0; c < grid.columns; ++c)
                if (!total_key(normalise_label(cell(c))).empty()) label_columns.push_back(c);
            const int first_label = label_columns.empty() ? grid.columns : label_columns.front();

            std::vector<Orphan> new_orphans;
            for (std::size_t g = 0; g < grid_groups.size(); ++g) {
                const Group& group = grid_groups[g];
                if (group.first >= first_label) break;
                std::vector<std::string> code_cells;
                for (int c : group.codes) code_cells.push_back(cell(c));
                const std::string name = normalise_label(cell(group.name));
                const std::string amount = cell(group.amount);
                for (int c = group.first; c <= group.last; ++c) {
                    if (roles[c] == Role::none && !cell(c).empty())
                        unplace(line, cell(c), "cell of " + segment.title + " in a column without a known header");
                }
                bool codes_blank = true;
                for (const std::string& text : code_cells) codes_blank = codes_blank && normalise_label(text).empty();
                if (const auto code = normalise_code(code_cells)) {
                    Item item{*code, "", name, value_of(amount, line, segment.title + " " + *code, out.unplaced), &line};
                    items[g].push_back(std::move(item));
                } else if (codes_blank && name.empty()) {
                    if (!amount.empty()) new_orphans.push_back({group.amount, amount, &line});
                } else if (codes_blank && amount.empty() && !items[g].empty()) {
                    items[g].back().name += name;  // a wrapped name
                } else {
                    std::string text;
                    for (const std::string& t : code_cells) text += t.empty() ? "" : t + " ";
                    unplace(line, text + name + (amount.empty() ? "" : " " + amount),
                            "cells of " + segment.title + " without an economic code");
                }
            }
            for (std::size_t k = 0; k < label_columns.size(); ++k) {
                const int from = label_columns[k];
                const int to = k + 1 < label_columns.size() ? label_columns[k + 1] : grid.columns;
                const std::string label = normalise_label(cell(from));
                Item total{"", total_key(label), label, nullptr, &line};
                std::vector<int> figures;
                for (int c = from + 1; c < to; ++c)
                    if (!cell(c).empty()) figures.push_back(c);
                if (figures.size() == 1) {
                    total.amount = value_of(cell(figures[0]), line, segment.title + " " + label, out.unplaced);
                } else if (figures.size() > 1) {
                    for (int c : figures) unplace(line, cell(c), "one of several figures after " + label);
                } else {
                    for (auto it = orphans.begin(); it != orphans.end(); ++it) {
                        if (it->column >= from && it->column < to) {
                            total.amount = value_of(it->text, *it->line, segment.title + " " + label, out.unplaced);
                            orphans.erase(it);
                            break;
                        }
                    }
                }
                totals.push_back(std::move(total));
            }
            for (const Orphan& o : orphans) unplace(*o.line, o.text, "figure of " + segment.title + " without a row");
            orphans = std::move(new_orphans);
        }
    }
    for (const Orphan& o : orphans) unplace(*o.line, o.text, "figure of " + segment.title + " without a row");

    nlohmann::json rows = nlohmann::json::array();
    auto emit = [&](const Item& item) {
        nlohmann::json j;
        if (!item.code.empty()) j["code"] = item.code;
        else j["key"] = item.key;
        j["name"] = item.name;
        j["values"] = {{"amount", item.amount}};
        rows.push_back(std::move(j));
    };
    for (const auto& group : items)
        for (const Item& item : group) emit(item);
    for (const Item& item : totals) emit(item);
    nlohmann::json columns = nlohmann::json::array();
    columns.push_back({{"id", "amount"}, {"label", amount_label.empty() ? std::string("决算数") : amount_label}});
    out.table["blocks"] = nlohmann::json::array({{{"id", "main"}, {"columns", columns}, {"rows", rows}}});
    out.found.rows = static_cast<int>(rows.size());
    out.found.columns = 1;
    out.found.cells_read = static_cast<int>(rows.size());
    const std::vector<std::size_t> notes = read_table_notes(flow, segment, out.table);
    out.used_lines.insert(out.used_lines.end(), notes.begin(), notes.end());
    return out;
}

}  // namespace gongkai::import
