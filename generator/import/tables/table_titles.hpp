#pragma once
// The titles of the nine 部门决算 tables as the templates print them, and the small printed lines around a
// title (公开NN表, 单位：万元, part headings) that table recognition needs to tell apart.
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::import {

// The format kind of a printed table title, or "" when the text is not exactly a table title. The text is
// compared without whitespace and quotes; a 公开NN表 number printed on the same line is ignored. Accepted:
// 收入支出决算总表, 收入决算表, 支出决算表, 财政拨款收入支出决算总表, 一般公共预算财政拨款支出决算表,
// 一般公共预算财政拨款基本支出决算(明细)表, 政府性基金预算财政拨款收入支出决算表,
// 国有资本经营预算财政拨款(收入)支出决算表, 财政拨款“三公”经费支出决算表 (any quote style or none).
// A title repeated on a continuation page with a mark (…表（续）, …表(续表), 续表 …表) names the same kind.
std::string table_kind_of_title(std::string_view text);

// The title as printed: the line without whitespace and without a 公开NN表 printed on the same line.
std::string printed_title(std::string_view text);

// The nine kinds in the order of the format's documentation.
const std::vector<std::string>& table_kinds();

// A 公开NN表 number found in the text ("公开 01 表" → "公开01表"), or "".
std::string table_number_in(std::string_view text);

// The unit of a printed 单位：万元 / 单位:元 (also 金额单位：…) in the text, or "".
std::string table_unit_in(std::string_view text);

// True for a part heading such as "第三部分 …" (the text starts with 第 + a Chinese numeral + 部分).
bool is_part_heading(std::string_view text);

// True for a section heading that opens with a Chinese ordinal: "一、…", "十二、…", "（一）…".
bool is_ordinal_heading(std::string_view text);

// True for the mark a continuation page of a table prints above its rows: 续表, 续上表, （续）, alone on
// the line (whitespace ignored).
bool is_continuation_mark(std::string_view text);

// True for the small lines printed between a title and its grid: 部门：…, 单位：…, 编制单位：…, 公开NN表.
bool is_title_furniture(std::string_view text);

}  // namespace gongkai::import
