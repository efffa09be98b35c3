#pragma once
// Shared pieces of the page view models: formatting of amounts and labels in zh-CN.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "compute/department_summary.hpp"

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

// A readable zh-CN label for a narrative metric id ("gb.item.completion" -> "项目完成年初预算比例").
std::string metric_label(const std::string& metric);

// Relative prefix from a page at `depth` folders below the site root to the root ("../../").
std::string root_prefix(int depth);

// The output folder of a department page and of a county-year dashboard, relative to the site root.
std::string department_path(const Filing& f);
std::string county_year_path(const std::string& county_dir, int year);

}  // namespace gongkai
