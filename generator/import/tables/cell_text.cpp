#include "import/tables/cell_text.hpp"

namespace gongkai::import {

namespace {

// Length in bytes of a whitespace character at text[i], or 0 when there is none there.
std::size_t whitespace_at(std::string_view text, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (text.substr(i, 3) == "\xE3\x80\x80") return 3;  // U+3000 ideographic space
    if (text.substr(i, 2) == "\xC2\xA0") return 2;      // U+00A0 no-break space
    return 0;
}

}  // namespace

std::string trim_text(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t n = whitespace_at(text, begin);
        if (n == 0) break;
        begin += n;
    }
    // Trim the end by scanning forward: remember where the last non-space character ends.
    std::size_t end = begin;
    for (std::size_t i = begin; i < text.size();) {
        const std::size_t n = whitespace_at(text, i);
        if (n > 0) {
            i += n;
        } else {
            ++i;
            end = i;
        }
    }
    return std::string(text.substr(begin, end - begin));
}

std::string normalise_label(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = whitespace_at(text, i);
        if (n > 0) {
            i += n;
        } else {
            out.push_back(text[i]);
            ++i;
        }
    }
    return out;
}

bool is_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

bool is_amount(std::string_view raw) {
    const std::string text = trim_text(raw);
    std::string_view s = text;
    if (!s.empty() && s.front() == '-') s.remove_prefix(1);
    if (s.empty()) return false;
    const std::size_t dot = s.find('.');
    std::string_view whole = s.substr(0, dot);
    if (dot != std::string_view::npos) {
        const std::string_view decimals = s.substr(dot + 1);
        if (!is_digits(decimals)) return false;
    }
    if (whole.empty()) return false;
    if (whole.find(',') == std::string_view::npos) return is_digits(whole);
    // Thousands separators: a first group of 1-3 digits, then groups of exactly 3.
    std::size_t start = 0;
    bool first = true;
    while (true) {
        const std::size_t comma = whole.find(',', start);
        const std::string_view group = whole.substr(start, comma == std::string_view::npos ? whole.size() - start : comma - start);
        if (!is_digits(group)) return false;
        if (first ? group.size() > 3 : group.size() != 3) return false;
        first = false;
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return true;
}

std::optional<std::string> normalise_code(const std::vector<std::string>& cells) {
    std::string code;
    for (const std::string& cell : cells) {
        std::string text = normalise_label(cell);
        if (text.empty()) continue;
        if (!is_digits(text)) return std::nullopt;
        // A 款 or 项 printed in a cell of its own is two digits; a spreadsheet may have dropped the leading
        // zero ("301 | 2" is 301 02).
        if (!code.empty() && text.size() == 1) text = "0" + text;
        code += text;
    }
    if (code.size() != 3 && code.size() != 5 && code.size() != 7) return std::nullopt;
    return code;
}

std::string join_texts(const std::vector<std::string>& texts) {
    std::string out;
    for (const std::string& text : texts) {
        if (text.empty()) continue;
        if (!out.empty()) out += " ";
        out += text;
    }
    return out;
}

}  // namespace gongkai::import
