#pragma once
// What the audit produces: findings that name the rule, the cells involved (table, row, column) with
// their printed values, what was expected and what was found, and for narrative rules the sentence.
#include <map>
#include <set>
#include <string>
#include <vector>

namespace gongkai {

enum class Severity { Error, Warning, Info };
std::string severity_id(Severity s);     // "error", "warning", "info"
std::string severity_label(Severity s);  // "错误", "警告", "提示"

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
