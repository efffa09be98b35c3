#pragma once
// CSV downloads: every table of every filing, the dashboards' tables, and a flat table of all function-
// class lines with its Fiscal Data Package descriptor. UTF-8 with a byte-order mark so that Excel opens it.
#include <string>
#include <vector>

#include "compute/county_aggregate.hpp"
#include "model/filing.hpp"

namespace gongkai {

// One CSV line from fields (RFC 4180 quoting), ending in CRLF. Here and in every CSV below, a text field that a
// spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return and is not a printed
// number) is neutralised with a leading apostrophe (CSV injection); printed numbers such as "-3.00" stay numbers.
std::string csv_line(const std::vector<std::string>& fields);

// File name of a table block's CSV within the department folder, e.g. "tables/expenditure.csv".
std::string table_csv_name(const Table& t, const Block& b);
// The CSV of one block of a table: code, name, 行次 and the printed columns; blanks stay empty.
std::string table_csv(const Table& t, const Block& b);
// The county dashboard's department table as CSV.
std::string departments_csv(const CountyYear& cy);
// Every function-code line of every filing's expenditure table (03, else 05) and of every budget's
// (部门支出预算总表, else 一般公共预算支出功能分类预算表), one row per line, with its `kind` (决算 or 预算).
std::string line_items_csv(const std::vector<Filing>& filings, const std::vector<Filing>& budgets = {});
// The parts of line-items.csv: its header line (with the byte-order mark), and one filing's or budget's lines,
// so that the file can be written from lines taken while the documents were loaded (site/filing_digest.hpp).
std::string line_items_header();
std::string line_item_lines(const Filing& f);
// The Fiscal Data Package descriptor (datapackage.json) for line-items.csv (预算 and 决算 rows told apart by `kind`).
std::string datapackage_json();

inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace gongkai
