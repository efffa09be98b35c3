#include "import/structure/document_parts.hpp"

#include <algorithm>
#include <set>

#include "import/structure/structure_text.hpp"

namespace gongkai::import::structure {

namespace {

// The kind of part a heading's words name, e.g. "湘潭县人民政府办公室概况" → overview.
PartKind classify(const std::string& title) {
    if (contains(title, "名词解释")) return PartKind::glossary;
    if (starts_with(title, "附件")) return PartKind::attachments;
    if (ends_with(title, "概况")) return PartKind::overview;
    if (ends_with(title, "表") && (contains(title, "决算表") || contains(title, "预算表"))) return PartKind::tables;
    if (ends_with(title, "说明")) return PartKind::narrative;
    return PartKind::other;
}

bool has_sentence_punctuation(const std::string& s) {
    return contains(s, "，") || contains(s, "。") || contains(s, "；") || contains(s, "：");
}

// Index of the next text line after `i` that is not skipped, or flow.lines.size().
std::size_t next_text_line(const Flow& flow, std::size_t i) {
    for (std::size_t j = i + 1; j < flow.lines.size(); ++j)
        if (flow.lines[j].kind == FlowLine::Kind::text) return j;
    return flow.lines.size();
}

bool has_leader_dots(const std::string& s) { return contains(s, "……") || contains(s, "...") || contains(s, "…"); }

// The flow index where the body begins after a table of contents (目录): the contents list the part
// headings 第一部分 … 第四部分 and the body repeats them, so the body begins where the numbering starts
// again; a contents listing no parts ends at the first part heading. npos without 目录 or part headings.
std::size_t body_start_after_contents(const Flow& flow, const std::vector<bool>& skip, bool budget) {
    std::size_t contents = std::string::npos;
    std::vector<std::pair<std::size_t, int>> headings;  // (line, 第N部分 number)
    for (std::size_t i = 0; i < flow.lines.size(); ++i) {
        if ((i < skip.size() && skip[i]) || flow.lines[i].kind != FlowLine::Kind::text) continue;
        if (contents == std::string::npos) {
            if (squeeze(flow.lines[i].text) == "目录") contents = i;
            continue;
        }
        const PartHeading h = part_heading_at(flow, i, budget);
        if (h.number > 0) headings.emplace_back(i, h.number);
    }
    if (headings.empty()) return std::string::npos;
    for (std::size_t k = 1; k < headings.size(); ++k)
        if (headings[k].second <= headings[k - 1].second) return headings[k].first;
    return headings.front().first;
}

// An entry of the contents without its leader dots and page number: "一、部门主要职能……3" → "一、部门主要职能".
std::string contents_entry(const std::string& s) {
    std::string e = s.substr(0, std::min(s.find("…"), s.find("...")));
    while (!e.empty() && e.back() >= '0' && e.back() <= '9') e.pop_back();
    return e;
}

}  // namespace

PartHeading part_heading_at(const Flow& flow, std::size_t i, bool budget) {
    PartHeading h;
    const FlowLine& line = flow.lines[i];
    if (line.kind != FlowLine::Kind::text) return h;
    const std::string s = squeeze(line.text);
    if (starts_with(s, "第")) {
        const std::size_t end = s.find("部分");
        if (end == std::string::npos || end > 3 + 9) return h;
        const int number = chinese_number(s.substr(3, end - 3));
        if (number == 0) return h;
        std::string title = s.substr(end + 6);
        h.number = number;
        h.lines.push_back(i);
        PartKind kind = title.empty() ? PartKind::other : classify(title);
        // The title may be printed on the next line (第一部分 / 湘潭县人民政府办公室 概况) or wrap onto it
        // (…部门决算情况 / 说明).
        if (kind == PartKind::other) {
            const std::size_t j = next_text_line(flow, i);
            if (j < flow.lines.size()) {
                const std::string next = squeeze(flow.lines[j].text);
                const PartKind joined = classify(title + next);
                if (joined != PartKind::other && char_count(next) <= 40 && !has_sentence_punctuation(next) &&
                    read_marker(next).kind == Marker::Kind::none) {
                    kind = joined;
                    h.lines.push_back(j);
                }
            }
        }
        h.kind = kind;
        return h;
    }
    // Headings printed without 第N部分 (Shanghai prints "上海市XX局2024年度部门决算表" alone).
    if (char_count(s) > 40 || has_sentence_punctuation(s) || read_marker(s).kind != Marker::Kind::none) return h;
    if (budget) {
        // A Shanghai budget's parts: its headings name the department or the year, or nothing else.
        PartKind kind = PartKind::other;
        if (ends_with(s, "主要职能") || ends_with(s, "主要职责") || ends_with(s, "机构设置")) kind = PartKind::overview;
        else if (s == "名词解释") kind = PartKind::glossary;
        else if (ends_with(s, "预算编制说明") || (ends_with(s, "情况说明") && char_count(s) >= 6)) kind = PartKind::narrative;
        else if (s == "附件") kind = PartKind::attachments;
        if (kind != PartKind::other) {
            h.kind = kind;
            h.lines.push_back(i);
            return h;
        }
    }
    // A sentence of the 概况 may happen to end in "部门决算表"; the heading names the year ("上海市XX局2024年度
    // 部门决算表") or nothing else.
    const bool titled = find_year(s) != 0 || s == "部门决算表" || s == "部门决算情况说明" || s == "部门预算表";
    PartKind kind = PartKind::other;
    if (titled && (ends_with(s, "部门决算表") || ends_with(s, "部门预算表"))) kind = PartKind::tables;
    else if (titled && (ends_with(s, "决算情况说明") || ends_with(s, "预算情况说明"))) kind = PartKind::narrative;
    else if (s == "名词解释") kind = PartKind::glossary;
    else if (s == "附件") kind = PartKind::attachments;
    else if (ends_with(s, "概况") && char_count(s) > 2) kind = PartKind::overview;
    if (kind == PartKind::other) return h;
    h.kind = kind;
    h.lines.push_back(i);
    return h;
}

std::vector<Part> split_parts(const Flow& flow, const std::vector<bool>& skip, bool budget) {
    std::vector<Part> parts(1);
    parts[0].kind = PartKind::cover;
    bool contents_dots = false;  // the table of contents prints leader dots
    std::set<std::string> entries;  // the contents' entries without dots and page numbers
    bool seen_contents = false;
    const std::size_t body_start = body_start_after_contents(flow, skip, budget);
    int last_number = 0;
    auto start = [&](PartKind kind, const std::vector<std::size_t>& heading_lines) {
        Part p;
        p.kind = kind;
        p.heading_lines = heading_lines;
        for (std::size_t k : heading_lines) {
            if (!p.heading.empty()) p.heading += ' ';
            p.heading += collapse_spaces(flow.lines[k].text);
        }
        parts.push_back(std::move(p));
    };
    for (std::size_t i = 0; i < flow.lines.size(); ++i) {
        if (i < skip.size() && skip[i]) continue;
        const FlowLine& line = flow.lines[i];
        Part& current = parts.back();
        if (line.kind != FlowLine::Kind::text) {
            current.lines.push_back(i);
            continue;
        }
        const std::string s = squeeze(line.text);
        if (!seen_contents && s == "目录" &&
            (current.kind == PartKind::cover || current.kind == PartKind::other)) {
            seen_contents = true;
            start(PartKind::contents, {i});
            continue;
        }
        const PartHeading h = part_heading_at(flow, i, budget);
        if (current.kind == PartKind::contents) {
            // Without numbered parts the body begins with the first line that repeats an entry of the
            // contents, or with the first line without leader dots after dotted entries.
            const bool repeats_entry = !has_leader_dots(s) && entries.count(contents_entry(s)) > 0;
            const bool body_begins = i == body_start || (body_start == std::string::npos && h.number == 0 &&
                                                         (repeats_entry || (contents_dots && !has_leader_dots(s))));
            if (!body_begins) {
                if (has_leader_dots(s)) contents_dots = true;
                entries.insert(contents_entry(s));
                current.lines.push_back(i);
                continue;
            }
            if (h.lines.empty()) {  // an unnumbered body after a dotted table of contents
                start(PartKind::other, {});
                parts.back().lines.push_back(i);
                continue;
            }
            if (h.number > 0) last_number = h.number;
            start(h.kind, h.lines);
            i = h.lines.back();
            continue;
        }
        if (!h.lines.empty()) {
            // A heading without 第N部分 only starts a part that comes later in the printed order; a numbered
            // one starts its part whatever it is called.
            const bool accept = h.number > 0 ? h.number > last_number
                                             : static_cast<int>(h.kind) > static_cast<int>(current.kind) ||
                                                   current.kind == PartKind::other || (budget && last_number == 0);
            if (accept) {
                if (h.number > 0) last_number = h.number;
                start(h.kind, h.lines);
                i = h.lines.back();
                continue;
            }
            // A numberless heading repeating the part just started by a numbered one (第二部分 / 上海市XX局
            // 2024年度部门决算表) belongs to that heading.
            if (h.number == 0 && h.kind == current.kind && current.lines.empty()) {
                current.heading_lines.push_back(i);
                current.heading += ' ' + collapse_spaces(line.text);
                continue;
            }
        }
        current.lines.push_back(i);
    }
    return parts;
}

}  // namespace gongkai::import::structure
