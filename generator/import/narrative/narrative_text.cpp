#include "import/narrative/narrative_text.hpp"

#include <algorithm>
#include <array>

namespace gongkai::import::narrative {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Length of the space at `pos` (ASCII space or tab, no-break space, ideographic space), 0 when none.
std::size_t space_at(const std::string& s, std::size_t pos) {
    if (pos >= s.size()) return 0;
    if (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\r') return 1;
    if (starts_with_at(s, pos, "\xC2\xA0")) return 2;
    if (starts_with_at(s, pos, "\xE3\x80\x80")) return 3;
    return 0;
}

std::size_t skip_spaces(const std::string& s, std::size_t pos) {
    while (std::size_t n = space_at(s, pos)) pos += n;
    return pos;
}

struct UnitSpelling {
    const char* printed;
    const char* unit;  // the format's unit; "" when the format has none (the number is reported, not mapped)
    UnitClass cls;
    bool date;
};

// Longest spellings first, so that "万元" wins over "万" and "人次" over "人".
constexpr std::array<UnitSpelling, 36> kUnits{{
    {"台（套）", "台（套）", UnitClass::count, false},
    {"台(套)", "台（套）", UnitClass::count, false},
    {"平方米", "", UnitClass::count, false},
    {"万元", "万元", UnitClass::money, false},
    {"亿元", "", UnitClass::money, false},
    {"人次", "人次", UnitClass::count, false},
    {"批次", "个", UnitClass::count, false},
    {"年度", "", UnitClass::none, true},
    {"小时", "", UnitClass::count, false},
    {"万", "万元", UnitClass::money, false},
    {"元", "元", UnitClass::money, false},
    {"%", "%", UnitClass::percent, false},
    {"％", "%", UnitClass::percent, false},
    {"个", "个", UnitClass::count, false},
    {"辆", "辆", UnitClass::count, false},
    {"台", "台", UnitClass::count, false},
    {"套", "台（套）", UnitClass::count, false},
    {"人", "人", UnitClass::count, false},
    {"名", "名", UnitClass::count, false},
    {"项", "项", UnitClass::count, false},
    {"分", "分", UnitClass::count, false},
    {"批", "个", UnitClass::count, false},
    {"家", "个", UnitClass::count, false},
    {"场", "个", UnitClass::count, false},
    {"期", "个", UnitClass::count, false},
    {"次", "个", UnitClass::count, false},
    {"户", "", UnitClass::count, false},
    {"件", "", UnitClass::count, false},
    {"条", "", UnitClass::count, false},
    {"篇", "", UnitClass::count, false},
    {"所", "", UnitClass::count, false},
    {"岁", "", UnitClass::count, false},
    {"天", "", UnitClass::count, false},
    {"年", "", UnitClass::none, true},
    {"月", "", UnitClass::none, true},
    {"日", "", UnitClass::none, true},
}};

bool is_subsection_numeral(const std::string& s) {
    static const std::array<const char*, 10> digits{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    if (s.empty()) return false;
    for (std::size_t i = 0; i < s.size();) {
        bool ok = false;
        for (const char* d : digits)
            if (starts_with_at(s, i, d)) { i += 3; ok = true; break; }
        if (!ok) return false;
    }
    return true;
}

// "（三）…" or "(三)…" at the start of a paragraph: returns the numeral ("三"), or "".
std::string subsection_numeral(const std::string& paragraph) {
    std::size_t pos = 0, open = 0;
    if (starts_with_at(paragraph, pos, "（")) open = 3;
    else if (starts_with_at(paragraph, pos, "(")) open = 1;
    else return "";
    for (const char* close : {"）", ")"}) {
        std::size_t at = paragraph.find(close, open);
        if (at != std::string::npos && at - open <= 9) {
            std::string numeral = paragraph.substr(open, at - open);
            if (is_subsection_numeral(numeral)) return numeral;
        }
    }
    return "";
}

bool is_closer_at(const std::string& s, std::size_t pos, std::size_t& len) {
    for (const char* c : {"”", "’", "）", "」", "』", ")"})
        if (starts_with_at(s, pos, c)) { len = std::string(c).size(); return true; }
    return false;
}

}  // namespace

bool starts_with_at(const std::string& s, std::size_t pos, const std::string& what) {
    return pos <= s.size() && s.compare(pos, what.size(), what) == 0;
}

std::size_t utf8_length_at(const std::string& s, std::size_t pos) {
    const auto c = static_cast<unsigned char>(s[pos]);
    std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return pos + n > s.size() ? s.size() - pos : n;
}

std::string trimmed(const std::string& s) {
    std::size_t b = skip_spaces(s, 0);
    std::size_t e = s.size();
    while (e > b) {
        if (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r') --e;
        else if (e >= b + 3 && s.compare(e - 3, 3, "\xE3\x80\x80") == 0) e -= 3;
        else if (e >= b + 2 && s.compare(e - 2, 2, "\xC2\xA0") == 0) e -= 2;
        else break;
    }
    return s.substr(b, e - b);
}

std::string normalized(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (std::size_t n = space_at(s, i)) { i += n; continue; }
        if (s[i] == '(') { out += "（"; ++i; continue; }
        if (s[i] == ')') { out += "）"; ++i; continue; }
        std::size_t n = utf8_length_at(s, i);
        out.append(s, i, n);
        i += n;
    }
    return out;
}

std::string without_brackets(const std::string& s) {
    std::string out;
    int depth = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (starts_with_at(s, i, "（")) { ++depth; i += 3; continue; }
        if (starts_with_at(s, i, "）")) { if (depth > 0) --depth; i += 3; continue; }
        std::size_t n = utf8_length_at(s, i);
        if (depth == 0) out.append(s, i, n);
        i += n;
    }
    return out;
}

std::string last_clause(const std::string& s) {
    std::size_t cut = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = utf8_length_at(s, i);
        for (const char* sep : {"，", ",", "；", ";", "：", ":", "。"})
            if (starts_with_at(s, i, sep)) { cut = i + n; break; }
        i += n;
    }
    return s.substr(cut);
}

std::vector<Sentence> split_sentences(const std::vector<NarrativeSection>& sections) {
    std::vector<Sentence> out;
    for (const NarrativeSection& section : sections) {
        std::string sub_id = section.id, heading;
        std::size_t start = 0;
        const std::string& text = section.text;
        while (start <= text.size()) {
            std::size_t nl = text.find('\n', start);
            if (nl == std::string::npos) nl = text.size();
            std::string paragraph = trimmed(text.substr(start, nl - start));
            start = nl + 1;
            if (paragraph.empty()) continue;
            if (std::string numeral = subsection_numeral(paragraph); !numeral.empty()) {
                sub_id = section.id + "（" + numeral + "）";
                heading = paragraph;
            }
            bool first = true;
            std::size_t from = 0;
            while (from < paragraph.size()) {
                std::size_t stop = paragraph.find("。", from);
                std::size_t end = stop == std::string::npos ? paragraph.size() : stop + 3;
                std::size_t len = 0;
                while (end < paragraph.size() && is_closer_at(paragraph, end, len)) end += len;
                std::string sentence = trimmed(paragraph.substr(from, end - from));
                from = end;
                if (sentence.empty() || sentence == "。") continue;
                out.push_back(Sentence{sub_id, section.title, heading, sentence, first});
                first = false;
            }
        }
    }
    return out;
}

std::vector<NumberToken> number_tokens(const std::string& s) {
    std::vector<NumberToken> out;
    for (std::size_t i = 0; i < s.size();) {
        if (!is_digit(s[i]) || (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ',' ||
                                          is_ascii_letter(s[i - 1])))) {
            i += utf8_length_at(s, i);
            continue;
        }
        NumberToken t;
        t.begin = i;
        std::size_t j = i;
        while (j < s.size() && is_digit(s[j])) ++j;
        // Thousands groups: ",ddd" not followed by another digit.
        while (j + 3 < s.size() && s[j] == ',' && is_digit(s[j + 1]) && is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
               (j + 4 >= s.size() || !is_digit(s[j + 4])))
            j += 4;
        if (j + 1 < s.size() && (s[j] == '.') && is_digit(s[j + 1])) {
            ++j;
            while (j < s.size() && is_digit(s[j])) ++j;
        }
        t.number_end = j;
        t.value = s.substr(i, j - i);
        // A minus sign printed before the number ("增加-92.38万元") belongs to it; a dash between two numbers
        // ("2023-2024") does not. Full-width and typographic minus signs are written as '-'.
        for (const char* minus : {"-", "\xEF\xBC\x8D", "\xE2\x88\x92"}) {
            const std::size_t n = std::char_traits<char>::length(minus);
            if (i >= n && s.compare(i - n, n, minus) == 0 && !(i > n && (is_digit(s[i - n - 1]) || is_ascii_letter(s[i - n - 1])))) {
                t.value = "-" + t.value;
                t.begin = i - n;
                break;
            }
        }
        std::size_t u = skip_spaces(s, j);
        t.end = j;
        for (const UnitSpelling& spelling : kUnits) {
            if (starts_with_at(s, u, spelling.printed)) {
                t.unit_printed = spelling.printed;
                t.unit = spelling.unit;
                t.unit_class = spelling.cls;
                t.end = u + t.unit_printed.size();
                if (spelling.date) t.kind = TokenKind::date;
                break;
            }
        }
        // List markers: "1、", "（2）", a leading "3." and ordinals ("第3").
        std::size_t lead = skip_spaces(s, 0);
        if (t.unit_printed.empty()) {
            if (starts_with_at(s, j, "、")) t.kind = TokenKind::marker;
            if (lead == i && (starts_with_at(s, j, ".") || starts_with_at(s, j, "．"))) t.kind = TokenKind::marker;
            bool opened = (i >= 3 && s.compare(i - 3, 3, "（") == 0) || (i >= 1 && s[i - 1] == '(');
            if (opened && (starts_with_at(s, j, "）") || starts_with_at(s, j, ")"))) t.kind = TokenKind::marker;
        }
        if (i >= 3 && s.compare(i - 3, 3, "第") == 0) t.kind = TokenKind::marker;
        // A document's reference number: "沪司规〔2015〕6号", "普发改投【2017】89号" (no figure).
        if (t.unit_printed.empty()) {
            const bool bracketed = (i >= 3 && (s.compare(i - 3, 3, "〔") == 0 || s.compare(i - 3, 3, "【") == 0)) ||
                                   (i >= 1 && s[i - 1] == '[');
            if (bracketed || starts_with_at(s, j, "号")) t.kind = TokenKind::date;
        }
        // A function code printed in an item heading: "公共安全支出（204类）司法（06款）行政运行（01项）".
        // (项 alone is a unit of counts: the closing bracket tells the code.)
        if ((i >= 3 && s.compare(i - 3, 3, "（") == 0) || (i >= 1 && s[i - 1] == '('))
            for (const char* level : {"类）", "款）", "项）", "类)", "款)", "项)"})
                if (starts_with_at(s, j, level)) {
                    t.kind = TokenKind::code;
                    t.unit_printed.clear();
                    t.unit.clear();
                    t.unit_class = UnitClass::none;
                    t.end = j;
                }
        // Thresholds: "100万元以上", "100 万元（含）以上", "50万元及以上", "3000.00万元及以下".
        if (t.kind == TokenKind::figure && t.unit_class == UnitClass::money) {
            std::size_t a = skip_spaces(s, t.end);
            for (const char* after : {"以上", "以下", "（含）以上", "(含)以上", "及以上", "及以下"})
                if (starts_with_at(s, a, after)) t.kind = TokenKind::threshold;
        }
        out.push_back(t);
        i = std::max(t.end, j);
        if (i == t.begin) ++i;
    }
    return out;
}

}  // namespace gongkai::import::narrative
