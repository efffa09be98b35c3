#pragma once
// The text rules (audit_text in rules_text.cpp runs them all on the filing's printed strings, text_scan.hpp).
#include <vector>

#include "audit/auditor.hpp"
#include "audit/text_scan.hpp"

namespace gongkai {

// text-placeholder and text-template: unfilled template placeholders; template choices, instructions and
// marks left in print (rules_text.cpp).
void audit_text_placeholders(Auditor& a, const std::vector<TextPlace>& places);
// text-punctuation: doubled or mixed punctuation, brackets and quotes left open or closed twice
// (rules_text_punctuation.cpp).
void audit_text_punctuation(Auditor& a, const std::vector<TextPlace>& places);
// text-year-heading, text-year-date, text-year-comparison: years that disagree with the filing's year
// (rules_text_years.cpp).
void audit_text_years(Auditor& a, const std::vector<TextPlace>& places);
// text-unit: amounts printed with 元 in the attachments that are a table's 万元 figure (rules_text_units.cpp).
void audit_text_units(Auditor& a, const std::vector<TextPlace>& places);

}  // namespace gongkai
