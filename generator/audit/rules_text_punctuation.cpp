// text-punctuation: punctuation that is doubled or mixed (。。 ，， 、、 ，。 ；。) and brackets or quotes that a
// paragraph opens and never closes, or closes without opening (（…, …）, “…, 《…). A note (提示): the words
// stay readable, but the text was not proof-read.
//
// Precision: a run counts only when it holds a full-width mark (“2,3” and the like are numbers); ！？ together are
// emphasis; a closing parenthesis right after a list number ("1）", "二）") is a list marker, not a bracket; a
// paragraph is one line of the printed string. “主要原因：。” is an unfilled reason (text-placeholder), not counted here. Half-width commas in Chinese text (“96.03%,主要包括”) are common
// in the real publications and their text layers and change nothing for a reader: not reported.
#include "audit/text_rules.hpp"

namespace gongkai {

namespace {

bool is_mark(char32_t c) {
    static const std::u32string marks = U"，。；、：！？,;";
    return marks.find(c) != std::u32string::npos;
}
bool full_width(char32_t c) { return c != U',' && c != U';'; }

struct Slip {
    std::size_t b, e;
    std::string headline_tail;  // after "<where>"
    std::string message;
};

// Runs of two or more marks (spaces between allowed) with a full-width one among them.
void doubled(const Utf8Text& t, const std::string& s, std::vector<Slip>& out) {
    for (std::size_t i = 0; i < t.size();) {
        if (!is_mark(t[i])) {
            ++i;
            continue;
        }
        std::size_t j = i + 1, last = i, count = 1;
        bool wide = full_width(t[i]);
        for (std::size_t k = j; k < t.size(); ++k) {
            if (is_space(t[k])) continue;
            if (!is_mark(t[k])) break;
            last = k, ++count, wide = wide || full_width(t[k]);
        }
        j = last + 1;
        std::string run;
        for (std::size_t k = i; k < j; ++k)
            if (!is_space(t[k])) run += utf8(t[k]);
        bool emphasis = count == 2 && (run == "！？" || run == "？！");
        // A number printed with a comma then a CJK comma ("1,，") is not two marks of the text.
        bool numeric = count == 2 && !full_width(t[i]) && i > 0 && is_ascii_digit(t[i - 1]) && is_ascii_digit(t[i + 1]);
        // “主要原因：。”: the reason left out, which text-placeholder reports.
        std::string lead = t.slice(s, i >= 4 ? i - 4 : 0, i);
        bool empty_reason = t[i] == U'：' && lead.find("原因") != std::string::npos;
        if (count >= 2 && wide && !emphasis && !numeric && !empty_reason) {
            bool same = true;
            for (std::size_t k = i; k < j; ++k)
                if (!is_space(t[k]) && t[k] != t[i]) same = false;
            std::string quote = excerpt(s, t, i, j, 12);
            out.push_back({i, j,
                           (same ? "标点重复“" : "标点连用“") + run + "”：“" + quote + "”",
                           (same ? "标点重复：“" : "标点连用：“") + run + "”。"});
        }
        i = j;
    }
}

struct Pair {
    char32_t open, close;
    const char* name;
};

// A closing parenthesis that ends a list number: "1）", "一）" at the start of a line, after a space or a mark.
bool list_marker(const Utf8Text& t, std::size_t k) {
    static const std::u32string numerals = U"0123456789一二三四五六七八九十abcdefghijABCDEFGHIJ";
    std::size_t b = k;
    while (b > 0 && k - b < 2 && numerals.find(t[b - 1]) != std::u32string::npos) --b;
    if (b == k) return false;
    if (b == 0) return true;
    char32_t before = t[b - 1];
    // "（1）" is a number in brackets, which pairs as brackets do.
    return before == U'\n' || is_space(before) || is_mark(before);
}

// Brackets and quotes of one paragraph [b, e) that do not pair up: the first one left open or closed twice.
void unbalanced(const Utf8Text& t, const std::string& s, std::size_t b, std::size_t e, std::vector<Slip>& out) {
    static const Pair pairs[] = {{U'（', U'）', "括号"}, {U'“', U'”', "引号"}, {U'《', U'》', "书名号"},
                                 {U'【', U'】', "方括号"}, {U'「', U'」', "引号"}, {U'『', U'』', "引号"}, {U'〔', U'〕', "括号"}};
    for (const Pair& p : pairs) {
        std::vector<std::size_t> open;
        std::size_t stray = e;
        for (std::size_t k = b; k < e; ++k) {
            char32_t c = t[k];
            bool paren = p.open == U'（';
            if (c == p.open || (paren && c == U'(')) open.push_back(k);
            else if ((c == p.close || (paren && c == U')')) && !(paren && list_marker(t, k))) {
                if (!open.empty()) open.pop_back();
                else if (stray == e) stray = k;
            }
        }
        std::size_t at = !open.empty() ? open.front() : stray;
        if (at == e) continue;
        bool left_open = !open.empty();
        std::string mark = utf8(t[at]);
        std::string other = utf8(left_open ? p.close : p.open);
        std::string quote = excerpt(s, t, at, at + 1, 16);
        out.push_back({at, at + 1,
                       left_open ? "的“" + mark + "”没有对应的“" + other + "”（" + std::string(p.name) + "不成对）：“" + quote + "”"
                                 : "多出一个“" + mark + "”，前面没有对应的“" + other + "”：“" + quote + "”",
                       std::string(p.name) + "不成对：“" + mark + "”" + (left_open ? "未闭合。" : "无对应的开头。")});
    }
}

}  // namespace

void audit_text_punctuation(Auditor& a, const std::vector<TextPlace>& places) {
    for (const auto& p : places) {
        Utf8Text t(p.text);
        std::vector<Slip> slips;
        doubled(t, p.text, slips);
        for (std::size_t b = 0; b <= t.size();) {
            std::size_t e = b;
            while (e < t.size() && t[e] != U'\n') ++e;
            unbalanced(t, p.text, b, e, slips);
            b = e + 1;
        }
        for (const auto& sl : slips) {
            std::string printed = t.slice(p.text, sl.b, sl.e);
            std::string tail = sl.headline_tail.rfind("的", 0) == 0 ? sl.headline_tail : "中" + sl.headline_tail;
            a.flag("text-punctuation", Severity::Info, p.where + "：" + sl.message, {text_cell(p, printed)}, "标点成对、不重复", printed,
                   p.heading ? p.text : sentence_around(p.text, t, sl.b, sl.e), p.where + tail);
        }
        if (slips.empty()) a.pass("text-punctuation", {});
    }
}

}  // namespace gongkai
