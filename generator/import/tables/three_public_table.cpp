// The 财政拨款“三公”经费支出决算表 (and the budget's “三公”经费和机关运行经费预算表, 预算数 only, with
// the 机关运行经费, 会议费 and 培训费 as items): budget (预算数) and actual (决算数) per item, however it is printed —
// one row per item under 预算数/决算数 columns, or one row of values under a grouped header (Shanghai:
// items over 预算数/决算数; Hunan: 预算数/决算数 over items). Items and measures are read from the labels,
// never from positions.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "import/tables/cell_text.hpp"
#include "import/tables/table_segment.hpp"
#include "import/tables/two_sided_grid.hpp"
#include "import/tables/two_sided_keys.hpp"
#include "import/text_match.hpp"

namespace gongkai::import {

namespace {

enum class Measure { none, budget, actual };

bool ends_with(std::string_view text, std::string_view end) {
    return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// 预算数 / 决算数 (also 全年预算数, 年初预算数, 预算, 决算).
Measure measure_of(const std::string& label) {
    if (label == "预算" || ends_with(label, "预算数")) return Measure::budget;
    if (label == "决算" || ends_with(label, "决算数")) return Measure::actual;
    return Measure::none;
}

bool is_vehicle_group(const std::string& label) {
    return contains(label, "公务用车") && contains(label, "购置") && contains(label, "运行");
}

// The row key of a 三公 item by its label or row name; `under_vehicle`: printed under the 公务用车购置及运行
// group (where 小计 is the group's subtotal); `budget`: the budget's table, which also prints the 机关运行
//经费 (Shanghai) or the 会议费 and 培训费 (Jiangsu) as items. nullopt when the label names no item.
std::optional<std::string> item_of(const std::string& label, bool under_vehicle, bool budget) {
    const std::string bare = bare_item_name(label);
    if (bare == "合计" || bare == "总计") return "total";
    if (budget) {
        if (contains(bare, "机关运行经费")) return "operating_cost";
        if (contains(bare, "会议费")) return "meeting";
        if (contains(bare, "培训费") && !contains(bare, "出国")) return "training";
    }
    if (contains(bare, "因公出国")) return "abroad";
    if (contains(bare, "公务接待")) return "reception";
    if (contains(bare, "公务用车") || contains(bare, "公车")) {
        const bool purchase = contains(bare, "购置");
        const bool operation = contains(bare, "运行");
        if (purchase && operation) return "vehicle_subtotal";
        if (purchase) return "vehicle_purchase";
        if (operation) return "vehicle_operation";
        return std::nullopt;
    }
    if (under_vehicle) {
        // Parts of the 公务用车购置及运行 group may be printed short (only these exact words: a 机关运行经费
        // printed next to the group is no part of it).
        if (bare == "小计") return "vehicle_subtotal";
        if (bare == "购置费" || bare == "车辆购置费") return "vehicle_purchase";
        if (bare == "运行费" || bare == "运行维护费" || bare == "车辆运行维护费" || bare == "车辆运行费")
            return "vehicle_operation";
    }
    return std::nullopt;
}

struct Placed {
    std::string item;   // row key
    std::string name;   // the item's label as printed (whitespace removed)
    Measure measure = Measure::none;
};

// The item and measure of a column of the grouped layout, from its label path. In a budget's table every
// column is a 预算数, named so or not.
std::optional<Placed> place_column(const HeaderColumn& column, bool budget) {
    Placed placed;
    for (const std::string& label : column.path) {
        const Measure m = measure_of(label);
        if (m == Measure::none) continue;
        if (placed.measure != Measure::none && placed.measure != m) return std::nullopt;
        placed.measure = m;
    }
    if (placed.measure == Measure::none && budget && !column.path.empty()) placed.measure = Measure::budget;
    if (placed.measure == Measure::none) return std::nullopt;
    if (budget && placed.measure != Measure::budget) return std::nullopt;
    for (std::size_t k = column.path.size(); k-- > 0;) {
        const std::string& label = column.path[k];
        // A budget prints its 机关运行经费 as "机关运行经费预算数": item and measure in one label.
        if (measure_of(label) != Measure::none && !(budget && contains(label, "机关运行经费"))) continue;
        bool under_vehicle = false;
        for (std::size_t a = 0; a < k; ++a)
            if (is_vehicle_group(column.path[a])) under_vehicle = true;
        if (std::optional<std::string> item = item_of(label, under_vehicle, budget)) {
            placed.item = *item;
            placed.name = label;
            return placed;
        }
    }
    return std::nullopt;
}

int measure_cells(const FlowLine& row, Measure measure) {
    int count = 0;
    for (const FlowCell& cell : row.cells)
        if (measure_of(normalise_label(cell.text)) == measure) ++count;
    return count;
}

bool has_amount(const FlowLine& row) {
    for (const FlowCell& cell : row.cells)
        if (is_amount(cell.text)) return true;
    return false;
}

// Collects the rows of the output in printed order, one per item.
class ItemRows {
public:
    // False when the item and measure already hold a value (a second printing cannot be placed).
    bool set(const std::string& item, const std::string& name, Measure measure, nlohmann::json value) {
        auto it = std::find_if(rows_.begin(), rows_.end(), [&](const Row& r) { return r.item == item; });
        if (it == rows_.end()) {
            rows_.push_back({item, name, {}});
            it = rows_.end() - 1;
        }
        const std::string id = measure == Measure::budget ? "budget" : "actual";
        if (it->values.contains(id)) return false;
        it->values[id] = std::move(value);
        return true;
    }
    nlohmann::json json(const std::vector<std::string>& measure_ids) const {
        nlohmann::json rows = nlohmann::json::array();
        for (const Row& row : rows_) {
            nlohmann::json values = nlohmann::json::object();
            for (const std::string& id : measure_ids)
                values[id] = row.values.contains(id) ? row.values.at(id) : nlohmann::json(nullptr);
            rows.push_back({{"key", row.item}, {"name", row.name}, {"values", values}});
        }
        return rows;
    }

private:
    struct Row {
        std::string item, name;
        nlohmann::json values = nlohmann::json::object();
    };
    std::vector<Row> rows_;
};

struct Reading {
    ItemRows items;
    std::string budget_label, actual_label;  // as printed
    bool budget = false;                     // the budget's table (budget_three_public)
};

// The value of a cell text: the amount as printed, null when blank; a non-amount is reported.
nlohmann::json read_value(const std::string& text, const FlowLine& row, MappedTable& out) {
    ++out.found.cells_read;
    if (text.empty()) return nullptr;
    if (!is_amount(text)) {
        out.unplaced.push_back(unplaced_at(row, text, "三公 value is not an amount"));
        return nullptr;
    }
    return cell_value(text);
}

void note_measure_label(Reading& reading, Measure measure, const std::string& label) {
    std::string& slot = measure == Measure::budget ? reading.budget_label : reading.actual_label;
    if (slot.empty()) slot = label;
}

// One row per item: the header row holding one 预算数 and one 决算数 column, items named in the rows below.
void read_item_rows(const Flow& flow, const std::vector<std::size_t>& rows, std::size_t header_end, Reading& reading,
                    MappedTable& out) {
    const std::vector<HeaderColumn> columns =
        header_columns(flow, std::vector<std::size_t>(rows.begin(), rows.begin() + header_end + 1));
    std::map<int, Measure> measures;
    for (std::size_t c = 0; c < columns.size(); ++c)
        for (const std::string& label : columns[c].path)
            if (measure_of(label) != Measure::none) {
                measures[static_cast<int>(c)] = measure_of(label);
                note_measure_label(reading, measure_of(label), label);
            }
    out.found.columns = static_cast<int>(measures.size());
    bool under_vehicle = false;
    for (std::size_t i = header_end + 1; i < rows.size(); ++i) {
        const FlowLine& row = flow.lines[rows[i]];
        if (is_numbering_row(row) || is_blank_row(row)) continue;
        ++out.found.rows;
        std::vector<std::string> name_parts;
        std::map<int, std::vector<std::string>> values;
        for (const FlowCell& cell : row.cells) {
            const std::string text = trim_text(cell.text);
            const int c = column_of(columns, cell);
            if (c >= 0 && measures.count(c))
                values[c].push_back(text);
            else if (c >= 0)
                name_parts.push_back(text);
            else if (!text.empty())
                out.unplaced.push_back(unplaced_at(row, text, "cell outside the table's columns"));
        }
        const std::string name = normalise_label(join_texts(name_parts));
        const std::optional<std::string> item = item_of(name, under_vehicle, reading.budget);
        if (!item) {
            out.unplaced.push_back(unplaced_at(row, row.text, "三公 row name not recognised"));
            continue;
        }
        under_vehicle = *item == "vehicle_subtotal" || *item == "vehicle_purchase" || *item == "vehicle_operation";
        for (const auto& [c, measure] : measures) {
            const std::string text = join_texts(values[c]);
            if (!reading.items.set(*item, name, measure, read_value(text, row, out)))
                out.unplaced.push_back(unplaced_at(row, text, "三公 item printed twice"));
        }
    }
}

// One row of values under a grouped header whose columns name item and measure.
void read_grouped(const Flow& flow, const std::vector<std::size_t>& rows, Reading& reading, MappedTable& out) {
    // The header: the rows above the first row of figures or column numbers, up to the last one printing text.
    std::size_t first_data = rows.size();
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (is_numbering_row(flow.lines[rows[i]]) || has_amount(flow.lines[rows[i]])) {
            first_data = i;
            break;
        }
    std::size_t header_count = 0;
    for (std::size_t i = 0; i < first_data; ++i)
        if (!is_blank_row(flow.lines[rows[i]])) header_count = i + 1;
    const std::vector<HeaderColumn> columns =
        header_columns(flow, std::vector<std::size_t>(rows.begin(), rows.begin() + header_count));
    std::vector<std::optional<Placed>> placed;
    for (const HeaderColumn& column : columns) {
        placed.push_back(place_column(column, reading.budget));
        if (placed.back()) {
            ++out.found.columns;
            // The measure's label: the top one naming it ("“三公”经费预算数"), not an item's own
            // ("机关运行经费预算数").
            for (const std::string& label : column.path)
                if (measure_of(label) == placed.back()->measure && !contains(label, "机关运行经费"))
                    note_measure_label(reading, placed.back()->measure, label);
        } else if (!column.path.empty() && header_count > 0) {
            out.unplaced.push_back(unplaced_at(flow.lines[rows[header_count - 1]], join_texts(column.path),
                                               "三公 column header not recognised"));
        }
    }
    // The row of values: the first data row printing anything; further printed rows cannot be placed.
    const FlowLine* values_row = nullptr;
    for (std::size_t i = header_count; i < rows.size(); ++i) {
        const FlowLine& row = flow.lines[rows[i]];
        if (is_numbering_row(row)) continue;
        ++out.found.rows;
        if (is_blank_row(row)) {
            if (!values_row) values_row = &row;
            continue;
        }
        if (!values_row || is_blank_row(*values_row)) {
            values_row = &row;
            continue;
        }
        out.unplaced.push_back(unplaced_at(row, row.text, "三公: a second row of values"));
    }
    std::vector<std::vector<std::string>> by_column(columns.size());
    if (values_row) {
        for (const FlowCell& cell : values_row->cells) {
            const std::string text = trim_text(cell.text);
            const int c = column_of(columns, cell);
            if (c >= 0)
                by_column[c].push_back(text);
            else if (!text.empty())
                out.unplaced.push_back(unplaced_at(*values_row, text, "cell outside the table's columns"));
        }
    }
    const FlowLine& where = values_row ? *values_row : flow.lines[rows.back()];
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const std::string text = join_texts(by_column[c]);
        if (!placed[c]) {
            if (!text.empty()) out.unplaced.push_back(unplaced_at(where, text, "三公 value under an unrecognised column"));
            continue;
        }
        if (!reading.items.set(placed[c]->item, placed[c]->name, placed[c]->measure, read_value(text, where, out)))
            out.unplaced.push_back(unplaced_at(where, join_texts(columns[c].path), "三公 column printed twice"));
    }
}

}  // namespace

MappedTable map_three_public_table(const Flow& flow, const TableSegment& segment) {
    MappedTable out;
    nlohmann::json& table = out.table;
    table["kind"] = segment.kind;
    table["number"] = segment.number.empty() ? nlohmann::json(nullptr) : nlohmann::json(segment.number);
    table["title"] = segment.title;
    table["unit"] = segment.unit.empty() ? nlohmann::json(nullptr) : nlohmann::json(segment.unit);
    std::set<std::size_t> used;
    if (segment.title_line < flow.lines.size()) used.insert(segment.title_line);
    for (std::size_t index : segment_lines_before_rows(flow, segment)) used.insert(index);
    const std::vector<std::size_t> rows = segment_table_rows(flow, segment);
    for (std::size_t index : rows) used.insert(index);

    const bool budget = segment.kind == "budget_three_public";
    Reading reading;
    reading.budget = budget;
    if (rows.empty()) {
        const std::size_t where = segment.title_line < flow.lines.size() ? segment.title_line : 0;
        if (!flow.lines.empty())
            out.unplaced.push_back(unplaced_at(flow.lines[where], segment.title, "三公 table: no table rows found"));
    } else {
        // A grouped header whose columns name the items (one row of values); else one row per item under a
        // header row printing one 预算数 and one 决算数.
        MappedTable grouped_out;
        Reading grouped;
        grouped.budget = budget;
        read_grouped(flow, rows, grouped, grouped_out);
        std::optional<std::size_t> item_header;
        if (grouped_out.found.columns == 0)
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const FlowLine& row = flow.lines[rows[i]];
                if (has_amount(row) && !is_numbering_row(row)) break;
                const int actual_cells = measure_cells(row, Measure::actual);
                if (measure_cells(row, Measure::budget) == 1 && actual_cells == (budget ? 0 : 1)) {
                    item_header = i;
                    break;
                }
            }
        if (item_header) {
            read_item_rows(flow, rows, *item_header, reading, out);
        } else {
            reading = std::move(grouped);
            out.found = grouped_out.found;
            out.unplaced = std::move(grouped_out.unplaced);
            if (out.found.columns == 0)
                out.unplaced.push_back(unplaced_at(flow.lines[rows.front()], segment.title,
                                                   "三公 table: no column names an item and a 预算数 or 决算数"));
        }
    }

    nlohmann::json block;
    block["id"] = "main";
    block["columns"] = nlohmann::json::array();
    std::vector<std::string> measure_ids;
    // A budget's table has one measure, printed over each group ("“三公”经费预算数", "机关运行经费预算数"):
    // its column is the 预算数.
    if (budget && out.found.columns > 0) reading.budget_label = "预算数";
    if (!reading.budget_label.empty()) {
        block["columns"].push_back({{"id", "budget"}, {"label", reading.budget_label}});
        measure_ids.push_back("budget");
    }
    if (!reading.actual_label.empty()) {
        block["columns"].push_back({{"id", "actual"}, {"label", reading.actual_label}});
        measure_ids.push_back("actual");
    }
    block["rows"] = reading.items.json(measure_ids);
    out.found.kind = segment.kind;
    out.found.title = segment.title;
    table["blocks"] = nlohmann::json::array({block});

    for (std::size_t index : read_table_notes(flow, segment, table)) used.insert(index);
    std::set<int> pages;
    for (std::size_t index : used)
        if (index < flow.lines.size()) pages.insert(flow.lines[index].page);
    out.found.pages.assign(pages.begin(), pages.end());
    out.used_lines.assign(used.begin(), used.end());
    return out;
}

}  // namespace gongkai::import
