#pragma once
// Shared pieces of the page view models: formatting of amounts and labels in zh-CN.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "compute/department_summary.hpp"

namespace gongkai {

using nlohmann::json;

// "1577.61" for a value, "—" for an unpublished one (2 decimals, 万元).
std::string money_text(const MaybeMoney& m);
// A JSON number for charts (display only; exact values are in the tables), null when unpublished.
json money_number(const MaybeMoney& m);
// "83.10%" style share of part in whole, "—" when not computable.
std::string share_text(const MaybeMoney& part, const MaybeMoney& whole);
// "+5.53%" / "-5.53%" from millionths of a percent.
std::string pct_text(const std::optional<std::int64_t>& pct_micro);
// A signed change "+92.38" / "-92.38".
std::string change_text(const MaybeMoney& m);

// A readable zh-CN label for a narrative metric id ("gb.item.completion" -> "项目完成年初预算比例").
std::string metric_label(const std::string& metric);

// Relative prefix from a page at `depth` folders below the site root to the root ("../../").
std::string root_prefix(int depth);

// The output folder of a department page and of a county-year dashboard, relative to the site root.
std::string department_path(const Filing& f);
std::string county_year_path(const std::string& county_dir, int year);

}  // namespace gongkai
