// Years in the printed text against the filing's year Y (a 决算 of year Y):
// - text-year-heading (error): a title or heading — the document's title, a part heading, a section title, a
//   table's title or number, an attachment's title — names a year other than Y (the year before is allowed only
//   where the heading compares with it), or a truncated year (“202 年度”).
// - text-year-date (warning): the date of the accounts (截至/截止 Y年12月31日, Y年末/年底) or the year of a
//   statement about this filing's own figures (“Y年度收入支出总计…”, “Y年度部门决算”, “Y年度政府采购…”) is not Y.
// - text-year-comparison (warning): a comparison (与/比/较/同 X年度, 上年（X年度）) does not name Y−1.
//
// What the real publications legitimately print and is left alone: other years outside these constructions
// (“被评为2023年度…先进集体”, “2025年，我们将…”, “2023年结转”, a policy of another year); a statement about the
// year before in a sentence that also names Y (a comparison of the two years); a year-over-year sentence about
// other years (“2025年比2024年增长”); a statement about next year's budget (Y+1 … 预算); a date other than a
// year-end, which a 决算 may cite for any reason.
#include "audit/text_rules.hpp"

namespace gongkai {

namespace {

struct YearToken {
    std::size_t b = 0, e = 0;  // the digits up to and including 年 (and 度 when printed)
    int year = 0;
    bool truncated = false;  // "202 年度"
};

std::vector<YearToken> year_tokens(const Utf8Text& t) {
    std::vector<YearToken> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!is_ascii_digit(t[i]) || (i > 0 && (is_ascii_digit(t[i - 1]) || t[i - 1] == U','))) continue;
        std::size_t j = i;
        while (j < t.size() && is_ascii_digit(t[j])) ++j;
        std::size_t n = j - i, k = j;
        while (k < t.size() && is_space(t[k])) ++k;
        if (t[k] != U'年' || (n != 4 && n != 3) || t[j] == U'.') {
            i = j - 1;
            continue;
        }
        int value = 0;
        for (std::size_t d = i; d < j; ++d) value = value * 10 + static_cast<int>(t[d] - U'0');
        std::size_t e = k + 1, m = e;
        while (m < t.size() && is_space(t[m])) ++m;
        bool du = t[m] == U'度';
        if (du) e = m + 1;
        if (n == 4 && value >= 1900 && value <= 2099) out.push_back({i, e, value, false});
        else if (n == 3 && value >= 200 && value <= 209 && du) out.push_back({i, e, value, true});
        i = j - 1;
    }
    return out;
}

// The code points from i on without spaces, at most n of them.
std::u32string compact_after(const Utf8Text& t, std::size_t i, std::size_t n) {
    std::u32string out;
    for (; i < t.size() && out.size() < n && t[i] != U'\n'; ++i)
        if (!is_space(t[i])) out += t[i];
    return out;
}

// The code points before i without spaces, at most n of them, in reading order.
std::u32string compact_before(const Utf8Text& t, std::size_t i, std::size_t n) {
    std::u32string out;
    for (; i > 0 && out.size() < n && t[i - 1] != U'\n'; --i)
        if (!is_space(t[i - 1])) out.insert(out.begin(), t[i - 1]);
    return out;
}

// How many code points (spaces included) before i the word `tail` of the compact text starts.
std::size_t start_of(const Utf8Text& t, std::size_t i, std::size_t chars) {
    while (chars > 0 && i > 0) {
        --i;
        if (!is_space(t[i])) --chars;
    }
    return i;
}

// The comparison word right before a year (与 2023 年度相比, 比2023年, 上年（2023年度）), its length; 0 if none.
std::size_t comparison_marker(const std::u32string& before) {
    for (const std::u32string w : {U"上年度（", U"上年（", U"上年度(", U"上年(", U"去年（", U"相较于", U"相比于", U"较之", U"对比", U"与", U"比",
                                   U"较", U"同", U"和"})
        if (before.ends_with(w)) return w.size();
    return 0;
}

std::size_t current_marker(const std::u32string& before) {
    for (const std::u32string w : {U"本年度（", U"本年（", U"当年（", U"本年度(", U"本年("})
        if (before.ends_with(w)) return w.size();
    return 0;
}

// A year-end date after the year: 12月31日, 末, 底 (with 度 already taken into the token).
std::size_t year_end(const std::u32string& after) {
    for (const std::u32string w : {U"12月31日", U"末", U"底"})
        if (after.starts_with(w)) return w.size();
    return 0;
}

std::size_t date_marker(const std::u32string& before) {
    for (const std::u32string w : {U"截至到", U"截止到", U"截至", U"截止", U"至", U"到"})
        if (before.ends_with(w)) return w.size();
    return 0;
}

// Statements about this filing's own figures that name their year: “Y年度收入支出总计…”.
struct Phrase {
    std::u32string words;
    bool final_accounts;  // a statement only a 决算 makes (never next year's budget)
};
const std::vector<Phrase>& statement_phrases() {
    static const std::vector<Phrase> list = {
        {U"部门决算", true},       {U"决算", true},          {U"收入支出总计", true},  {U"收、支总计", true},
        {U"收支总计", true},       {U"收入合计", true},      {U"支出合计", true},      {U"财政拨款收入支出", true},
        {U"财政拨款收、支", true}, {U"财政拨款支出", false}, {U"财政拨款收入", false}, {U"财政拨款基本支出", true},
        {U"一般公共预算财政拨款", false}, {U"“三公”经费", false}, {U"\"三公\"经费", false}, {U"三公经费", false},
        {U"机关运行经费", false},  {U"政府采购", false},     {U"预算绩效管理", false}, {U"部门(单位)整体支出绩效", true},
        {U"部门（单位）整体支出绩效", true}, {U"部门整体支出绩效", true}, {U"本部门面向中小企业", false},
        {U"无政府性基金", true},   {U"无国有资本经营", true}, {U"无“三公”经费", true}, {U"无机关运行经费", true},
    };
    return list;
}

const Phrase* statement(const std::u32string& after) {
    for (const auto& p : statement_phrases())
        if (after.starts_with(p.words)) return &p;
    return nullptr;
}

std::string ystr(int y) { return std::to_string(y); }

}  // namespace

void audit_text_years(Auditor& a, const std::vector<TextPlace>& places) {
    const Filing& f = a.filing();
    const int Y = f.year;
    if (Y <= 0) return;
    for (const auto& p : places) {
        Utf8Text t(p.text);
        auto tokens = year_tokens(t);
        int found = 0;
        auto quote_of = [&](std::size_t b, std::size_t e) { return t.size() <= 40 ? p.text : excerpt(p.text, t, b, e); };
        auto sentence_of = [&](std::size_t b, std::size_t e) { return p.heading ? p.text : sentence_around(p.text, t, b, e); };
        // The years of the sentence around [b, e) that are not themselves compared with.
        auto subject_years = [&](std::size_t b, std::size_t e) {
            std::vector<int> out;
            std::string s = sentence_around(p.text, t, b, e);
            Utf8Text st(s);
            for (const auto& k : year_tokens(st))
                if (!k.truncated && !comparison_marker(compact_before(st, k.b, 6))) out.push_back(k.year);
            return out;
        };
        for (const auto& tok : tokens) {
            std::u32string before = compact_before(t, tok.b, 6), after = compact_after(t, tok.e, 16);
            std::string year_text = t.slice(p.text, tok.b, tok.e);
            if (tok.truncated) {
                std::string rule = p.heading ? "text-year-heading" : "text-year-date";
                a.flag(rule, p.heading ? Severity::Error : Severity::Warning,
                       "年份不完整：" + p.where + "印有“" + year_text + "”。", {text_cell(p, year_text)}, ystr(Y) + "年度", year_text,
                       sentence_of(tok.b, tok.e), p.where + "的年份“" + year_text + "”少了一位数字：“" + quote_of(tok.b, tok.e) + "”");
                ++found;
                continue;
            }
            std::size_t cmp = comparison_marker(before);
            // 与/同/和 compare only with a comparing word after the year (与2023年度相比, 同2023年持平); otherwise they
            // join (参与2023年度…, 2022年和2023年).
            if (cmp == 1 && (before.back() == U'与' || before.back() == U'同' || before.back() == U'和')) {
                bool compares = false;
                for (const std::u32string w : {U"相比", U"相较", U"比较", U"对比", U"持平", U"同期", U"一致"})
                    compares = compares || after.substr(0, 12).find(w) != std::u32string::npos;
                if (!compares) cmp = 0;
            }
            if (p.heading) {
                if (tok.year == Y || (cmp && tok.year == Y - 1)) continue;
                a.flag("text-year-heading", Severity::Error, "标题年份不符：" + p.where + "印有“" + year_text + "”，本决算为 " + ystr(Y) + " 年度。",
                       {text_cell(p, p.text)}, ystr(Y) + "年", year_text, p.text,
                       p.where + "写的是“" + year_text + "”，但这是 " + ystr(Y) + " 年度的决算：“" + quote_of(tok.b, tok.e) + "”");
                ++found;
                continue;
            }
            if (cmp) {
                if (tok.year == Y - 1) continue;
                // “2025年比2024年增长”: a comparison between two other years.
                bool other_subject = false;
                for (int y : subject_years(tok.b, tok.e)) other_subject = other_subject || y == tok.year + 1;
                if (other_subject) continue;
                std::size_t b = start_of(t, tok.b, cmp), e = tok.e;
                if (after.starts_with(U"相比")) e = std::min(t.size(), e + (t.starts(e, "相比") ? 2 : 0));
                std::string printed = t.slice(p.text, b, e);
                a.flag("text-year-comparison", Severity::Warning,
                       "比较年份不符：" + p.where + "写“" + printed + "”，" + ystr(Y) + " 年度决算应与上年（" + ystr(Y - 1) + " 年度）比较。",
                       {text_cell(p, printed)}, ystr(Y - 1) + "年", year_text, sentence_of(b, e),
                       p.where + "写“" + printed + "”，但 " + ystr(Y) + " 年度的决算应与上年（" + ystr(Y - 1) + " 年度）比较：“" +
                           quote_of(b, e) + "”");
                ++found;
                continue;
            }
            if (tok.year == Y) continue;
            std::size_t b = tok.b, e = tok.e;
            bool wrong = false;
            if (std::size_t m = current_marker(before)) {
                b = start_of(t, tok.b, m), wrong = true;
            } else if (std::size_t end = year_end(after); end && date_marker(before)) {
                b = start_of(t, tok.b, date_marker(before));
                std::size_t k = tok.e;
                for (std::size_t n = 0; k < t.size() && n < end; ++k)
                    if (!is_space(t[k])) ++n;
                e = k, wrong = true;
            } else if (const Phrase* ph = statement(after)) {
                std::vector<int> years = subject_years(tok.b, tok.e);
                bool names_y = false;
                for (int y : years) names_y = names_y || y == Y;
                wrong = tok.year < Y ? !names_y : ph->final_accounts;
                std::size_t k = tok.e;
                for (std::size_t n = 0; k < t.size() && n < ph->words.size(); ++k)
                    if (!is_space(t[k])) ++n;
                e = k;
            }
            if (!wrong) continue;
            std::string printed = t.slice(p.text, b, e);
            a.flag("text-year-date", Severity::Warning, "年份不符：" + p.where + "写“" + printed + "”，本决算为 " + ystr(Y) + " 年度。",
                   {text_cell(p, printed)}, ystr(Y) + "年", year_text, sentence_of(b, e),
                   p.where + "写“" + printed + "”，但这是 " + ystr(Y) + " 年度的决算，应为 " + ystr(Y) + " 年：“" + quote_of(b, e) + "”");
            ++found;
        }
        if (!found) {
            a.pass(p.heading ? "text-year-heading" : "text-year-date", {});
            if (!p.heading) a.pass("text-year-comparison", {});
        }
    }
}

}  // namespace gongkai
