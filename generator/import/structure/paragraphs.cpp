#include "import/structure/paragraphs.hpp"

#include <algorithm>
#include <map>

#include "import/structure/structure_text.hpp"

namespace gongkai::import::structure {

namespace {

// Counts places where a figure or Latin word meets a Chinese character, with and without a space between.
void count_figure_spacing(std::string_view s, int& spaced, int& tight) {
    char32_t before = 0;    // last non-space code point
    bool space_between = false;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 0;
        const char32_t c = code_point_at(s, i, &n);
        i += n;
        if (is_layout_space(c)) {
            space_between = before != 0;
            continue;
        }
        if (before != 0 && ((is_ascii_alnum(before) && is_ideograph(c)) || (is_ideograph(before) && is_ascii_alnum(c))))
            ++(space_between ? spaced : tight);
        before = c;
        space_between = false;
    }
}

bool meets_figure(char32_t a, char32_t b) {
    return (is_ascii_alnum(a) && is_ideograph(b)) || (is_ideograph(a) && is_ascii_alnum(b));
}

// A line starting a new numbered item: "（二）…", "2、…", "二、…".
bool starts_item(const std::string& text) {
    const Marker m = read_marker(text);
    return m.kind == Marker::Kind::paren_chinese || m.kind == Marker::Kind::chinese ||
           (m.kind == Marker::Kind::arabic && !contains(std::string_view(text).substr(0, m.length), "."));
}

bool ends_sentence(const std::string& text) {
    return ends_with(text, "。") || ends_with(text, "：") || ends_with(text, "；") || ends_with(text, ":") ||
           ends_with(text, ";");
}

struct Margins {
    double left = 0, right = 0, em = 0;
    bool known = false;
};

bool is_closing_punctuation(char32_t c) {
    switch (c) {
        case U'，': case U'。': case U'、': case U'；': case U'：': case U'）': case U'”': case U'’': case U'》':
        case U'！': case U'？': case U'%': case U')': case U',': case U'.': case U';': case U':':
            return true;
        default: return false;
    }
}

bool is_opening_punctuation(char32_t c) { return c == U'（' || c == U'“' || c == U'‘' || c == U'《' || c == U'('; }

// Width of a line's text in ems: a Chinese character or full-width sign is one, an ASCII character about half.
double ems_of(std::string_view s) {
    double ems = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 0;
        const char32_t c = code_point_at(s, i, &n);
        i += n;
        if (is_layout_space(c)) ems += 0.3;
        else ems += c < 0x80 ? 0.55 : 1.0;
    }
    return ems;
}

// Width in ems of what a line starts with that could not have been put at the end of the line before:
// a figure or Latin word as a whole, or a character with the punctuation that may not begin a line.
double leading_token_ems(std::string_view s) {
    std::size_t i = 0, n = 0;
    double ems = 0;
    char32_t c = code_point_at(s, 0, &n);
    if (is_ascii_alnum(c)) {
        while (i < s.size()) {
            c = code_point_at(s, i, &n);
            if (!(is_ascii_alnum(c) || c == '.' || c == ',' || c == '%')) break;
            ems += 0.55;
            i += n;
        }
    } else {
        if (is_opening_punctuation(c) && n < s.size()) {
            ems += 1;
            i += n;
        }
        code_point_at(s, i, &n);
        ems += 1;
        i += n;
    }
    while (i < s.size()) {
        c = code_point_at(s, i, &n);
        if (!is_closing_punctuation(c)) break;
        ems += 1;
        i += n;
    }
    return ems;
}

// The left edge of wrapped lines, the right edge of full lines and the size of a character, per page,
// from the lines that span at least half the page.
std::map<int, Margins> page_margins(const Flow& flow, const std::vector<std::size_t>& lines) {
    std::map<int, Margins> out;
    std::map<int, std::vector<double>> ems;
    for (std::size_t i : lines) {
        const FlowLine& l = flow.lines[i];
        if (l.kind != FlowLine::Kind::text || l.page_width <= 0) continue;
        if (l.x1 - l.x0 < l.page_width * 0.5) continue;
        Margins& m = out[l.page];
        if (!m.known) m = {l.x0, l.x1, 0, true};
        m.left = std::min(m.left, l.x0);
        m.right = std::max(m.right, l.x1);
        const double e = ems_of(trim(l.text));
        if (e >= 10) ems[l.page].push_back((l.x1 - l.x0) / e);
    }
    for (auto& [page, m] : out) {
        std::vector<double>& v = ems[page];
        if (v.empty()) {
            m.em = 12;
            continue;
        }
        std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
        m.em = v[v.size() / 2];
    }
    return out;
}

}  // namespace

bool spaces_figures(const Flow& flow) {
    int spaced = 0, tight = 0;
    for (const FlowLine& l : flow.lines)
        if (l.kind == FlowLine::Kind::text) count_figure_spacing(l.text, spaced, tight);
    return spaced > tight;
}

void join_wrapped(std::string& paragraph, const std::string& next, bool document_spaces_figures) {
    const std::string tail = trim(next);
    if (tail.empty()) return;
    const std::string head = trim(paragraph);
    if (head.empty()) {
        paragraph = tail;
        return;
    }
    std::size_t n = 0;
    const char32_t a = code_point_before(head, head.size());
    const char32_t b = code_point_at(tail, 0, &n);
    bool space = false;
    if (meets_figure(a, b)) {
        int spaced = 0, tight = 0;
        count_figure_spacing(head, spaced, tight);
        count_figure_spacing(tail, spaced, tight);
        space = spaced != tight ? spaced > tight : document_spaces_figures;
    } else if (is_ascii_alnum(a) && is_ascii_alnum(b)) {
        space = false;  // a figure broken over two lines
    }
    paragraph = head + (space ? " " : "") + tail;
}

std::vector<Paragraph> paragraphs_of(const Flow& flow, const std::vector<std::size_t>& lines) {
    std::vector<Paragraph> out;
    if (flow.kind == SourceKind::text) {
        for (std::size_t i : lines) {
            const FlowLine& l = flow.lines[i];
            if (l.kind != FlowLine::Kind::text) continue;
            const std::string t = trim(l.text);
            if (t.empty()) continue;
            out.push_back({t, {i}, l.page, l.line_number});
        }
        return out;
    }
    const bool doc_spaces = spaces_figures(flow);
    const std::map<int, Margins> margins = page_margins(flow, lines);
    const FlowLine* prev = nullptr;
    for (std::size_t i : lines) {
        const FlowLine& l = flow.lines[i];
        if (l.kind != FlowLine::Kind::text) {
            prev = nullptr;  // a table between two lines ends the paragraph
            continue;
        }
        const std::string t = trim(l.text);
        if (t.empty()) continue;
        bool new_paragraph = prev == nullptr || out.empty();
        if (!new_paragraph) {
            const auto pm = margins.find(prev->page);
            const auto lm = margins.find(l.page);
            // Ragged (unjustified) lines stop short of the margin by what did not fit: the next line's first
            // figure or character with its punctuation; a line stopping further short ends its paragraph.
            const bool prev_short =
                pm == margins.end() ||
                prev->x1 < pm->second.right - (leading_token_ems(t) + 1.0) * pm->second.em;
            const bool indented = lm == margins.end() || l.x0 > lm->second.left + 0.8 * lm->second.em;
            const bool item_after_sentence = starts_item(t) && ends_sentence(out.back().text);
            new_paragraph = prev_short || indented || item_after_sentence;
        }
        if (new_paragraph) {
            out.push_back({t, {i}, l.page, l.line_number});
        } else {
            join_wrapped(out.back().text, t, doc_spaces);
            out.back().lines.push_back(i);
        }
        prev = &l;
    }
    return out;
}

}  // namespace gongkai::import::structure
