#pragma once
// Function codes (支出功能分类科目) for the narrative: the national classes (类) built in, the document's
// own 类/款/项 from its tables, and the resolution of an item heading such as
// "一般公共服务支出（类）财政事务（款）行政运行（项）" or "卫生健康支出，行政事业单位医疗，行政单位医疗" to its code.
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace gongkai::import {

// One function code as a document's tables print it.
struct FunctionCode {
    std::string code;   // "201", "20103" or "2010301"
    std::string name;   // as printed in the table, e.g. "行政运行"
    std::string total;  // the 一般公共预算财政拨款支出 table's 合计 for it, as printed; "" when unknown
};
using FunctionCodes = std::vector<FunctionCode>;

// The function codes of a filing's "tables" (the format's JSON): the 一般公共预算财政拨款支出决算表 with its
// totals first, then codes that only the 支出决算表 or 收入决算表 show. Summary-table numbering ("一、") is dropped.
FunctionCodes function_codes_from_tables(const nlohmann::json& tables);

// Common 款 and 项 of the national classification by name (earlier names included), for a budget whose
// publication prints no tables to take its codes from (national_function_codes.cpp).
const FunctionCodes& national_function_codes();

namespace narrative {

// Phrases that name a function class in running text ("一般公共服务支出（类）", "一般公共服务（类）支出",
// "一般公共服务支出", "一般公共服务（类）"), each with its 3-digit code: the national classes plus the
// document's own 3-digit names. Longest phrases first.
std::vector<std::pair<std::string, std::string>> class_phrases(const FunctionCodes& codes);

// The name of the class with this 3-digit code (the document's own name first, else the national one), or "".
std::string class_name(const std::string& code, const FunctionCodes& codes);

// The levels an item heading names (after its list marker), e.g. {"一般公共服务支出", "财政事务", "行政运行"};
// empty when the text is not an item heading (its first level must name a function class).
std::vector<std::string> heading_levels(const std::string& heading, const FunctionCodes& codes);

// The code of the item whose levels are given: by names first (class, then 款 within it, then 项 within
// that; a 项 named under another 款 of the class, or a 款 named as the 项, is accepted when unique); when the
// names do not resolve, the unique code at the heading's depth under the resolved part whose table total equals
// `actual` (the item's stated 支出决算). "" when neither resolves.
std::string resolve_item_code(const std::vector<std::string>& levels, const FunctionCodes& codes,
                              const std::string& actual);

}  // namespace narrative
}  // namespace gongkai::import
