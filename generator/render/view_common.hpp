#pragma once
// Shared pieces of the page view models: formatting of amounts and labels in zh-CN.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "compute/department_summary.hpp"
#include "compute/year_over_year.hpp"
#include "render/metric_label.hpp"

namespace gongkai {

using nlohmann::json;

// The site's one number format (everything outside the faithful tables): thousands separators,
// 2 decimals, "—" for an unpublished value. "1,577.61" (the unit is given by the column or chart).
std::string money_text(const MaybeMoney& m);

// An amount with its unit for cards and summaries: 万元 below 1 亿元, 亿元 (2 decimals) from 1 亿元 up.
struct AmountDisplay {
    std::string value;  // "1,577.61", "15.75", "—"
    std::string unit;   // "万元", "亿元", "" when unpublished
};
AmountDisplay amount_display(const MaybeMoney& m);
// amount_display as one string whose number and unit never wrap apart: "1,577.61 万元" (U+00A0 between).
std::string amount_text(const MaybeMoney& m);

// Printed table digits with thousands separators added where the publication printed none
// ("1577.61" -> "1,577.61"); the digits themselves are never changed. Non-numeric text is returned as is.
std::string printed_grouped(const std::string& printed);

// Percentages everywhere on the site have one precision: 1 decimal ("83.1%").
constexpr int kPercentDecimals = 1;
// A JSON number for charts (display only; exact values are in the tables), null when unpublished.
json money_number(const MaybeMoney& m);
// "83.1%" style share of part in whole, "—" when not computable.
std::string share_text(const MaybeMoney& part, const MaybeMoney& whole);
// "+5.5%" / "-5.5%" from millionths of a percent.
std::string pct_text(const std::optional<std::int64_t>& pct_micro);
// A signed change "+92.38" / "-1,092.38" (grouped).
std::string change_text(const MaybeMoney& m);

// The site's one ▲/▼ form of a percentage change (millionths of a percent), with the one precision:
// "▲12.1%", "▼1.9%", "0.0%" (no arrow when there is no change).
std::string arrow_pct(std::int64_t pct_micro);

// The one 较上年 figure of a department-year, the same wherever it is shown (summary sentence, county and
// type dashboards, history page): the 本年支出合计 change (headline_change) when there is one, else the
// change of 收支总计, named as such so that it is never taken for 本年支出合计's.
struct ShownChange {
    const YoyLine* line = nullptr;  // a line of the `yoy` passed in (valid while it lives); nullptr: no change to show
    bool headline = false;          // true: 本年支出合计 (kYoyHeadlineLabel); false: 收支总计
    bool stated = false;            // from the narrative's stated change (据情况说明), not a prior filing
    std::string measure;            // the line's label: "本年支出合计" or "收支总计"
};
ShownChange shown_change(const std::optional<YearOverYear>& yoy);

// The short form of a line's change: arrow_pct of its percentage; when there is no percentage the amount
// ("▲307.82 万元", the prior year being 0) or "持平"; "" when the line carries no change.
std::string arrow_change(const YoyLine& line);

// The 较上年 cell of a table row for shown_change(yoy): {text: arrow_change or "—", sort: millionths of a
// percent or "", direction: "up"/"down"/"flat"/"", measure, note}. The note says where the figure comes from
// ("据情况说明" / "对比上年决算") and, for the 收支总计 fallback, which measure it is ("收支总计，据情况说明").
json yoy_cell(const std::optional<YearOverYear>& yoy);
// A cell of a sortable table: {"text": "1,577.61" or "—", "sort": the amount in 0.0001 万元 or "" when unpublished}.
json sortable_money(const MaybeMoney& m);
// A share cell of a sortable table: {"text": "12.34%" or "—", "sort": millionths of a percent or ""}.
json sortable_share(const MaybeMoney& part, const MaybeMoney& whole);

// Relative prefix from a page at `depth` folders below the site root to the root ("../../").
std::string root_prefix(int depth);

// The output folder of a department page and of a county-year dashboard, relative to the site root.
std::string department_path(const Filing& f);
std::string county_year_path(const std::string& county_dir, int year);

}  // namespace gongkai
