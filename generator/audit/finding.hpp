#pragma once
// What the audit produces: findings that name the rule, the cells involved (table, row, column) with
// their printed values, what was expected and what was found, and for narrative rules the sentence.
// Each finding also carries its size (the two numbers, their difference and how far that goes beyond
// rounding), from which its materiality — 尾差 or a real error — and its rank are derived (materiality.hpp).
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gongkai {

// Error: a material inconsistency. Warning: possibly legitimate, to be checked. Minor: a 尾差 — a difference
// of at most 0.01 万元 (or 0.01 个百分点) beyond what rounding explains. Info: a note, not counted.
enum class Severity { Error, Warning, Minor, Info };
std::string severity_id(Severity s);     // "error", "warning", "minor", "info"
std::string severity_label(Severity s);  // "错误", "警告", "尾差", "提示"
// 0 for the most serious (Error) to 3 (Info): the first key of the materiality order.
int severity_rank(Severity s);

// One cell a rule read: a table cell, or a narrative figure.
struct CellRef {
    std::string table;    // table kind id, or "narrative"
    std::string block;    // block id; for figures the metric id
    std::string row;      // row code or key; for figures the figure's code, if any
    std::string column;   // column id; for figures "value"
    std::string label;    // zh-CN description, e.g. "支出决算表 合计行 基本支出"
    std::string printed;  // the printed value ("" for a blank cell)
    std::string anchor;   // element id on the department page (row anchor, or figure anchor)
    std::string pointer;  // JSON pointer in the filing
    std::string plain;    // table cells: the cell in plain words ("支出决算表里“合计”的基本支出"); figures with a
                          // code: the name the tables give that code ("一般公共服务支出"); "" otherwise
    std::string unit;     // table cells of a table printed in 元: "元" (the unit of `printed`); "" otherwise
};

// The kind of check a finding comes from, which decides how it is worded for citizens.
enum class CheckKind {
    Sum,      // a total against the sum of its parts
    Same,     // one figure printed (or stated) twice
    Ratio,    // a percentage against the amounts it is computed from
    NoBase,   // a percentage of a base that is zero or blank
    Unit,     // an amount stated in 元 that is the table's 万元 figure (found: the stated value in 万元)
    Exceeds,  // a part larger than its whole (found: the part, expected: the whole)
    Flag,     // any other check (words, omissions): its headline is written by the rule
};

struct Finding {
    std::string rule;
    Severity severity = Severity::Error;
    std::string message;   // plain Chinese, with both numbers
    std::string expected;  // e.g. "1310.86（各项之和）"
    std::string found;     // e.g. "1310.87"
    std::string tolerance; // e.g. "±0.025（5 个两位小数的四舍五入项）"
    std::vector<CellRef> cells;
    std::string sentence;  // narrative rules: the sentence the figure came from

    // Size and wording (set by the Auditor; see materiality.hpp).
    CheckKind check = CheckKind::Flag;
    std::string unit;                        // of the values below: "万元", "%" or "" (counts)
    std::size_t found_cells = 0;             // the first found_cells of `cells` are the side that was found
    std::size_t base_cells = 0;              // NoBase: the last base_cells of `cells` are the base (whole)
    std::string found_label, expected_label; // zh-CN names of the two sides (Term labels)
    std::optional<std::int64_t> found_value;     // millionths of `unit`: what is printed or stated
    std::optional<std::int64_t> expected_value;  // millionths of `unit`: what the other figures make it
    std::optional<std::int64_t> difference;      // |found − expected|, millionths of `unit`
    std::optional<std::int64_t> excess;          // how far the difference goes beyond rounding tolerance
    std::int64_t relative_ppm = 0;  // the difference relative to the amount involved, in millionths (1'000'000 = all of it)
    // 万元 differences: the difference as a share of the filing's 本年支出合计 (millionths), when it prints one.
    std::optional<std::int64_t> total_share_ppm;
    std::string headline;           // Flag checks: the plain-language headline written by the rule
};

struct AuditReport {
    std::vector<Finding> findings;
    std::map<std::string, int> checks_by_rule;  // rule id -> checks run
    std::set<std::string> failed_rules;
    std::set<std::string> covered_cells;         // "table/block/row/column" of every table cell some check read

    int rules_applied() const { return static_cast<int>(checks_by_rule.size()); }
    int rules_passed() const { return rules_applied() - static_cast<int>(failed_rules.size()); }
    int count(Severity s) const;
};

// Key of a table cell in AuditReport::covered_cells.
std::string cell_key(const std::string& table, const std::string& block, const std::string& row, const std::string& column);

}  // namespace gongkai
