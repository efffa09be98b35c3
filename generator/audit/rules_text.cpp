// Text rules: the printed words themselves — unfilled template placeholders (text-placeholder) and what the
// template left in print (text-template: a choice of words not made, an instruction to the compiler, the
// template's emphasis marks). audit_text runs the whole Text family (placeholders, punctuation, years, units).
//
// Precision: a placeholder is a run of X that stands on its own (not inside a Latin word, a URL, a model number
// or "X光机"), ×× or 某某, a run of asterisks or underscores, a bracket whose content is a template field
// (【单位名称】, （制度名称）, [待填写]) or an empty one, 待填写 and the like, and a 主要原因 followed at once by the
// full stop. (部门（单位） is the template's own wording, not a field.)
#include <algorithm>

#include "audit/rules.hpp"
#include "audit/text_rules.hpp"

namespace gongkai {

namespace {

struct Hit {
    std::size_t b = 0, e = 0;  // code points
    Severity severity = Severity::Error;
    std::string what;  // "placeholder", "choice", "instruction", "mark", "reason"
};

bool in(char32_t c, const std::u32string& set) { return set.find(c) != std::u32string::npos; }

// The first code point at or after i that is not a space.
std::size_t skip_spaces(const Utf8Text& t, std::size_t i) {
    while (i < t.size() && is_space(t[i])) ++i;
    return i;
}

// Runs of X standing on their own: XX, XXX, XXXXXXXX, XX%, 20XX年, X月X日 (a single X only before 年/月/日).
void x_runs(const Utf8Text& t, std::vector<Hit>& hits) {
    static const std::u32string joiners = U"-_/.@:#=&?+\\";
    for (std::size_t i = 0; i < t.size();) {
        char32_t c = t[i];
        if (c != U'X' && c != U'Ｘ' && c != U'x' && c != U'ｘ') {
            ++i;
            continue;
        }
        std::size_t j = i;
        bool lower = false;
        while (j < t.size() && (t[j] == U'X' || t[j] == U'Ｘ' || t[j] == U'x' || t[j] == U'ｘ')) lower = lower || t[j] == U'x' || t[j] == U'ｘ', ++j;
        std::size_t len = j - i, b = i;
        char32_t prev = i > 0 ? t[i - 1] : U'\0', next = t[j];
        i = j;
        if (is_ascii_letter(prev) || is_ascii_letter(next) || in(prev, joiners) || in(next, joiners) || is_ascii_digit(next)) continue;
        std::size_t after = skip_spaces(t, j);
        bool dated = t[after] == U'年' || t[after] == U'月' || t[after] == U'日';
        if (is_ascii_digit(prev)) {
            // 20XX年, 202X年: digits and X make a year.
            std::size_t d = 0;
            while (b > 0 && is_ascii_digit(t[b - 1])) --b, ++d;
            if (d + len != 4 || t[after] != U'年' || (b > 0 && (is_ascii_letter(t[b - 1]) || t[b - 1] == U'.'))) continue;
        } else if (lower ? len < 3 : len < 2 && !dated) {
            continue;
        }
        hits.push_back({b, j, Severity::Error, "placeholder"});
    }
}

// Runs of one character: ××, ***, ___ (min = the shortest run that is a placeholder).
void char_runs(const Utf8Text& t, const std::u32string& chars, std::size_t min, std::vector<Hit>& hits) {
    for (std::size_t i = 0; i < t.size();) {
        if (!in(t[i], chars)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < t.size() && in(t[j], chars)) ++j;
        if (j - i >= min) hits.push_back({i, j, Severity::Error, "placeholder"});
        i = j;
    }
}

// "**注意：……**": the template's emphasis marks around a note to the compiler.
void emphasis_marks(const Utf8Text& t, std::vector<Hit>& hits) {
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        bool open = t[i] == U'*' && t[i + 1] == U'*' && (i == 0 || t[i - 1] != U'*') && t[i + 2] != U'*';
        if (!open) continue;
        for (std::size_t k = i + 2; k + 1 < t.size() && k < i + 202 && t[k] != U'\n'; ++k) {
            if (t[k] != U'*') continue;
            if (t[k + 1] == U'*' && t[k + 2] != U'*' && k > i + 2) {
                hits.push_back({i, k + 2, Severity::Info, "mark"});
                i = k + 1;
            }
            break;
        }
    }
}

// Template fields in brackets: 【单位名称】, [待填写], （制度名称）, and empty brackets.
void bracket_fields(const Utf8Text& t, const std::string& s, std::vector<Hit>& hits) {
    static const std::u32string opens = U"[【{［｛〔〖（(", closes = U"]】}］｝〕〗）)";
    static const std::vector<std::string> fields = {"单位名称", "部门名称", "单位全称", "部门全称", "项目名称", "制度名称", "文件名称",
                                                    "待", "略", "待定", "待填", "待填写", "请填写", "待补充", "金额", "具体金额",
                                                    "日期", "具体日期", "原因", "具体原因", "数字", "具体内容"};
    static const std::vector<std::string> strong_fields = {"单位", "部门", "名称", "年份", "年度", "时间", "内容", "数额", "数值",
                                                           "姓名", "地址", "电话", "文号"};
    for (std::size_t i = 0; i < t.size(); ++i) {
        std::size_t o = opens.find(t[i]);
        if (o == std::u32string::npos) continue;
        bool paren = t[i] == U'（' || t[i] == U'(';
        std::size_t k = i + 1;
        while (k < t.size() && k <= i + 17 && t[k] != closes[o] && t[k] != U'\n' && opens.find(t[k]) == std::u32string::npos) ++k;
        if (k >= t.size() || t[k] != closes[o]) continue;
        std::size_t cb = skip_spaces(t, i + 1), ce = k;
        while (ce > cb && is_space(t[ce - 1])) --ce;
        std::string content = t.slice(s, cb, ce);
        bool field = content.empty() || std::find(fields.begin(), fields.end(), content) != fields.end();
        if (!paren && !field) {
            field = std::find(strong_fields.begin(), strong_fields.end(), content) != strong_fields.end();
            for (const char* p : {"填", "请", "此处", "待", "输入"}) field = field || content.rfind(p, 0) == 0;
            for (const char* p : {"名称", "填写", "填列"}) field = field || content.find(p) != std::string::npos;
        }
        // "1（）" style numbering does not occur; an empty pair after a code or a digit is still a blank to fill.
        if (field) hits.push_back({i, k + 1, Severity::Error, "placeholder"});
    }
}

// Words asking for text: 待填写, 请填写 …; and 某某.
void words(const Utf8Text& t, std::vector<Hit>& hits) {
    static const std::vector<std::string> list = {"待填写", "请填写", "待补充", "请补充", "此处填写", "此处填列", "待填列", "某某"};
    for (std::size_t i = 0; i < t.size(); ++i)
        for (const auto& w : list)
            if (t.starts(i, w)) {
                std::size_t n = Utf8Text(w).size();
                hits.push_back({i, i + n, Severity::Error, "placeholder"});
                i += n - 1;
                break;
            }
}

// "主要原因：。": the reason the template asks for, left out.
void empty_reasons(const Utf8Text& t, std::vector<Hit>& hits) {
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        if (!t.starts(i, "原因")) continue;
        std::size_t k = i + 2;
        for (const char* w : {"是", "为", "如下"})
            if (t.starts(k, w)) k += Utf8Text(w).size();
        if (t[k] == U'：' || t[k] == U':') ++k;
        k = skip_spaces(t, k);
        if (t[k] == U'。' || t[k] == U'；' || t[k] == U';') {
            std::size_t b = i >= 2 && t.starts(i - 2, "主要") ? i - 2 : i;
            hits.push_back({b, k + 1, Severity::Error, "reason"});
        }
    }
}

// "增加（减少）", "下降（增长）": both of the template's words left in.
void choices(const Utf8Text& t, std::vector<Hit>& hits) {
    static const std::vector<std::string> dirs = {"增加", "减少", "增长", "下降", "大于", "小于", "高于", "低于",
                                                  "上升", "降低", "提高", "等于", "持平"};
    for (std::size_t i = 0; i + 5 < t.size() + 1; ++i)
        for (const auto& w1 : dirs) {
            if (!t.starts(i, w1)) continue;
            std::size_t k = i + 2;
            if (t[k] != U'（' && t[k] != U'(') break;
            for (const auto& w2 : dirs)
                if (w2 != w1 && t.starts(k + 1, w2) && (t[k + 3] == U'）' || t[k + 3] == U')')) hits.push_back({i, k + 4, Severity::Warning, "choice"});
            break;
        }
}

// Instructions of the template to the compiler, left in print.
void instructions(const Utf8Text& t, std::vector<Hit>& hits) {
    static const std::vector<std::string> phrases = {"作持平表述", "不涉及的不列", "不涉及的，不列", "应有此说明", "保留此说明", "仍保留该表格式",
                                                     "并在本表下方作", "作下述说明", "请根据实际", "根据实际情况填写", "如无此项",
                                                     "删除本段", "删除此段", "此段删除"};
    auto stop = [](char32_t c) { return c == U'。' || c == U'；' || c == U'\n'; };
    for (std::size_t i = 0; i < t.size(); ++i) {
        auto w = std::find_if(phrases.begin(), phrases.end(), [&](const std::string& p) { return t.starts(i, p); });
        if (w == phrases.end()) continue;
        std::size_t n = Utf8Text(*w).size();
        // The enclosing parenthesis where there is one, else the clause.
        std::size_t b = i, e = i + n;
        while (b > 0 && !stop(t[b - 1]) && t[b - 1] != U'（' && t[b - 1] != U'(' && t[b - 1] != U'）' && b + 40 > i) --b;
        bool paren = b > 0 && (t[b - 1] == U'（' || t[b - 1] == U'(');
        if (paren) {
            --b;
            while (e < t.size() && !stop(t[e]) && t[e] != U'）' && t[e] != U')' && e < i + n + 40) ++e;
            if (t[e] == U'）' || t[e] == U')') ++e;
        } else {
            while (b > 0 && !stop(t[b - 1])) --b;
            while (e < t.size() && !stop(t[e]) && t[e] != U'：') ++e;
            if (e < t.size() && t[e] != U'\n') ++e;
        }
        hits.push_back({b, e, Severity::Info, "instruction"});
        i = e - 1;
    }
}

std::vector<Hit> merged(std::vector<Hit> hits) {
    std::sort(hits.begin(), hits.end(), [](const Hit& x, const Hit& y) { return x.b != y.b ? x.b < y.b : x.e > y.e; });
    std::vector<Hit> out;
    for (const auto& h : hits) {
        bool same_rule = !out.empty() && ((out.back().what == "placeholder" || out.back().what == "reason") ==
                                          (h.what == "placeholder" || h.what == "reason"));
        if (same_rule && h.b <= out.back().e + 3) {
            Hit& m = out.back();
            m.e = std::max(m.e, h.e);
            if (severity_rank(h.severity) < severity_rank(m.severity)) m.severity = h.severity, m.what = h.what;
            continue;
        }
        out.push_back(h);
    }
    return out;
}

void flag_hit(Auditor& a, const TextPlace& p, const Utf8Text& t, const Hit& h) {
    std::string snippet = t.slice(p.text, h.b, h.e);
    std::string quote = t.size() <= 40 ? p.text : excerpt(p.text, t, h.b, h.e);
    std::string sentence = p.heading ? p.text : sentence_around(p.text, t, h.b, h.e);
    bool placeholder = h.what == "placeholder" || h.what == "reason";
    std::string rule = placeholder ? "text-placeholder" : "text-template";
    std::string headline, message, expected;
    if (h.what == "placeholder") {
        headline = p.where + "里留着没有填写的模板占位符“" + snippet + "”：“" + quote + "”";
        message = "模板占位符未填写：" + p.where + "印有“" + snippet + "”。";
        expected = "按实际内容填写";
    } else if (h.what == "reason") {
        headline = p.where + "写了“主要原因”却没有写出原因：“" + quote + "”";
        message = "原因未填写：" + p.where + "的“" + snippet + "”后面没有内容。";
        expected = "写出原因";
    } else if (h.what == "choice") {
        headline = p.where + "把模板的两个备选词都留下了，没有按实际选定：“" + snippet + "”（" + quote + "）";
        message = "模板的备选用词未选定：" + p.where + "印有“" + snippet + "”。";
        expected = "按数字选定其一";
    } else if (h.what == "mark") {
        headline = p.where + "留有模板里给编写人员看的标注“" + snippet + "”";
        message = "模板标注未删除：" + p.where + "印有“" + snippet + "”。";
        expected = "删除模板标注";
    } else {
        headline = p.where + "留有模板里给编写人员看的填写说明“" + snippet + "”";
        message = "模板的填写说明未删除：" + p.where + "印有“" + snippet + "”。";
        expected = "删除填写说明";
    }
    a.flag(rule, h.severity, message, {text_cell(p, snippet)}, expected, snippet, sentence, headline);
}

}  // namespace

void audit_text_placeholders(Auditor& a, const std::vector<TextPlace>& places) {
    for (const auto& p : places) {
        Utf8Text t(p.text);
        std::vector<Hit> hits;
        x_runs(t, hits);
        char_runs(t, U"×✕✖╳", 2, hits);
        char_runs(t, U"*＊", 3, hits);
        char_runs(t, U"_", 3, hits);
        char_runs(t, U"＿", 2, hits);
        bracket_fields(t, p.text, hits);
        words(t, hits);
        empty_reasons(t, hits);
        choices(t, hits);
        instructions(t, hits);
        emphasis_marks(t, hits);
        bool placeholder = false, leftover = false;
        for (const auto& h : merged(std::move(hits))) {
            flag_hit(a, p, t, h);
            (h.what == "placeholder" || h.what == "reason" ? placeholder : leftover) = true;
        }
        if (!placeholder) a.pass("text-placeholder", {});
        if (!leftover) a.pass("text-template", {});
    }
}

void audit_text(Auditor& a) {
    std::vector<TextPlace> places = printed_texts(a.filing());
    audit_text_placeholders(a, places);
    audit_text_punctuation(a, places);
    audit_text_years(a, places);
    audit_text_units(a, places);
}

}  // namespace gongkai
