#pragma once
// Every figure stated in the 情况说明, mapped to the format's metric ids (docs/filing-format.md).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

// Reads the figures of every section, in printed order.
NarrativeResult read_figures(const std::vector<NarrativeSection>& sections);

}  // namespace gongkai::import
