#pragma once
// Every figure stated in the 情况说明, mapped to the format's metric ids (docs/filing-format.md).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/narrative/function_codes.hpp"
#include "import/structure/document_structure.hpp"

namespace gongkai::import {

struct UnmappedSentence {
    std::string section;   // the figure's section id, e.g. "五（三）"
    std::string sentence;  // the sentence as printed
    std::string number;    // the number in it that was not mapped
};

struct NarrativeResult {
    nlohmann::json figures = nlohmann::json::array();  // the filing's "narrative.figures"
    std::vector<UnmappedSentence> unmapped;            // numbers in sentences that map to no metric
};

// Reads the figures of every section, in printed order. Function classes named in the sentences get their
// national 3-digit code; items (类/款/项) get a code only from the overload below.
NarrativeResult read_figures(const std::vector<NarrativeSection>& sections);

// The same, with the document's own function codes (from its tables, see function_codes_from_tables), so that
// item headings such as "一般公共服务支出（类）财政事务（款）行政运行（项）" get their 7-digit code. `budget`:
// the sections of a 部门预算 (docs/filing-format.md, "Figures of a budget").
NarrativeResult read_figures(const std::vector<NarrativeSection>& sections, const FunctionCodes& codes, bool budget = false);

}  // namespace gongkai::import
