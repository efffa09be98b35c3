#include "import/structure/structure_text.hpp"

#include <array>

namespace gongkai::import::structure {

char32_t code_point_at(std::string_view s, std::size_t i, std::size_t* length) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + n > s.size()) n = 1;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (length) *length = n;
    return cp;
}

char32_t code_point_before(std::string_view s, std::size_t end) {
    if (end == 0) return 0;
    std::size_t i = end - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) >> 6) == 2 && end - i < 4) --i;
    std::size_t n = 0;
    const char32_t c = code_point_at(s, i, &n);
    return i + n == end ? c : static_cast<unsigned char>(s[end - 1]);
}

bool is_ideograph(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x2FFFF);
}

bool is_ascii_alnum(char32_t c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_layout_space(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == 0xA0; }

std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b) {
        std::size_t n = 0;
        if (!is_layout_space(code_point_at(s, a, &n))) break;
        a += n;
    }
    while (b > a) {
        const char32_t c = code_point_before(s, b);
        if (!is_layout_space(c)) break;
        b -= c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return std::string(s.substr(a, b - a));
}

std::string squeeze(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 0;
        const char32_t c = code_point_at(s, i, &n);
        if (!is_layout_space(c)) out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool pending = false;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 0;
        const char32_t c = code_point_at(s, i, &n);
        if (is_layout_space(c)) {
            pending = !out.empty();
        } else {
            if (pending) out += ' ';
            pending = false;
            out.append(s.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::size_t char_count(std::string_view s) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 0;
        code_point_at(s, i, &n);
        i += n;
        ++count;
    }
    return count;
}

namespace {

constexpr std::array<std::string_view, 10> kDigits = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
constexpr std::string_view kTen = "十";

int digit_value(std::string_view s, std::size_t i, std::size_t* n) {
    for (int d = 1; d <= 9; ++d)
        if (s.substr(i, kDigits[d].size()) == kDigits[d]) {
            *n = kDigits[d].size();
            return d;
        }
    return -1;
}

// Length in bytes of the Chinese numeral at `i` (digits and 十), 0 when none.
std::size_t numeral_length(std::string_view s, std::size_t i) {
    std::size_t j = i;
    for (;;) {
        std::size_t n = 0;
        if (digit_value(s, j, &n) > 0) j += n;
        else if (s.substr(j, kTen.size()) == kTen) j += kTen.size();
        else break;
    }
    return j - i;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size()) {
        std::size_t n = 0;
        if (!is_layout_space(code_point_at(s, i, &n))) break;
        i += n;
    }
    return i;
}

// Reads a marker exactly at byte `i` (no leading spaces skipped).
Marker marker_at(std::string_view s, std::size_t i) {
    Marker m;
    auto finish = [&](Marker::Kind kind, int number, std::string label, std::size_t end) {
        m.kind = kind;
        m.number = number;
        m.label = std::move(label);
        m.length = skip_spaces(s, end) - i;
        return m;
    };
    auto open_paren = [&](std::size_t at) -> std::size_t {
        if (s.substr(at, 3) == "（") return 3;
        if (s.substr(at, 1) == "(") return 1;
        return 0;
    };
    auto close_paren = [&](std::size_t at) -> std::size_t {
        if (s.substr(at, 3) == "）") return 3;
        if (s.substr(at, 1) == ")") return 1;
        return 0;
    };
    if (const std::size_t open = open_paren(i)) {
        const std::size_t a = skip_spaces(s, i + open);
        const std::size_t len = numeral_length(s, a);
        if (len == 0) return m;
        const std::size_t b = skip_spaces(s, a + len);
        if (const std::size_t close = close_paren(b)) {
            const std::string label(s.substr(a, len));
            if (const int v = chinese_number(label)) return finish(Marker::Kind::paren_chinese, v, label, b + close);
        }
        return m;
    }
    if (s.substr(i, 3) == "第") {
        const std::size_t len = numeral_length(s, i + 3);
        if (len > 0 && s.substr(i + 3 + len, 3) == "条") {
            const std::string label(s.substr(i + 3, len));
            if (const int v = chinese_number(label)) return finish(Marker::Kind::article, v, label, i + 6 + len);
        }
        return m;
    }
    if (const std::size_t len = numeral_length(s, i)) {
        const std::size_t b = skip_spaces(s, i + len);
        if (s.substr(b, 3) == "、" || s.substr(b, 3) == "．") {
            const std::string label(s.substr(i, len));
            if (const int v = chinese_number(label)) return finish(Marker::Kind::chinese, v, label, b + 3);
        }
        return m;
    }
    std::size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - i < 3) ++j;
    if (j == i) return m;
    const std::string label(s.substr(i, j - i));
    std::size_t sep = 0;
    if (s.substr(j, 3) == "、" || s.substr(j, 3) == "．") sep = 3;
    else if (s.substr(j, 1) == "." || s.substr(j, 1) == "、") sep = 1;
    if (sep == 0) return m;
    // "1.2024 年…" is item 1 followed by a year, but "2.5 万元" is a number: a marker is never followed by a
    // digit except when the item text itself starts with a year.
    if (j + sep < s.size() && s[j + sep] >= '0' && s[j + sep] <= '9' && sep == 1) {
        std::size_t k = j + sep;
        while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
        if (k - (j + sep) != 4) return m;
    }
    return finish(Marker::Kind::arabic, std::stoi(label), label, j + sep);
}

}  // namespace

int chinese_number(std::string_view s) {
    if (s.empty()) return 0;
    const std::size_t ten = s.find(kTen);
    std::size_t n = 0;
    if (ten == std::string_view::npos) {
        const int d = digit_value(s, 0, &n);
        return d > 0 && n == s.size() ? d : 0;
    }
    int tens = 1;
    if (ten > 0) {
        tens = digit_value(s, 0, &n);
        if (tens <= 0 || n != ten) return 0;
    }
    const std::size_t rest = ten + kTen.size();
    if (rest == s.size()) return tens * 10;
    const int units = digit_value(s, rest, &n);
    if (units <= 0 || rest + n != s.size()) return 0;
    return tens * 10 + units;
}

Marker read_marker(std::string_view s) { return marker_at(s, skip_spaces(s, 0)); }

std::size_t find_marker(std::string_view s, Marker::Kind kind, int number, std::size_t from) {
    const std::string text = marker_text(kind, number);
    for (std::size_t at = s.find(text, from); at != std::string_view::npos; at = s.find(text, at + 1)) {
        const Marker m = marker_at(s, at);
        if (m.kind == kind && m.number == number) return at;
    }
    return std::string_view::npos;
}

std::string chinese_numeral(int n) {
    if (n <= 0 || n >= 100) return std::to_string(n);
    std::string out;
    if (n >= 10) {
        if (n >= 20) out += kDigits[n / 10];
        out += kTen;
    }
    if (n % 10) out += kDigits[n % 10];
    return out;
}

std::string marker_text(Marker::Kind kind, int number) {
    switch (kind) {
        case Marker::Kind::chinese: return chinese_numeral(number) + "、";
        case Marker::Kind::paren_chinese: return "（" + chinese_numeral(number) + "）";
        case Marker::Kind::arabic: return std::to_string(number);
        case Marker::Kind::article: return "第" + chinese_numeral(number) + "条";
        case Marker::Kind::none: break;
    }
    return {};
}

int find_year(std::string_view s) {
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        if (!((s[i] == '2' && s[i + 1] == '0') || (s[i] == '1' && s[i + 1] == '9'))) continue;
        if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') continue;
        if (!(s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9')) continue;
        const std::size_t j = skip_spaces(s, i + 4);
        if (s.substr(j, 3) == "年") return std::stoi(std::string(s.substr(i, 4)));
    }
    return 0;
}

std::vector<std::string> split(std::string_view s, std::string_view sep) {
    std::vector<std::string> out;
    std::size_t a = 0;
    for (std::size_t b = s.find(sep); b != std::string_view::npos; b = s.find(sep, a)) {
        out.emplace_back(s.substr(a, b - a));
        a = b + sep.size();
    }
    out.emplace_back(s.substr(a));
    return out;
}

std::optional<int> parse_count(std::string_view s) {
    if (s.empty() || s.size() > 9) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

}  // namespace gongkai::import::structure
