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
// The rule with this id; throws std::out_of_range for an unknown id (a programming error).
const RuleInfo& rule_info(const std::string& id);

}  // namespace gongkai
