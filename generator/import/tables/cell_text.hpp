#pragma once
// Small helpers on the text of table cells, shared by the table mappers: amounts as printed, function and
// economic codes printed in one or several cells, and header labels compared without their spacing.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::import {

// The text without leading and trailing whitespace (ASCII, U+3000 ideographic space, U+00A0).
std::string trim_text(std::string_view text);

// The text with every whitespace character removed (ASCII, U+3000, U+00A0): header labels and names are
// compared and stored this way ("项 目" → "项目", "附属单位 上缴收入" → "附属单位上缴收入").
std::string normalise_label(std::string_view text);

// True when the (trimmed) text is an amount as printed: an optional minus, digits with optional thousands
// separators ("2,940.05") and optional decimals ("0.00", "1172.624", "8"). Blank text is not an amount.
bool is_amount(std::string_view text);

// The non-empty texts joined by one space ("合计", "", "预算数" -> "合计 预算数").
std::string join_texts(const std::vector<std::string>& texts);

// True when the (trimmed, space-free) text is made of ASCII digits only and is not empty.
bool is_digits(std::string_view text);

// The code of a row printed in one cell ("2010301", "201 06 01") or in several (Shanghai's 类/款/项 cells
// "201", "06", "01"; trailing blank cells allowed): the digits joined without spaces. nullopt when a
// non-blank cell holds anything but digits, when no cell holds digits, or when the joined code is not
// 3, 5 or 7 digits long (the lengths of 类, 款 and 项 codes). A 款 or 项 cell holding one digit is read
// as two ("301", "2" → "30102": a dropped leading zero).
std::optional<std::string> normalise_code(const std::vector<std::string>& cells);

}  // namespace gongkai::import
