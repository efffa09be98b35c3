#include "import/layout/pdf_words.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gongkai::import {

namespace {

// Decodes the UTF-8 code point starting at byte i (invalid bytes count as themselves).
char32_t decode_at(const std::string& s, std::size_t i, std::size_t* len) {
    const auto c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + static_cast<std::size_t>(n) > s.size()) n = 1;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    *len = static_cast<std::size_t>(n);
    return cp;
}

char32_t first_cp(const std::string& s) {
    if (s.empty()) return 0;
    std::size_t len = 0;
    return decode_at(s, 0, &len);
}

char32_t last_cp(const std::string& s) {
    if (s.empty()) return 0;
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    std::size_t len = 0;
    return decode_at(s, i, &len);
}

bool ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Width of one character of the word, counting wide (CJK, fullwidth) characters as one and others as half.
double char_width(const Word& w) {
    double units = 0;
    for (std::size_t i = 0; i < w.text.size();) {
        std::size_t len = 1;
        const char32_t cp = decode_at(w.text, i, &len);
        units += cp >= 0x1100 ? 1.0 : 0.5;
        i += len;
    }
    return units > 0 ? w.box.width() / units : w.box.width();
}

// True when the word is one wide (CJK or fullwidth) character.
bool single_wide(const Word& w) {
    if (w.text.empty()) return false;
    std::size_t len = 0;
    const char32_t cp = decode_at(w.text, 0, &len);
    return len == w.text.size() && cp >= 0x1100;
}

// True when the text ends with a digit followed by '.'.
bool ends_with_digit_dot(const std::string& s) {
    return s.size() >= 2 && s.back() == '.' && s[s.size() - 2] >= '0' && s[s.size() - 2] <= '9';
}

// Where a line's centre sits in a word's box. Tall boxes (digits in a Latin font) reach further above the
// glyphs than below, so the CJK words of the same line centre a little below the middle of the tall box.
double anchor(const Box& b) { return b.y0 + 0.55 * b.height(); }

// A word belongs to a line when the line's centre lies near the word's anchor (within 30% of the word's
// height) or the word's centre lies in the middle half of the line's flattest words.
bool fits(const Word& w, const WordLine& line) {
    const double lh = std::max(1.5, (line.y1 - line.y0) / 4);
    return std::abs(line.cy - anchor(w.box)) <= std::max(1.5, 0.3 * w.box.height()) ||
           std::abs(w.box.cy() - line.cy) <= lh;
}

}  // namespace

std::vector<WordLine> group_lines(const std::vector<const Word*>& words) {
    std::vector<const Word*> order = words;
    std::stable_sort(order.begin(), order.end(), [](const Word* a, const Word* b) {
        if (a->box.height() != b->box.height()) return a->box.height() < b->box.height();
        return a->box.cy() < b->box.cy();
    });
    std::vector<WordLine> lines;
    std::vector<double> core_height;  // height of each line's seed word
    for (const Word* w : order) {
        int best = -1;
        double best_d = std::numeric_limits<double>::max();
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (!fits(*w, lines[i])) continue;
            const double d = std::abs(lines[i].cy - anchor(w->box));
            if (d < best_d) best_d = d, best = static_cast<int>(i);
        }
        if (best < 0) {
            WordLine l;
            l.words.push_back(w);
            l.cy = w->box.cy();
            l.y0 = w->box.y0, l.y1 = w->box.y1;
            lines.push_back(std::move(l));
            core_height.push_back(w->box.height());
            continue;
        }
        WordLine& l = lines[static_cast<std::size_t>(best)];
        l.words.push_back(w);
        // Words as flat as the seed refine the line's position; taller ones only join it.
        if (w->box.height() <= 1.5 * core_height[static_cast<std::size_t>(best)] + 0.5) {
            l.y0 = std::min(l.y0, w->box.y0), l.y1 = std::max(l.y1, w->box.y1);
            l.cy = (l.y0 + l.y1) / 2;
        }
    }
    for (auto& l : lines) {
        std::stable_sort(l.words.begin(), l.words.end(),
                         [](const Word* a, const Word* b) { return a->box.x0 < b->box.x0; });
        l.x0 = l.words.front()->box.x0;
        l.x1 = l.words.front()->box.x1;
        for (const Word* w : l.words) l.x0 = std::min(l.x0, w->box.x0), l.x1 = std::max(l.x1, w->box.x1);
    }
    std::stable_sort(lines.begin(), lines.end(), [](const WordLine& a, const WordLine& b) { return a.cy < b.cy; });
    return lines;
}

std::string join_lines(const std::vector<WordLine>& lines, JoinMode mode) {
    std::string out;
    for (const auto& line : lines) {
        const Word* prev = nullptr;
        for (const Word* w : line.words) {
            if (!out.empty()) {
                // Two ASCII runs poppler split apart keep a space: "ABC 123", and "1. 2024年…" (a list number
                // before a year must not read as the decimal 1.2024).
                const char32_t left = last_cp(out), right = first_cp(w->text);
                bool space = ascii_alnum(right) && (ascii_alnum(left) || (left == '.' && ends_with_digit_dot(out)));
                if (!space && mode == JoinMode::text && prev != nullptr && !(single_wide(*prev) && single_wide(*w))) {
                    // A gap of most of a character is a visible space ("第二部分 上海市…", "公开 01 表"); justified
                    // Chinese lines and Word's spacing between CJK and digits leave gaps of half a character
                    // or less, which are not. Letter-spaced single characters ("目  录") join.
                    const double gap = w->box.x0 - prev->box.x1;
                    space = gap > 0.75 * std::max(char_width(*prev), char_width(*w));
                }
                if (space) out += ' ';
            }
            out += w->text;
            prev = w;
        }
    }
    return out;
}

}  // namespace gongkai::import
