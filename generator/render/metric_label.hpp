#pragma once
// Plain zh-CN names for the narrative's metric ids (docs/filing-format.md, "Narrative figures").
#include <string>

namespace gongkai {

// A readable zh-CN label for a narrative metric id, worded as a citizen would say it:
// "income.fiscal.amount" -> "财政拨款收入", "three_public.reception.budget" -> "公务接待费预算",
// "gb.item.completion" -> "项目完成年初预算比例", "gov_fund.total" -> "政府性基金预算财政拨款支出".
// Ids outside the documented vocabulary keep their unknown parts in parentheses ("（new_item_kind）")
// rather than being given an invented name.
std::string metric_label(const std::string& metric);

}  // namespace gongkai
