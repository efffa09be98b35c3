#pragma once
// Year-over-year changes of a department: against the previous year's filing when there is one,
// otherwise against the prior-year figures its narrative states (labelled as such).
//
// The site's one definition of "较上年" is the change of 本年支出合计 (the line with metric
// kYoyHeadlineMetric); 收支总计 and the other lines are extra, each labelled with what it measures.
#include <optional>
#include <string>
#include <vector>

#include "compute/department_summary.hpp"

namespace gongkai {

enum class YoySource { PriorFiling, NarrativeStatement };

struct YoyLine {
    std::string label;           // zh-CN, e.g. "本年支出合计", "收支总计"
    MaybeMoney current;
    MaybeMoney prior;            // from the prior filing, or derived from the stated change
    MaybeMoney change;           // current - prior
    std::optional<std::int64_t> pct_micro;  // change / prior in millionths of a percent (or the stated % when only that is stated)
    std::string stated;          // the narrative's own words for the change, when that is the source
    std::string sentence;        // the sentence it came from
    std::string metric;          // what the line measures: "expenditure.total", "total", "fiscal", "gb", ...
};

struct YearOverYear {
    YoySource source = YoySource::PriorFiling;
    int prior_year = 0;
    std::vector<YoyLine> lines;  // the 本年支出合计 line first when there is one
};

// The metric of the headline change (本年支出合计) and its label.
inline constexpr const char* kYoyHeadlineMetric = "expenditure.total";
inline constexpr const char* kYoyHeadlineLabel = "本年支出合计";

// The 本年支出合计 line of `y` when it has a change (an amount or a percentage), else nullptr.
// This is the one 较上年 figure of the site: dashboards, history and department pages all use it.
const YoyLine* headline_change(const YearOverYear& y);
const YoyLine* headline_change(const std::optional<YearOverYear>& y);

// Compares `current` with `prior` (the same department's filing of the previous year): always gives a
// 本年支出合计 line first (without a change when either year does not publish it), then 收支总计 and the parts.
YearOverYear compare_with_prior_filing(const DepartmentSummary& current, const DepartmentSummary& prior, int prior_year);

// Derives prior-year figures from the narrative's stated changes (expenditure.total.yoy_*, total.yoy_*, gb.yoy_*, ...).
// A 本年支出合计 line exists only where the narrative states that total's change; 收支总计 (total.*) is never
// taken for it. Returns nullopt when the narrative states no change at all.
std::optional<YearOverYear> from_narrative(const Filing& f, const DepartmentSummary& current);

}  // namespace gongkai
