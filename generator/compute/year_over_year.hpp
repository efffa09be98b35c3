#pragma once
// Year-over-year changes of a department: against the previous year's filing when there is one,
// otherwise against the prior-year figures its narrative states (labelled as such).
#include <optional>
#include <string>
#include <vector>

#include "compute/department_summary.hpp"

namespace gongkai {

enum class YoySource { PriorFiling, NarrativeStatement };

struct YoyLine {
    std::string label;           // zh-CN, e.g. "收支总计"
    MaybeMoney current;
    MaybeMoney prior;            // from the prior filing, or derived from the stated change
    MaybeMoney change;           // current - prior
    std::optional<std::int64_t> pct_micro;  // change / prior in millionths of a percent
    std::string stated;          // the narrative's own words for the change, when that is the source
    std::string sentence;        // the sentence it came from
};

struct YearOverYear {
    YoySource source = YoySource::PriorFiling;
    int prior_year = 0;
    std::vector<YoyLine> lines;
};

// Compares `current` with `prior` (the same department's filing of the previous year).
YearOverYear compare_with_prior_filing(const DepartmentSummary& current, const DepartmentSummary& prior, int prior_year);

// Derives prior-year figures from the narrative's stated changes (total.yoy_change, gb.yoy_change, ...).
// Returns nullopt when the narrative states none.
std::optional<YearOverYear> from_narrative(const Filing& f, const DepartmentSummary& current);

}  // namespace gongkai
