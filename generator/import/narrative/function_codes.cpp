#include "import/narrative/function_codes.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "import/narrative/narrative_text.hpp"
#include "model/money.hpp"

namespace gongkai::import {

namespace {

bool is_function_code(const std::string& code) {
    if (code.size() != 3 && code.size() != 5 && code.size() != 7) return false;
    if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    return code[0] == '2';
}

// Drops summary-table numbering such as "一、" or "1." before a name.
std::string without_numbering(const std::string& name) {
    std::size_t at = name.find("、");
    if (at != std::string::npos && at <= 9) {
        static const std::string numerals = "一二三四五六七八九十";
        bool numeral = true;
        for (std::size_t i = 0; i < at;) {
            std::size_t n = narrative::utf8_length_at(name, i);
            if (numerals.find(name.substr(i, n)) == std::string::npos) numeral = false;
            i += n;
        }
        if (numeral) return name.substr(at + 3);
    }
    return name;
}

void add_codes(const nlohmann::json& table, bool with_totals, FunctionCodes& out) {
    if (!table.contains("blocks") || !table["blocks"].is_array()) return;
    for (const auto& block : table["blocks"]) {
        if (!block.contains("rows") || !block["rows"].is_array()) continue;
        for (const auto& row : block["rows"]) {
            if (!row.contains("code") || !row["code"].is_string() || !row.contains("name") || !row["name"].is_string())
                continue;
            std::string code = row["code"].get<std::string>();
            if (!is_function_code(code)) continue;
            if (std::any_of(out.begin(), out.end(), [&](const FunctionCode& f) { return f.code == code; })) continue;
            std::string total;
            if (with_totals && row.contains("values") && row["values"].is_object()) {
                const auto& values = row["values"];
                if (values.contains("total") && values["total"].is_string()) total = values["total"].get<std::string>();
            }
            out.push_back(FunctionCode{code, without_numbering(narrative::normalized(row["name"].get<std::string>())), total});
        }
    }
}

}  // namespace

FunctionCodes function_codes_from_tables(const nlohmann::json& tables) {
    FunctionCodes out;
    if (!tables.is_array()) return out;
    // A 决算's tables, then a 部门预算's (whose amounts, in 元, give no totals to match 万元 figures by).
    for (const char* kind : {"general_budget_expenditure", "expenditure", "income", "budget_general_function",
                             "budget_expenditure", "budget_fiscal_expenditure", "budget_income"})
        for (const auto& table : tables)
            if (table.is_object() && table.value("kind", "") == kind)
                add_codes(table, std::string(kind) == "general_budget_expenditure", out);
    return out;
}

namespace narrative {

namespace {

// 支出功能分类 classes (类) of the national 政府收支分类科目.
constexpr std::array<std::pair<const char*, const char*>, 33> kClasses{{
    {"201", "一般公共服务支出"},   {"202", "外交支出"},
    {"203", "国防支出"},           {"204", "公共安全支出"},
    {"205", "教育支出"},           {"206", "科学技术支出"},
    {"207", "文化旅游体育与传媒支出"}, {"208", "社会保障和就业支出"},
    {"209", "社会保险基金支出"},   {"210", "卫生健康支出"},
    {"211", "节能环保支出"},       {"212", "城乡社区支出"},
    {"213", "农林水支出"},         {"214", "交通运输支出"},
    {"215", "资源勘探工业信息等支出"}, {"216", "商业服务业等支出"},
    {"217", "金融支出"},           {"219", "援助其他地区支出"},
    {"220", "自然资源海洋气象等支出"}, {"221", "住房保障支出"},
    {"222", "粮油物资储备支出"},   {"223", "国有资本经营预算支出"},
    {"224", "灾害防治及应急管理支出"}, {"227", "预备费"},
    {"229", "其他支出"},           {"230", "转移性支出"},
    {"231", "债务还本支出"},       {"232", "债务付息支出"},
    {"233", "债务发行费用支出"},   {"234", "抗疫特别国债安排的支出"},
    {"207", "文化体育与传媒支出"}, {"210", "医疗卫生与计划生育支出"},
    {"220", "国土海洋气象等支出"},
}};

std::string strip_suffix(std::string s, const std::string& suffix) {
    if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
        s.erase(s.size() - suffix.size());
    return s;
}

// A class name without "（类）" and without its closing "支出".
std::string class_base(const std::string& name) {
    std::string s = normalized(name);
    for (std::size_t at; (at = s.find("（类）")) != std::string::npos;) s.erase(at, std::string("（类）").size());
    return strip_suffix(s, "支出");
}

// "其它" is printed for "其他" now and then ("其它行政事业单位养老支出").
std::string with_qita(std::string s) {
    for (std::size_t at; (at = s.find("其它")) != std::string::npos;) s.replace(at, std::string("其它").size(), "其他");
    return s;
}

bool same_name(const std::string& a, const std::string& b) {
    std::string x = with_qita(normalized(a)), y = with_qita(normalized(b));
    if (x.empty() || y.empty()) return false;
    return x == y || strip_suffix(x, "支出") == strip_suffix(y, "支出");
}

std::vector<std::pair<std::string, std::string>> class_names(const FunctionCodes& codes) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [code, name] : kClasses) out.emplace_back(code, name);
    for (const FunctionCode& f : codes)
        if (f.code.size() == 3) out.emplace_back(f.code, f.name);
    return out;
}

std::string class_code(const std::string& level, const FunctionCodes& codes) {
    std::string base = class_base(level);
    if (base.empty()) return "";
    // The document's own names first: they are what its sentences repeat.
    for (const FunctionCode& f : codes)
        if (f.code.size() == 3 && class_base(f.name) == base) return f.code;
    for (const auto& [code, name] : kClasses)
        if (class_base(name) == base) return code;
    return "";
}

// The unique code of `depth` digits under `prefix` whose name matches; "" when none or several.
std::string unique_child(const FunctionCodes& codes, const std::string& prefix, std::size_t depth, const std::string& name) {
    std::string found;
    for (const FunctionCode& f : codes) {
        if (f.code.size() != depth || f.code.compare(0, prefix.size(), prefix) != 0) continue;
        if (!same_name(f.name, name)) continue;
        if (!found.empty() && found != f.code) return "";
        found = f.code;
    }
    return found;
}

std::optional<std::int64_t> micro_of(const std::string& text) {
    auto d = parse_decimal(text);
    if (!d) return std::nullopt;
    return d->micro;
}

}  // namespace

std::string class_name(const std::string& code, const FunctionCodes& codes) {
    for (const FunctionCode& f : codes)
        if (f.code == code) return f.name;
    for (const auto& [c, name] : kClasses)
        if (code == c) return name;
    return "";
}

std::vector<std::pair<std::string, std::string>> class_phrases(const FunctionCodes& codes) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [code, name] : class_names(codes)) {
        std::string base = class_base(name);
        if (base.empty()) continue;
        for (const std::string& phrase :
             {base + "支出（类）", base + "（类）支出", base + "（类）", base + "支出", normalized(name)})
            if (std::none_of(out.begin(), out.end(), [&](const auto& p) { return p.first == phrase; }))
                out.emplace_back(phrase, code);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return out;
}

std::vector<std::string> heading_levels(const std::string& heading, const FunctionCodes& codes) {
    std::string text = normalized(heading);
    // Trailing punctuation.
    for (bool again = true; again;) {
        again = false;
        for (const char* p : {"。", "：", ":", "，", ",", "；", ";", "."})
            if (text.size() >= std::string(p).size() && text.compare(text.size() - std::string(p).size(), std::string::npos, p) == 0) {
                text.erase(text.size() - std::string(p).size());
                again = true;
            }
    }
    std::vector<std::string> levels;
    const std::array<const char*, 3> markers{"（类）", "（款）", "（项）"};
    bool marked = std::any_of(markers.begin(), markers.end(), [&](const char* m) { return text.find(m) != std::string::npos; });
    if (marked) {
        std::size_t from = 0;
        while (from < text.size()) {
            std::size_t best = std::string::npos, len = 0;
            for (const char* m : markers) {
                std::size_t at = text.find(m, from);
                if (at < best) { best = at; len = std::string(m).size(); }
            }
            if (best == std::string::npos) {
                // Text after the last marker ("（类）支出" spellings put "支出" after it).
                std::string rest = text.substr(from);
                if (!levels.empty() && (rest == "支出")) levels.back() += rest;
                else if (!rest.empty()) levels.push_back(rest);
                break;
            }
            std::string part = text.substr(from, best - from);
            if (part == "支出" && !levels.empty()) levels.back() += part;  // "一般公共服务（类）支出"
            else if (!part.empty()) levels.push_back(part);
            from = best + len;
        }
    } else {
        std::size_t from = 0;
        for (std::size_t i = 0; i <= text.size();) {
            std::size_t n = i < text.size() ? utf8_length_at(text, i) : 0;
            bool sep = i == text.size();
            for (const char* s : {"，", ",", "、", "；", "－", "—", "-", "/", "／"})
                if (!sep && starts_with_at(text, i, s)) { sep = true; n = std::string(s).size(); }
            if (sep) {
                if (i > from) levels.push_back(text.substr(from, i - from));
                from = i + n;
            }
            if (i == text.size()) break;
            i += n;
        }
    }
    if (levels.empty() || levels.size() > 3) return {};
    if (class_code(levels.front(), codes).empty()) return {};
    return levels;
}

std::string resolve_item_code(const std::vector<std::string>& levels, const FunctionCodes& codes,
                              const std::string& actual) {
    if (levels.empty()) return "";
    std::string cls = class_code(levels[0], codes);
    if (cls.empty()) return "";
    if (levels.size() == 1) return cls;
    std::string kuan = unique_child(codes, cls, 5, levels[1]);
    std::string found;
    if (levels.size() == 2) {
        found = kuan;
    } else {
        if (!kuan.empty()) found = unique_child(codes, kuan, 7, levels[2]);
        if (found.empty()) found = unique_child(codes, cls, 7, levels[2]);
        if (found.empty()) found = unique_child(codes, cls, 5, levels[2]);
    }
    if (!found.empty()) return found;
    // By value: the item's 支出决算 equals its row's total in the table.
    auto want = micro_of(actual);
    if (!want) return "";
    const std::string& under = kuan.empty() ? cls : kuan;
    const std::size_t depth = levels.size() == 2 ? 5 : 7;
    std::string by_value;
    for (const FunctionCode& f : codes) {
        if (f.code.size() != depth || f.code.compare(0, under.size(), under) != 0) continue;
        auto have = micro_of(f.total);
        if (!have || *have != *want) continue;
        if (!by_value.empty()) return "";
        by_value = f.code;
    }
    return by_value;
}

}  // namespace narrative
}  // namespace gongkai::import
