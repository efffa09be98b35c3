// Finds the nine tables of a flow by their printed titles and hands each one to the mapper of its layout.
#include "import/tables/table_reader.hpp"

#include <algorithm>
#include <set>

#include "import/tables/cell_text.hpp"
#include "import/tables/table_segment.hpp"
#include "import/tables/table_titles.hpp"

namespace gongkai::import {

namespace {

// The kind of table a line's title names: a text line, or a table row whose only printed cell is a title.
std::string title_kind(const FlowLine& line) {
    if (line.kind == FlowLine::Kind::text) return table_kind_of_title(line.text);
    const FlowCell* only = nullptr;
    for (const FlowCell& cell : line.cells) {
        if (trim_text(cell.text).empty()) continue;
        if (only) return "";
        only = &cell;
    }
    return only ? table_kind_of_title(only->text) : "";
}

std::string title_text(const FlowLine& line) {
    if (line.kind == FlowLine::Kind::text) return printed_title(line.text);
    for (const FlowCell& cell : line.cells)
        if (!trim_text(cell.text).empty()) return printed_title(cell.text);
    return "";
}

// True when some cell of the table holds a printed value.
bool prints_values(const nlohmann::json& table) {
    if (!table.contains("blocks")) return false;
    for (const auto& block : table["blocks"]) {
        if (!block.contains("rows")) continue;
        for (const auto& row : block["rows"]) {
            if (!row.contains("values")) continue;
            for (const auto& value : row["values"])
                if (!value.is_null()) return true;
        }
    }
    return false;
}

struct Candidate {
    std::size_t line = 0;
    std::string kind;
};

MappedTable map_segment(const Flow& flow, const TableSegment& segment) {
    if (segment.kind == "income_expenditure_summary" || segment.kind == "fiscal_summary" ||
        segment.kind == "budget_summary" || segment.kind == "budget_fiscal_summary")
        return map_two_sided_table(flow, segment);
    if (segment.kind == "three_public" || segment.kind == "budget_three_public") return map_three_public_table(flow, segment);
    if (segment.kind == "basic_expenditure") return map_basic_expenditure_table(flow, segment);
    return map_code_table(flow, segment);
}

}  // namespace

TablesResult read_tables(const Flow& flow) {
    TablesResult result;
    const std::size_t n = flow.lines.size();

    // 1. Every line that prints a table title (the table of contents and the narrative print none exactly).
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < n; ++i) {
        std::string kind = title_kind(flow.lines[i]);
        if (!kind.empty()) candidates.push_back({i, std::move(kind)});
    }
    auto is_part = [&](std::size_t i) {
        return flow.lines[i].kind == FlowLine::Kind::text && is_part_heading(flow.lines[i].text);
    };

    // 2. A title is a table's title only when table rows follow it before the next title or part heading.
    std::vector<Candidate> titles;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        const std::size_t limit = c + 1 < candidates.size() ? candidates[c + 1].line : n;
        for (std::size_t j = candidates[c].line + 1; j < limit && !is_part(j); ++j) {
            if (flow.lines[j].kind == FlowLine::Kind::table_row) {
                titles.push_back(candidates[c]);
                break;
            }
        }
    }

    // 3. Segments: from a title to the next title, part heading, or (after its rows) an ordinal heading.
    //    A title repeated right after its own table (a continuation page) continues the same segment.
    std::vector<TableSegment> segments;
    std::vector<std::vector<std::size_t>> title_zone;  // per segment: title, furniture and header text lines
    std::set<std::size_t> claimed;                     // furniture lines claimed by the next table's title
    for (std::size_t t = 0; t < titles.size(); ++t) {
        const std::size_t title = titles[t].line;
        const std::size_t limit = t + 1 < titles.size() ? titles[t + 1].line : n;
        std::vector<std::size_t> lines;
        bool seen_row = false;
        for (std::size_t j = title + 1; j < limit; ++j) {
            const FlowLine& line = flow.lines[j];
            if (is_part(j)) break;
            if (line.kind == FlowLine::Kind::table_row) seen_row = true;
            else if (seen_row && (is_ordinal_heading(line.text) || is_unnumbered_part_heading(line.text))) break;
            lines.push_back(j);
        }
        // Furniture printed just above the next title (公开NN表, 单位：…) belongs to the next table.
        if (t + 1 < titles.size() && !lines.empty() && lines.back() + 1 == limit) {
            while (!lines.empty() && flow.lines[lines.back()].kind == FlowLine::Kind::text &&
                   is_title_furniture(flow.lines[lines.back()].text) && lines.back() + 4 >= limit) {
                claimed.insert(lines.back());
                lines.pop_back();
            }
        }
        if (!segments.empty() && segments.back().kind == titles[t].kind &&
            segments.back().lines.size() > 0 && t > 0 && titles[t - 1].kind == titles[t].kind) {
            // A repeated title: the same table continues.
            title_zone.back().push_back(title);
            segments.back().lines.insert(segments.back().lines.end(), lines.begin(), lines.end());
            continue;
        }
        TableSegment segment;
        segment.kind = titles[t].kind;
        segment.title = title_text(flow.lines[title]);
        segment.title_line = title;
        segment.lines = std::move(lines);
        segments.push_back(std::move(segment));
        title_zone.push_back({title});
    }

    // 4. Number and unit: on the title line, the furniture just above it, or the lines between it and the grid.
    for (std::size_t s = 0; s < segments.size(); ++s) {
        TableSegment& segment = segments[s];
        std::vector<std::size_t> zone;
        for (std::size_t back = segment.title_line; back > 0 && claimed.count(back - 1); --back) zone.push_back(back - 1);
        for (std::size_t j : segment.lines) {
            if (flow.lines[j].kind == FlowLine::Kind::table_row) break;
            zone.push_back(j);
        }
        auto scan = [&](const std::string& text) {
            if (segment.number.empty()) segment.number = table_number_in(text);
            if (segment.unit.empty()) segment.unit = table_unit_in(text);
        };
        scan(flow.lines[segment.title_line].kind == FlowLine::Kind::text ? flow.lines[segment.title_line].text : "");
        for (std::size_t j : zone) {
            scan(flow.lines[j].text);
            title_zone[s].push_back(j);
        }
        if (segment.unit.empty()) {
            // Some grids print 单位：万元 in a cell of their first row.
            for (std::size_t j : segment.lines) {
                const FlowLine& line = flow.lines[j];
                if (line.kind != FlowLine::Kind::table_row) continue;
                for (const FlowCell& cell : line.cells)
                    if (segment.unit.empty()) segment.unit = table_unit_in(cell.text);
                break;
            }
        }
    }

    // 5. Map each segment and collect the results in printed order.
    std::set<std::string> found_kinds;
    std::set<std::size_t> table_lines;
    for (std::size_t s = 0; s < segments.size(); ++s) {
        const TableSegment& segment = segments[s];
        if (found_kinds.count(segment.kind)) {
            // A second table with the title of one already read: the format holds each kind once.
            const FlowLine& line = flow.lines[segment.title_line];
            result.unplaced.push_back({line.page, line.line_number, segment.title,
                                       "a second table titled " + segment.title + " (" + segment.kind + "); not read"});
            continue;
        }
        MappedTable mapped = map_segment(flow, segment);
        mapped.table["kind"] = segment.kind;
        mapped.table["title"] = segment.title;
        mapped.table["number"] = segment.number.empty() ? nlohmann::json() : nlohmann::json(segment.number);
        if (!segment.unit.empty()) mapped.table["unit"] = segment.unit;
        else mapped.table.erase("unit");
        // The page the table starts on: its title's page, when the source has pages.
        if (flow.paged) mapped.table["page"] = flow.lines[segment.title_line].page;
        else mapped.table.erase("page");
        if (!mapped.table.contains("notes")) mapped.table["notes"] = nlohmann::json::array();
        if (!mapped.table.contains("empty_explanation")) mapped.table["empty_explanation"] = nullptr;
        // A budget table whose note calls it empty (本表为空表) but which prints figures is not empty: the note
        // stays a note.
        if (is_budget_kind(segment.kind) && !mapped.table["empty_explanation"].is_null() && prints_values(mapped.table))
            mapped.table["empty_explanation"] = nullptr;
        mapped.found.kind = segment.kind;
        mapped.found.title = segment.title;
        std::set<int> pages(mapped.found.pages.begin(), mapped.found.pages.end());
        pages.insert(flow.lines[segment.title_line].page);
        for (std::size_t j : segment.lines)
            if (flow.lines[j].kind == FlowLine::Kind::table_row) pages.insert(flow.lines[j].page);
        mapped.found.pages.assign(pages.begin(), pages.end());

        // Text lines inside the table body that nobody used are reported, never dropped.
        std::set<std::size_t> used(mapped.used_lines.begin(), mapped.used_lines.end());
        used.insert(title_zone[s].begin(), title_zone[s].end());
        std::size_t first_row = n, last_row = 0;
        for (std::size_t j : segment.lines) {
            if (flow.lines[j].kind != FlowLine::Kind::table_row) continue;
            first_row = std::min(first_row, j);
            last_row = std::max(last_row, j);
        }
        for (std::size_t j : segment.lines) {
            const FlowLine& line = flow.lines[j];
            if (line.kind != FlowLine::Kind::text || used.count(j) || j < first_row || j > last_row) continue;
            if (trim_text(line.text).empty()) continue;
            // A continuation page's 续表 mark and its repeated 部门/单位/公开NN表 lines belong to the table.
            if (is_continuation_mark(line.text) || is_title_furniture(line.text)) {
                used.insert(j);
                continue;
            }
            mapped.unplaced.push_back({line.page, line.line_number, line.text,
                                       "text line inside the table " + segment.title + " that is no part of it"});
            used.insert(j);
        }
        table_lines.insert(used.begin(), used.end());
        result.unplaced.insert(result.unplaced.end(), mapped.unplaced.begin(), mapped.unplaced.end());
        result.found.push_back(mapped.found);
        result.tables.push_back(std::move(mapped.table));
        found_kinds.insert(segment.kind);
    }
    for (const std::string& kind : table_kinds())
        if (!found_kinds.count(kind)) result.missing.push_back(kind);
    // The budget tables a table of contents announces (each once, in its order): those not printed are absent.
    std::set<std::string> announced;
    for (std::size_t i = 0; i < n; ++i) {
        const FlowLine& line = flow.lines[i];
        if (line.kind != FlowLine::Kind::text || table_lines.count(i)) continue;
        const std::string kind = announced_table_kind(line.text);
        if (!kind.empty() && announced.insert(kind).second)
            result.announced.push_back({kind, announced_table_title(line.text), announced_table_ordinal(line.text)});
    }
    result.table_lines.assign(table_lines.begin(), table_lines.end());
    return result;
}

std::vector<FoundTable> unrecognised_tables(const Flow& flow, const std::vector<std::size_t>& table_lines) {
    const std::set<std::size_t> claimed(table_lines.begin(), table_lines.end());
    std::vector<FoundTable> out;
    int grid = -1;
    for (std::size_t i = 0; i < flow.lines.size(); ++i) {
        const FlowLine& line = flow.lines[i];
        if (line.kind != FlowLine::Kind::table_row || claimed.count(i)) continue;
        if (out.empty() || line.grid != grid) {
            // A new grid: its title is the nearest text line above it that is not a 单位/部门 line.
            FoundTable t;
            t.title = "(no title)";
            for (std::size_t back = i, seen = 0; back > 0 && seen < 4; --back) {
                const FlowLine& above = flow.lines[back - 1];
                if (above.kind != FlowLine::Kind::text) break;
                ++seen;
                if (trim_text(above.text).empty() || is_title_furniture(above.text)) continue;
                t.title = printed_title(above.text);
                break;
            }
            // A grid continued on the next page under the same title is the same table.
            if (!out.empty() && t.title == "(no title)" && flow.lines[i].page == out.back().pages.back() + 1) {
                grid = line.grid;
            } else {
                out.push_back(std::move(t));
                grid = line.grid;
            }
        }
        FoundTable& t = out.back();
        if (t.pages.empty() || t.pages.back() != line.page) t.pages.push_back(line.page);
        ++t.rows;
    }
    return out;
}

}  // namespace gongkai::import
