#pragma once
// The titles of the nine 部门决算 tables (and of the 部门预算 tables) as the templates print them, and the small printed lines around a
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
//
// Budget tables (部门预算) are recognised the same way, with the year their titles open with left out
// ("2025年部门财务收支预算总表" → budget_summary): Shanghai's nine 部门…预算(总)表 and Jiangsu's twelve
// (收支预算总表 … 政府采购支出预算表), see docs/filing-format.md "Budget tables".
std::string table_kind_of_title(std::string_view text);

// The budget table kind a line of a table of contents announces ("1. 2025年部门财务收支预算总表 ……3",
// "十二、政府采购支出预算表"): an ordinal, a budget table's title, optional leader dots and page. "" otherwise.
std::string announced_table_kind(std::string_view text);

// The title of such a line as listed: without its ordinal, leader dots and page ("2025年部门财务收支预算总表").
std::string announced_table_title(std::string_view text);

// The ordinal of such a line as printed ("一、", "1."), "" when none.
std::string announced_table_ordinal(std::string_view text);

// The budget table kinds in the order of the format's documentation (Shanghai's nine, then Jiangsu's).
const std::vector<std::string>& budget_table_kind_ids();

// True for a budget table kind ("budget_…").
bool is_budget_kind(std::string_view kind);

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

// True for the heading of a part printed without 第N部分 after the tables (a budget's "其他相关情况说明",
// "项目经费情况说明"; "名词解释"): a short line ending so, without sentence punctuation.
bool is_unnumbered_part_heading(std::string_view text);

// True for a section heading that opens with a Chinese ordinal: "一、…", "十二、…", "（一）…".
bool is_ordinal_heading(std::string_view text);

// True for the mark a continuation page of a table prints above its rows: 续表, 续上表, （续）, alone on
// the line (whitespace ignored).
bool is_continuation_mark(std::string_view text);

// True for the small lines printed between a title and its grid: 部门：…, 单位：…, 编制单位：…, 公开NN表.
bool is_title_furniture(std::string_view text);

}  // namespace gongkai::import
