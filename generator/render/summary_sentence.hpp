#pragma once
// The one-sentence, plain-language summary at the top of a department page (also its meta description).
#include <optional>
#include <string>

#include "audit/finding.hpp"
#include "compute/department_summary.hpp"
#include "compute/year_over_year.hpp"

namespace gongkai {

// The change of a year-over-year line in words, e.g. "减少 92.38 万元（▼5.5%）", "增加 307.82 万元（上年为 0）",
// "▲3.6%" (percentage only) or "持平"; "" when the line carries no change. A non-empty `note` goes into the
// parentheses ("减少 92.38 万元（▼5.5%，据情况说明）").
std::string change_words(const YoyLine& line, const std::string& note = {});

// A pure function of the filing's figures: 本年支出合计 and its change on last year (the site's one 较上年,
// shown_change in view_common: the 本年支出合计 line when there is one, else 收支总计 named as such;
// "据情况说明" when the comparison comes from the narrative), the biggest function class (类) and its share
// of 本年支出合计, “三公”经费 决算 against 预算 (a total the “三公” table leaves unpublished is taken from the
// 情况说明 where it states one, and said so: "决算数取自情况说明（表中未列示）"), and the audit status.
// Amounts use the site's format (amount_text: 万元, or 亿元 from 1 亿元 up).
std::string summary_sentence(const Filing& f, const DepartmentSummary& s, const std::optional<YearOverYear>& yoy,
                             const AuditReport& audit);

}  // namespace gongkai
