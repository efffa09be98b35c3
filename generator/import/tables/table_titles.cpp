#include "import/tables/table_titles.hpp"

#include <array>
#include <utility>

#include "import/tables/cell_text.hpp"
#include "import/text_match.hpp"

namespace gongkai::import {

namespace {

std::size_t chinese_numeral_run(std::string_view text);

// Byte range of "公开" + optional spaces + digits + optional spaces + "表" in text, or {npos, 0}.
std::pair<std::size_t, std::size_t> number_range(std::string_view text) {
    for (std::size_t at = text.find("公开"); at != std::string_view::npos; at = text.find("公开", at + 1)) {
        std::size_t i = at + std::string_view("公开").size();
        auto skip_spaces = [&] {
            while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        };
        skip_spaces();
        const std::size_t digits_start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        if (i == digits_start) continue;
        skip_spaces();
        if (text.substr(i, 3) == "表") return {at, i + 3 - at};
    }
    return {std::string_view::npos, 0};
}

// The text without whitespace, without a 公开NN表 and without quote marks of any style.
std::string comparable_title(std::string_view text) {
    std::string s(text);
    const auto [at, length] = number_range(s);
    if (at != std::string_view::npos) s.erase(at, length);
    s = normalise_label(s);
    for (std::string_view quote : {"“", "”", "\"", "‘", "’", "'", "「", "」", "『", "』"}) {
        for (std::size_t p = s.find(quote); p != std::string::npos; p = s.find(quote, p)) s.erase(p, quote.size());
    }
    for (auto [from, to] : std::array<std::pair<std::string_view, std::string_view>, 2>{{{"（", "("}, {"）", ")"}}}) {
        for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p)) s.replace(p, from.size(), to);
    }
    // The mark of a continuation page: "…表(续)", "…表(续表)", "…表续表", "续表…表".
    for (std::string_view mark : {"(续)", "(续表)", "续表"}) {
        if (s.size() > mark.size() && s.compare(s.size() - mark.size(), mark.size(), mark) == 0) {
            s.erase(s.size() - mark.size());
            break;
        }
    }
    if (starts_with(s, "续表") && s.size() > std::string_view("续表").size()) s.erase(0, std::string_view("续表").size());
    return s;
}

}  // namespace

const std::vector<std::string>& table_kinds() {
    static const std::vector<std::string> kinds = {
        "income_expenditure_summary", "income",          "expenditure",   "fiscal_summary", "general_budget_expenditure",
        "basic_expenditure",          "government_fund", "state_capital", "three_public"};
    return kinds;
}

namespace {

// The title without the year (and whatever names the department before it) that budgets print in front of
// it: "2025年部门财务收支预算总表" → "部门财务收支预算总表", "上海市普陀区财政局2025年度部门收入预算总表" →
// "部门收入预算总表". A title without such a year comes back unchanged.
std::string without_leading_year(const std::string& s) {
    for (std::size_t i = 0; i + 4 < s.size(); ++i) {
        bool digits = true;
        for (std::size_t k = 0; k < 4 && digits; ++k) digits = s[i + k] >= '0' && s[i + k] <= '9';
        if (!digits || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
        std::size_t end = i + 4;
        if (s.compare(end, 3, "年") != 0) continue;
        end += 3;
        if (s.compare(end, 3, "度") == 0) end += 3;
        return s.substr(end);
    }
    return s;
}

// A budget table's kind by its title without year, or "". Shanghai prints "部门…" titles, Jiangsu the
// shorter ones; the leading 部门 is optional in both.
std::string budget_kind_of(std::string s) {
    static const std::array<std::pair<std::string_view, std::string_view>, 19> titles = {{
        {"财务收支预算总表", "budget_summary"},
        {"收支预算总表", "budget_summary"},
        {"收入预算总表", "budget_income"},
        {"支出预算总表", "budget_expenditure"},
        {"财政拨款收支预算总表", "budget_fiscal_summary"},
        {"财政拨款支出预算表", "budget_fiscal_expenditure"},
        {"财政拨款基本支出预算表", "budget_fiscal_basic"},
        {"一般公共预算支出功能分类预算表", "budget_general_function"},
        {"一般公共预算支出预算表", "budget_general_function"},
        {"一般公共预算基本支出部门预算经济分类预算表", "budget_basic_economic"},
        {"一般公共预算基本支出经济分类预算表", "budget_basic_economic"},
        {"一般公共预算基本支出预算表", "budget_basic_economic"},
        {"政府性基金预算支出功能分类预算表", "budget_government_fund"},
        {"政府性基金财政拨款支出预算表", "budget_government_fund"},
        {"国有资本经营预算支出功能分类预算表", "budget_state_capital"},
        {"三公经费和机关运行经费预算表", "budget_three_public"},
        {"一般公共预算三公经费、会议费、培训费支出预算表", "budget_three_public"},
        {"一般公共预算机关运行经费支出预算表", "budget_operating_cost"},
        {"政府采购支出预算表", "budget_procurement"},
    }};
    if (starts_with(s, "部门")) s.erase(0, std::string_view("部门").size());
    for (const auto& [title, kind] : titles)
        if (s == title) return std::string(kind);
    return "";
}

}  // namespace

const std::vector<std::string>& budget_table_kind_ids() {
    static const std::vector<std::string> kinds = {
        "budget_summary",          "budget_income",         "budget_expenditure",     "budget_fiscal_summary",
        "budget_fiscal_expenditure", "budget_fiscal_basic", "budget_general_function", "budget_basic_economic",
        "budget_government_fund",  "budget_state_capital",  "budget_three_public",    "budget_operating_cost",
        "budget_procurement"};
    return kinds;
}

bool is_budget_kind(std::string_view kind) { return kind.substr(0, 7) == "budget_"; }

namespace {

// A contents line without its leader dots and page number, and the byte length of its leading ordinal
// ("1.", "4．", "12、", "一、", "十二、", "（一）", "(1)"); npos when it opens with none.
std::pair<std::string, std::size_t> contents_entry(std::string_view text) {
    std::string s = normalise_label(text);
    // Leader dots and a page number after the title.
    for (std::string_view dots : {"…", "...", "．．", "··"}) {
        const std::size_t at = s.find(dots);
        if (at != std::string::npos) s.erase(at);
    }
    while (!s.empty() && s.back() >= '0' && s.back() <= '9') s.pop_back();
    // A leading ordinal: "1.", "4．", "12、", "一、", "十二、", "（一）", "(1)".
    std::size_t i = 0;
    const bool paren = starts_with(s, "（") || starts_with(s, "(");
    if (paren) i = starts_with(s, "（") ? 3 : 1;
    const std::size_t digits_from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == digits_from) i += chinese_numeral_run(std::string_view(s).substr(i));
    if (i == digits_from) return {s, std::string::npos};
    static constexpr std::array<std::string_view, 2> kCloses = {"）", ")"};
    static constexpr std::array<std::string_view, 4> kMarks = {"、", ".", "．", "，"};
    bool marked = false;
    for (std::string_view mark : paren ? std::vector<std::string_view>(kCloses.begin(), kCloses.end())
                                       : std::vector<std::string_view>(kMarks.begin(), kMarks.end())) {
        if (s.compare(i, mark.size(), mark) == 0) {
            i += mark.size();
            marked = true;
            break;
        }
    }
    if (!marked) return {s, std::string::npos};
    return {s, i};
}

}  // namespace

std::string announced_table_kind(std::string_view text) {
    if (text.size() > 400) return "";
    const auto [s, ordinal] = contents_entry(text);
    if (ordinal == std::string::npos) return "";
    const std::string kind = table_kind_of_title(s.substr(ordinal));
    return is_budget_kind(kind) ? kind : "";
}

std::string announced_table_ordinal(std::string_view text) {
    const auto [s, ordinal] = contents_entry(text);
    return ordinal == std::string::npos ? "" : s.substr(0, ordinal);
}

std::string announced_table_title(std::string_view text) {
    const auto [s, ordinal] = contents_entry(text);
    return ordinal == std::string::npos ? s : s.substr(ordinal);
}

std::string table_kind_of_title(std::string_view text) {
    static const std::array<std::pair<std::string_view, std::string_view>, 13> titles = {{
        {"收入支出决算总表", "income_expenditure_summary"},
        {"收入决算表", "income"},
        {"支出决算表", "expenditure"},
        {"财政拨款收入支出决算总表", "fiscal_summary"},
        {"一般公共预算财政拨款支出决算表", "general_budget_expenditure"},
        {"一般公共预算财政拨款基本支出决算表", "basic_expenditure"},
        {"一般公共预算财政拨款基本支出决算明细表", "basic_expenditure"},
        {"一般公共预算财政拨款基本支出决算(明细)表", "basic_expenditure"},
        {"政府性基金预算财政拨款收入支出决算表", "government_fund"},
        {"国有资本经营预算财政拨款支出决算表", "state_capital"},
        {"国有资本经营预算财政拨款收入支出决算表", "state_capital"},
        {"国有资本经营预算财政拨款(收入)支出决算表", "state_capital"},
        {"财政拨款三公经费支出决算表", "three_public"},
    }};
    if (text.size() > 400) return "";
    const std::string s = comparable_title(text);
    for (const auto& [title, kind] : titles)
        if (s == title) return std::string(kind);
    return budget_kind_of(without_leading_year(s));
}

std::string printed_title(std::string_view text) {
    std::string s(text);
    const auto [at, length] = number_range(s);
    if (at != std::string_view::npos) s.erase(at, length);
    return normalise_label(s);
}

std::string table_number_in(std::string_view text) {
    const auto [at, length] = number_range(text);
    if (at == std::string_view::npos) return "";
    return normalise_label(text.substr(at, length));
}

std::string table_unit_in(std::string_view text) {
    const std::string s = normalise_label(text);
    for (std::string_view label : {"单位：", "单位:"}) {
        for (std::size_t p = s.find(label); p != std::string::npos; p = s.find(label, p + 1)) {
            const std::string_view rest = std::string_view(s).substr(p + label.size());
            if (starts_with(rest, "万元")) return "万元";
            if (starts_with(rest, "元")) return "元";
        }
    }
    return "";
}

namespace {

// Length of a run of Chinese numerals (一…十, 百, 零) at the start of text, in bytes.
std::size_t chinese_numeral_run(std::string_view text) {
    static const std::array<std::string_view, 12> numerals = {"一", "二", "三", "四", "五", "六",
                                                              "七", "八", "九", "十", "百", "零"};
    std::size_t i = 0;
    while (true) {
        bool matched = false;
        for (std::string_view n : numerals) {
            if (text.substr(i, n.size()) == n) {
                i += n.size();
                matched = true;
                break;
            }
        }
        if (!matched) return i;
    }
}

}  // namespace

bool is_part_heading(std::string_view raw) {
    const std::string s = normalise_label(raw);
    std::string_view text = s;
    if (!starts_with(text, "第")) return false;
    text.remove_prefix(std::string_view("第").size());
    const std::size_t n = chinese_numeral_run(text);
    return n > 0 && starts_with(text.substr(n), "部分");
}

bool is_unnumbered_part_heading(std::string_view raw) {
    const std::string s = normalise_label(raw);
    if (s.empty() || s.size() > 40 * 3) return false;
    for (std::string_view mark : {"，", "。", "；", "：", ":"})
        if (s.find(mark) != std::string::npos) return false;
    auto ends = [&](std::string_view end) { return s.size() > end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0; };
    return s == "名词解释" || ((ends("情况说明") || ends("编制说明")) && s.size() >= 6 * 3);
}

bool is_ordinal_heading(std::string_view raw) {
    const std::string s = trim_text(raw);
    std::string_view text = s;
    if (starts_with(text, "（") || starts_with(text, "(")) {
        text.remove_prefix(starts_with(text, "（") ? std::string_view("（").size() : 1);
        const std::size_t n = chinese_numeral_run(text);
        return n > 0 && (starts_with(text.substr(n), "）") || starts_with(text.substr(n), ")"));
    }
    const std::size_t n = chinese_numeral_run(text);
    return n > 0 && starts_with(text.substr(n), "、");
}

bool is_continuation_mark(std::string_view raw) {
    const std::string s = normalise_label(raw);
    return s == "续表" || s == "续上表" || s == "（续）" || s == "(续)" || s == "续表：" || s == "续表:";
}

bool is_title_furniture(std::string_view raw) {
    const std::string s = normalise_label(raw);
    if (s.empty()) return false;
    if (!table_number_in(s).empty() && s.size() <= 40) return true;
    for (std::string_view prefix : {"部门：", "部门:", "单位：", "单位:", "编制单位：", "编制单位:", "金额单位：", "金额单位:"})
        if (starts_with(s, prefix)) return true;
    return !table_unit_in(s).empty();
}

}  // namespace gongkai::import
