#pragma once
// The named, documented audit rules. Every rule has an id, zh/en titles, the cells it reads, its
// tolerance, its severity and a plain-Chinese explanation; the rules page and `gongkai check` use them.
#include <string>
#include <vector>

#include "audit/finding.hpp"

namespace gongkai {

struct RuleInfo {
    std::string id;
    std::string title_zh;
    std::string title_en;
    std::string scope;      // "表内" / "表间" / "说明与表"
    std::string reads;      // which tables and cells
    std::string tolerance;  // how the tolerance is derived
    Severity severity = Severity::Error;
    std::string explanation;  // plain Chinese
};

// All rules, in the order they are documented.
const std::vector<RuleInfo>& rule_catalog();
// True when the rule compares amounts or percentages, so that a finding of it only a cent (or 0.01 个百分点)
// beyond rounding is a 尾差 (materiality.hpp); false for words, units, counts, omissions and text.
bool rule_compares_amounts(const std::string& rule_id);
// The rule with this id; throws std::out_of_range for an unknown id (a programming error).
const RuleInfo& rule_info(const std::string& id);

}  // namespace gongkai
