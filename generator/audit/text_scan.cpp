#include "audit/text_scan.hpp"

namespace gongkai {

namespace {

std::string num(std::size_t i) { return std::to_string(i); }

}  // namespace

std::vector<TextPlace> printed_texts(const Filing& f) {
    std::vector<TextPlace> out;
    auto add = [&](const std::string& text, std::string where, const char* kind, std::string pointer, std::string anchor, bool heading) {
        if (!text.empty()) out.push_back({text, std::move(where), kind, std::move(pointer), std::move(anchor), heading});
    };
    add(f.department_name, "部门名称", "department", "/department/name", "source", false);
    add(f.source.title, "文件标题", "title", "/source/title", "source", true);
    for (std::size_t i = 0; i < f.parts.size(); ++i) {
        std::string where = "第 " + num(i + 1) + " 部分的标题";
        add(f.parts[i].number, where, "part", "/parts/" + num(i) + "/number", "source", true);
        add(f.parts[i].title, where, "part", "/parts/" + num(i) + "/title", "source", true);
    }
    const Overview& o = f.overview;
    add(o.text, "部门概况", "overview", "/overview/text", "overview", false);
    for (std::size_t i = 0; i < o.duties.size(); ++i)
        add(o.duties[i], "部门概况（部门职责第 " + num(i + 1) + " 条）", "overview", "/overview/duties/" + num(i), "overview", false);
    for (std::size_t i = 0; i < o.internal_unit_names.size(); ++i)
        add(o.internal_unit_names[i], "部门概况（内设机构）", "overview", "/overview/internal_units/names/" + num(i), "overview", false);
    for (std::size_t i = 0; i < o.consolidated_units.size(); ++i) {
        std::string p = "/overview/consolidated_units/" + num(i);
        add(o.consolidated_units[i].name, "部门概况（决算单位构成）", "overview", p + "/name", "overview", false);
        add(o.consolidated_units[i].note, "部门概况（决算单位构成）", "overview", p + "/note", "overview", false);
    }
    for (const auto& t : f.tables) {
        std::string name = std::string(standard_table_title(t.kind)), anchor = "table-" + std::string(table_kind_id(t.kind));
        add(t.number, name + "的表号", "table-title", t.pointer + "/number", anchor, true);
        add(t.title, name + "的标题", "table-title", t.pointer + "/title", anchor, true);
        for (std::size_t b = 0; b < t.blocks.size(); ++b) {
            const Block& bl = t.blocks[b];
            std::string bp = t.pointer + "/blocks/" + num(b);
            for (std::size_t c = 0; c < bl.columns.size(); ++c)
                add(bl.columns[c].label, name + "的栏目“" + clip(bl.columns[c].label, 12) + "”", "table-label", bp + "/columns/" + num(c) + "/label",
                    anchor, false);
            for (std::size_t r = 0; r < bl.rows.size(); ++r)
                add(bl.rows[r].name, name + "的行名", "table-label", bp + "/rows/" + num(r) + "/name", anchor, false);
        }
        bool explanation_is_note = false;
        for (std::size_t i = 0; i < t.notes.size(); ++i) {
            add(t.notes[i], name + "的表注", "table-note", t.pointer + "/notes/" + num(i), anchor, false);
            explanation_is_note = explanation_is_note || t.notes[i] == t.empty_explanation;
        }
        if (!explanation_is_note) add(t.empty_explanation, name + "的空表说明", "table-note", t.pointer + "/empty_explanation", anchor, false);
    }
    for (std::size_t i = 0; i < f.sections.size(); ++i) {
        const auto& s = f.sections[i];
        std::string p = "/narrative/sections/" + num(i), anchor = "section-" + num(i);
        std::string id = s.id.empty() ? num(i + 1) : s.id;
        add(s.title, "情况说明第" + id + "部分的标题", "section-title", p + "/title", anchor, true);
        add(s.text, "情况说明“" + clip(s.title.empty() ? id : s.title, 22) + "”", "section", p + "/text", anchor, false);
    }
    for (std::size_t i = 0; i < f.glossary.size(); ++i) {
        const auto& g = f.glossary[i];
        std::string where = "名词解释" + (g.term.empty() ? "第 " + num(i + 1) + " 条" : "“" + clip(g.term, 16) + "”");
        add(g.term, where, "glossary", "/glossary/" + num(i) + "/term", "glossary", false);
        add(g.definition, where, "glossary", "/glossary/" + num(i) + "/definition", "glossary", false);
    }
    for (std::size_t i = 0; i < f.attachments.size(); ++i) {
        const auto& a = f.attachments[i];
        std::string p = "/attachments/" + num(i), anchor = "attachment-" + num(i);
        std::string ordinal = f.attachments.size() > 1 ? "第 " + num(i + 1) + " 个附件" : "附件";
        add(a.title, ordinal + "的标题", "attachment-title", p + "/title", anchor, true);
        add(a.text, a.title.empty() ? ordinal : "附件《" + clip(a.title, 24) + "》", "attachment", p + "/text", anchor, false);
    }
    return out;
}

Utf8Text::Utf8Text(const std::string& s) : bytes(s) {
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        if (i + n > s.size()) n = 1;
        char32_t v = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < n; ++k) v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        at.push_back(i);
        cp.push_back(v);
        i += n;
    }
    at.push_back(s.size());
}

bool Utf8Text::starts(std::size_t i, const std::string& word) const {
    return i < cp.size() && bytes.compare(at[i], word.size(), word) == 0;
}

std::string utf8(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

bool is_cjk(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }
bool is_ascii_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00a0'; }

std::string excerpt(const std::string& s, const Utf8Text& t, std::size_t b, std::size_t e, std::size_t radius) {
    std::size_t from = b > radius ? b - radius : 0, to = std::min(t.size(), e + radius);
    std::string out = from > 0 ? "……" : "";
    for (std::size_t i = from; i < to; ++i) out += (t[i] == U'\n' || t[i] == U'\r') ? std::string(" ") : t.slice(s, i, i + 1);
    if (to < t.size()) out += "……";
    return out;
}

std::string sentence_around(const std::string& s, const Utf8Text& t, std::size_t b, std::size_t e) {
    auto ends = [](char32_t c) { return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'\n'; };
    std::size_t from = b;
    while (from > 0 && !ends(t[from - 1])) --from;
    std::size_t to = e;
    while (to < t.size() && !ends(t[to])) ++to;
    if (to < t.size() && t[to] != U'\n') ++to;
    while (from < to && (is_space(t[from]) || t[from] == U'\r')) ++from;
    return t.slice(s, from, to);
}

std::string clip(const std::string& s, std::size_t n) {
    Utf8Text t(s);
    if (t.size() <= n) return s;
    return t.slice(s, 0, n) + "…";
}

CellRef text_cell(const TextPlace& p, const std::string& printed) {
    CellRef c;
    c.table = "text";
    c.block = p.kind;
    c.label = p.where;
    c.printed = printed;
    c.anchor = p.anchor;
    c.pointer = p.pointer;
    return c;
}

}  // namespace gongkai
