// The printed notes under a table (注：…, its numbered follow-up lines, 说明：…) and the explanation of an
// empty table (本表无数据).
#include <string>
#include <string_view>
#include <vector>

#include "import/tables/cell_text.hpp"
#include "import/tables/table_segment.hpp"
#include "import/text_match.hpp"

namespace gongkai::import {

namespace {

// A line that opens the notes block: 注：/注:/备注：/说明：, or a line saying the table has no data.
bool opens_notes(std::string_view line) {
    for (std::string_view prefix : {"注：", "注:", "备注：", "备注:", "说明：", "说明:"})
        if (starts_with(line, prefix)) return true;
    return contains(line, "本表无数据");
}

// A line that starts a new note of its own rather than continuing a wrapped one: a 注/说明 line, a
// numbered item ("2.", "2、", "（2）", "(2)"), or any line after one that ended a sentence.
bool starts_new_note(std::string_view line, std::string_view previous) {
    if (opens_notes(line)) return true;
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits > 0) {
        const std::string_view rest = line.substr(digits);
        for (std::string_view mark : {".", "．", "、", "）", ")"})
            if (starts_with(rest, mark)) return true;
    }
    if (starts_with(line, "（") || starts_with(line, "(")) return true;
    for (std::string_view end : {"。", "：", ":", "；", ";", "！", "？", ".", "）"})
        if (previous.size() >= end.size() && previous.substr(previous.size() - end.size()) == end) return true;
    return false;
}

// The note that explains an empty table: one saying 无数据 (a budget's: 本表为空表), else a 说明 saying there was nothing (没有).
const std::string* empty_explanation(const std::vector<std::string>& notes) {
    for (const std::string& note : notes)
        if (contains(note, "无数据") || contains(note, "为空表") || contains(note, "本表为空")) return &note;
    for (const std::string& note : notes)
        if ((starts_with(note, "说明：") || starts_with(note, "说明:")) && contains(note, "没有")) return &note;
    return nullptr;
}

}  // namespace

std::vector<std::size_t> read_table_notes(const Flow& flow, const TableSegment& segment, nlohmann::json& table) {
    std::vector<std::string> notes;
    std::vector<std::size_t> used;
    bool in_notes = false;
    for (std::size_t index : segment.lines) {
        if (index >= flow.lines.size()) continue;
        const FlowLine& line = flow.lines[index];
        if (line.kind != FlowLine::Kind::text) {
            in_notes = false;  // a table row after a note: the note block has ended
            continue;
        }
        const std::string text = trim_text(line.text);
        if (text.empty()) continue;
        if (!in_notes && !opens_notes(text)) continue;
        if (!in_notes || notes.empty() || starts_new_note(text, notes.back())) {
            notes.push_back(text);
        } else {
            notes.back() += text;  // a note wrapped over two printed lines
        }
        in_notes = true;
        used.push_back(index);
    }
    table["notes"] = notes;
    if (const std::string* explanation = empty_explanation(notes))
        table["empty_explanation"] = *explanation;
    else
        table["empty_explanation"] = nullptr;
    return used;
}

}  // namespace gongkai::import
