#include "import/layout/pdf_furniture.hpp"

#include <map>
#include <set>

namespace gongkai::import {

namespace {

bool starts_with(const std::string& s, std::size_t i, const char* lit) {
    return s.compare(i, std::char_traits<char>::length(lit), lit) == 0;
}

// The text without spaces (ASCII, U+3000, U+00A0).
std::string squeeze(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || s[i] == '\t') ++i;
        else if (starts_with(s, i, "\xE3\x80\x80")) i += 3;
        else if (starts_with(s, i, "\xC2\xA0")) i += 2;
        else out += s[i++];
    }
    return out;
}

// Skips dashes ("-", "–", "—", "－") at i.
std::size_t skip_dashes(const std::string& s, std::size_t i) {
    for (;;) {
        if (i < s.size() && s[i] == '-') ++i;
        else if (starts_with(s, i, "\xE2\x80\x93") || starts_with(s, i, "\xE2\x80\x94") ||
                 starts_with(s, i, "\xEF\xBC\x8D"))
            i += 3;
        else return i;
    }
}

std::size_t skip_digits(const std::string& s, std::size_t i) {
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i;
}

}  // namespace

bool is_page_number(const std::string& raw) {
    const std::string s = squeeze(raw);
    if (s.empty()) return false;
    // - 3 -  /  3
    {
        std::size_t i = skip_dashes(s, 0);
        const std::size_t d = skip_digits(s, i);
        if (d > i && d - i <= 4 && skip_dashes(s, d) == s.size()) return true;
    }
    // 3/25
    {
        const std::size_t d = skip_digits(s, 0);
        if (d > 0 && d < s.size() && s[d] == '/') {
            const std::size_t e = skip_digits(s, d + 1);
            if (e > d + 1 && e == s.size()) return true;
        }
    }
    // 第3页 / 第3页共25页 / 共25页第3页
    const char* di = "\xE7\xAC\xAC";   // 第
    const char* ye = "\xE9\xA1\xB5";   // 页
    const char* gong = "\xE5\x85\xB1";  // 共
    auto numbered = [&](std::size_t i, const char* head, std::size_t* end) {
        if (!starts_with(s, i, head)) return false;
        const std::size_t d = skip_digits(s, i + 3);
        if (d == i + 3 || !starts_with(s, d, ye)) return false;
        *end = d + 3;
        return true;
    };
    std::size_t end = 0, end2 = 0;
    if (numbered(0, di, &end)) return end == s.size() || (numbered(end, gong, &end2) && end2 == s.size());
    if (numbered(0, gong, &end)) return numbered(end, di, &end2) && end2 == s.size();
    return false;
}

std::vector<std::size_t> running_lines(const std::vector<MarginLine>& lines, int page_count) {
    // Key: margin and text with digits dropped (running footers often carry the page number).
    std::map<std::string, std::set<int>> pages_of;
    std::vector<std::string> keys;
    for (const auto& l : lines) {
        std::string key = l.top ? "T:" : "B:";
        for (char c : squeeze(l.text))
            if (c < '0' || c > '9') key += c;
        keys.push_back(key);
        pages_of[key].insert(l.page);
    }
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto n = static_cast<int>(pages_of[keys[i]].size());
        if (keys[i].size() > 2 && n >= 3 && n * 2 >= page_count) out.push_back(i);
    }
    return out;
}

}  // namespace gongkai::import
