#include "import/tables/table_titles.hpp"

#include <array>
#include <utility>

#include "import/tables/cell_text.hpp"

namespace gongkai::import {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

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
    return "";
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
std::size_t numeral_run(std::string_view text) {
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
    const std::size_t n = numeral_run(text);
    return n > 0 && starts_with(text.substr(n), "部分");
}

bool is_ordinal_heading(std::string_view raw) {
    const std::string s = trim_text(raw);
    std::string_view text = s;
    if (starts_with(text, "（") || starts_with(text, "(")) {
        text.remove_prefix(starts_with(text, "（") ? std::string_view("（").size() : 1);
        const std::size_t n = numeral_run(text);
        return n > 0 && (starts_with(text.substr(n), "）") || starts_with(text.substr(n), ")"));
    }
    const std::size_t n = numeral_run(text);
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
