// HTML -> the tab-separated text form of the same document -> text_flow(). A page is read as a stream of tags
// and text: table rows become lines of tab-separated cells (colspan and rowspan leave empty cells where a
// printed table would show the merged cell's neighbours), other block elements become lines of text. A table
// that holds another table is page layout, not data: its cells become text lines, the inner tables rows.
#include "import/layout/html_flow.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "import/layout/text_flow.hpp"
#include "import/source/import_error.hpp"

namespace gongkai::import {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Decodes character references; unknown ones stay as printed.
std::string decode_entities(const std::string& s) {
    static const std::map<std::string, unsigned long> named = {
        {"nbsp", 0x20}, {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"ldquo", 0x201C},
        {"rdquo", 0x201D}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"mdash", 0x2014}, {"ndash", 0x2013},
        {"hellip", 0x2026}, {"middot", 0xB7}, {"times", 0xD7}, {"ensp", 0x20}, {"emsp", 0x20}, {"thinsp", 0x20}};
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        const std::size_t semi = s.find(';', i);
        if (semi == std::string::npos || semi - i > 10) {
            out += s[i];
            continue;
        }
        const std::string name = s.substr(i + 1, semi - i - 1);
        unsigned long cp = 0;
        bool ok = false;
        if (!name.empty() && name[0] == '#') {
            const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
            const std::string digits = name.substr(hex ? 2 : 1);
            ok = !digits.empty() && digits.size() <= 7 &&
                 std::all_of(digits.begin(), digits.end(), [&](char c) { return hex ? std::isxdigit(static_cast<unsigned char>(c)) : std::isdigit(static_cast<unsigned char>(c)); });
            if (ok) cp = std::stoul(digits, nullptr, hex ? 16 : 10);
        } else if (auto it = named.find(name); it != named.end()) {
            cp = it->second, ok = true;
        }
        if (!ok) {
            out += s[i];
            continue;
        }
        append_utf8(out, cp);
        i = semi;
    }
    return out;
}

// Whitespace runs (spaces, tabs, newlines) become one space; leading and trailing ones go.
std::string collapse(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// A cell's lines (marked \x01 at a <br>) join without a separator next to Chinese text, as a printed cell
// wrapped over two lines reads ("机关事业单位基本养老保险<br>缴费支出"), and with one space between Latin text.
std::string join_cell_lines(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\x01') {
            out += s[i];
            continue;
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        std::size_t j = i + 1;
        while (j < s.size() && (s[j] == ' ' || s[j] == '\x01')) ++j;
        const bool wide_before = !out.empty() && (static_cast<unsigned char>(out.back()) & 0x80);
        const bool wide_after = j < s.size() && (static_cast<unsigned char>(s[j]) & 0x80);
        if (!out.empty() && j < s.size() && !wide_before && !wide_after) out += ' ';
        i = j - 1;
    }
    return out;
}

int span_of(const std::string& tag, const char* attribute) {
    const std::string t = lower(tag);
    auto at = t.find(attribute);
    if (at == std::string::npos) return 1;
    at = t.find_first_of("0123456789", at);
    if (at == std::string::npos) return 1;
    int n = 0;
    for (; at < t.size() && std::isdigit(static_cast<unsigned char>(t[at])) && n < 1000; ++at) n = n * 10 + (t[at] - '0');
    return std::clamp(n, 1, 100);
}

struct Cell {
    std::string text;
    int colspan = 1, rowspan = 1;
};

struct Table {
    bool layout = false;                // holds another table: its cells are text, not data
    std::vector<Cell> row;              // cells of the open row
    bool in_row = false, in_cell = false;
    std::string cell_text;
    int cell_colspan = 1, cell_rowspan = 1;
    std::vector<int> pending;           // per column: rows still covered by a rowspan from above
};

class Converter {
public:
    std::string run(const std::string& html) {
        std::size_t i = 0;
        while (i < html.size()) {
            if (html[i] != '<') {
                const std::size_t next = html.find('<', i);
                text(html.substr(i, next == std::string::npos ? std::string::npos : next - i));
                i = next == std::string::npos ? html.size() : next;
                continue;
            }
            if (html.compare(i, 4, "<!--") == 0) {
                const std::size_t end = html.find("-->", i + 4);
                i = end == std::string::npos ? html.size() : end + 3;
                continue;
            }
            const std::size_t end = html.find('>', i);
            if (end == std::string::npos) break;
            const std::string tag = html.substr(i + 1, end - i - 1);
            i = end + 1;
            std::string name;
            bool closing = !tag.empty() && tag[0] == '/';
            for (std::size_t k = closing ? 1 : 0; k < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[k]))); ++k)
                name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[k])));
            if (!closing && (name == "script" || name == "style" || name == "head" || name == "title")) {
                const std::size_t close = lower(html.substr(i, std::min<std::size_t>(html.size() - i, 1 << 22))).find("</" + name);
                i = close == std::string::npos ? html.size() : html.find('>', i + close) + 1;
                if (i == 0) i = html.size();
                continue;
            }
            element(name, closing, tag);
        }
        while (!tables_.empty()) end_table();
        flush_text();
        return out_;
    }

private:
    std::string out_, pending_text_;
    std::vector<Table> tables_;

    // Text of a layout cell: each of its lines (split at the \x01 line-break marks) is a text line.
    void emit_text_lines(const std::string& raw) {
        std::size_t a = 0;
        for (;;) {
            const std::size_t b = raw.find('\x01', a);
            const std::string s = collapse(decode_entities(raw.substr(a, b == std::string::npos ? std::string::npos : b - a)));
            if (!s.empty()) out_ += s + "\n";
            if (b == std::string::npos) break;
            a = b + 1;
        }
    }
    void text(const std::string& raw) {
        if (!tables_.empty() && tables_.back().in_cell) tables_.back().cell_text += raw;
        else pending_text_ += raw;
    }
    void flush_text() {
        const std::string t = collapse(decode_entities(pending_text_));
        pending_text_.clear();
        if (!t.empty()) out_ += t + "\n";
    }
    void line_break() {
        if (!tables_.empty() && tables_.back().in_cell) {
            Table& t = tables_.back();
            if (t.layout) {
                emit_text_lines(t.cell_text);
                t.cell_text.clear();
            } else {
                t.cell_text += '\x01';  // a line break inside a cell; see join_cell_lines()
            }
        } else {
            flush_text();
        }
    }
    void element(const std::string& name, bool closing, const std::string& tag) {
        static const char* blocks[] = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article",
                                       "blockquote", "pre", "hr", "ul", "ol", "dd", "dt", "center"};
        if (name == "table") return closing ? end_table() : begin_table();
        if (name == "tr") return closing ? end_row() : begin_row();
        if (name == "td" || name == "th") return closing ? end_cell() : begin_cell(tag);
        for (const char* b : blocks)
            if (name == b) return line_break();
    }
    void begin_table() {
        if (!tables_.empty()) {
            Table& outer = tables_.back();
            if (outer.in_cell) {
                // The outer table is page layout: what its open cell holds so far is text.
                outer.layout = true;
                emit_text_lines(outer.cell_text);
                outer.cell_text.clear();
            }
        } else {
            flush_text();
        }
        tables_.push_back(Table{});
    }
    void end_table() {
        if (tables_.empty()) return;
        end_row();
        tables_.pop_back();
    }
    void begin_row() {
        if (tables_.empty()) return;
        end_row();
        tables_.back().in_row = true;
    }
    void end_row() {
        if (tables_.empty()) return;
        Table& t = tables_.back();
        end_cell();
        if (!t.in_row && t.row.empty()) return;
        t.in_row = false;
        if (t.layout) {
            t.row.clear();
            return;
        }
        // Lay the row out on the grid: columns still covered by a rowspan from above are empty here.
        std::vector<std::string> fields;
        std::size_t col = 0;
        auto covered = [&](std::size_t c) { return c < t.pending.size() && t.pending[c] > 0; };
        for (const Cell& c : t.row) {
            while (covered(col)) fields.push_back(""), --t.pending[col], ++col;
            for (int k = 0; k < c.colspan; ++k) {
                fields.push_back(k == 0 ? c.text : "");
                if (c.rowspan > 1) {
                    if (t.pending.size() <= col) t.pending.resize(col + 1, 0);
                    t.pending[col] = c.rowspan - 1;
                }
                ++col;
            }
        }
        while (col < t.pending.size()) {
            if (t.pending[col] > 0) --t.pending[col];
            fields.push_back("");
            ++col;
        }
        t.row.clear();
        if (std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return f.empty(); })) return;
        std::string line;
        for (std::size_t k = 0; k < fields.size(); ++k) line += (k ? "\t" : "") + fields[k];
        if (fields.size() == 1) line += "\t";  // still a table row
        out_ += line + "\n";
    }
    void begin_cell(const std::string& tag) {
        if (tables_.empty()) return;
        Table& t = tables_.back();
        end_cell();
        if (!t.in_row) t.in_row = true;
        t.in_cell = true;
        t.cell_text.clear();
        t.cell_colspan = span_of(tag, "colspan");
        t.cell_rowspan = span_of(tag, "rowspan");
    }
    void end_cell() {
        if (tables_.empty()) return;
        Table& t = tables_.back();
        if (!t.in_cell) return;
        t.in_cell = false;
        if (t.layout) {
            emit_text_lines(t.cell_text);
            t.cell_text.clear();
            return;
        }
        const std::string s = join_cell_lines(collapse(decode_entities(t.cell_text)));
        t.cell_text.clear();
        std::string no_tabs = s;
        std::replace(no_tabs.begin(), no_tabs.end(), '\t', ' ');
        t.row.push_back(Cell{no_tabs, t.cell_colspan, t.cell_rowspan});
    }
};

}  // namespace

bool looks_like_html(const std::string& bytes) {
    const std::string head = lower(bytes.substr(0, 4096));
    return head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos ||
           head.find("<body") != std::string::npos || head.find("<table") != std::string::npos;
}

Flow html_flow(const std::string& bytes, const std::string& file) {
    Converter c;
    Flow flow = text_flow(c.run(bytes), file);
    // A web page has no pages, whatever form feeds its text may hold.
    flow.paged = false;
    for (FlowLine& line : flow.lines) line.page = 1;
    flow.page_count = 1;
    return flow;
}

}  // namespace gongkai::import
