#pragma once
// The typed filing: one department's 部门决算 (or 部门预算, kind "预算") for one year, as published. Built by validate/ from the
// JSON document; everything downstream (compute, render) reads only these types.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/money.hpp"

namespace gongkai {

enum class TableKind {
    IncomeExpenditureSummary,   // 收入支出决算总表 (01)
    Income,                     // 收入决算表 (02)
    Expenditure,                // 支出决算表 (03)
    FiscalSummary,              // 财政拨款收入支出决算总表 (04)
    GeneralBudgetExpenditure,   // 一般公共预算财政拨款支出决算表 (05)
    BasicExpenditure,           // 一般公共预算财政拨款基本支出决算(明细)表 (06)
    GovernmentFund,             // 政府性基金预算财政拨款收入支出决算表 (07)
    StateCapital,               // 国有资本经营预算财政拨款支出决算表 (08)
    ThreePublic,                // 财政拨款“三公”经费支出决算表 (09; 07 in Shanghai)
    // 部门预算 (budget) tables, recognised by title across the Shanghai and Jiangsu templates:
    BudgetSummary,              // 部门财务收支预算总表 / 收支预算总表
    BudgetIncome,               // 部门收入预算总表 / 收入预算总表
    BudgetExpenditure,          // 部门支出预算总表 / 支出预算总表
    BudgetFiscalSummary,        // 部门财政拨款收支预算总表 / 财政拨款收支预算总表
    BudgetFiscalExpenditure,    // 财政拨款支出预算表 (Jiangsu)
    BudgetFiscalBasic,          // 财政拨款基本支出预算表 (Jiangsu)
    BudgetGeneralFunction,      // 一般公共预算支出功能分类预算表 / 一般公共预算支出预算表
    BudgetBasicEconomic,        // 一般公共预算基本支出部门预算经济分类预算表 / 一般公共预算基本支出预算表
    BudgetGovernmentFund,       // 政府性基金预算支出功能分类预算表 / 政府性基金财政拨款支出预算表
    BudgetStateCapital,         // 国有资本经营预算支出功能分类预算表
    BudgetThreePublic,          // “三公”经费和机关运行经费预算表 / “三公”经费、会议费、培训费支出预算表
    BudgetOperatingCost,        // 一般公共预算机关运行经费支出预算表 (Jiangsu)
    BudgetProcurement,          // 政府采购支出预算表 (Jiangsu)
};

// The format's name of a kind ("income_expenditure_summary"), and back; nullopt for unknown names.
std::string_view table_kind_id(TableKind kind);
std::optional<TableKind> table_kind_from_id(std::string_view id);
// The national template's title of a kind ("收入支出决算总表"), to name a table whose printed title is missing or in question.
std::string_view standard_table_title(TableKind kind);
// The nine 决算 (final accounts) kinds in the standard publication order: every 决算 prints all of them.
const std::vector<TableKind>& all_table_kinds();
// The 部门预算 (budget) kinds, Shanghai's nine first, then the further tables of Jiangsu's template; a budget
// prints those of its template, so none is required.
const std::vector<TableKind>& budget_table_kinds();
// True for a kind of budget table.
bool is_budget_table(TableKind kind);
// The kinds a filing of `filing_kind` ("决算" or "预算") may hold.
const std::vector<TableKind>& table_kinds_of(std::string_view filing_kind);

using Cell = std::optional<Decimal>;  // nullopt = blank cell, distinct from a printed 0

struct Column {
    std::string id;
    std::string label;
};

struct Row {
    std::string key;   // role of a non-code row ("total", "grand_total"), else ""
    std::string code;  // function or economic code, digits only, else ""
    std::optional<int> line;
    std::string name;
    std::vector<Cell> cells;  // one per column of the block, in column order
};

struct Block {
    std::string id;  // "main", "income" or "expenditure"
    std::string title;
    std::vector<Column> columns;
    std::vector<Row> rows;

    // Index of a column by id, or -1.
    int column_index(std::string_view column_id) const;
    // The first row with role `key`, or nullptr; once index_rows() has run on the current rows, only the rows
    // with a role are looked at.
    const Row* row_by_key(std::string_view key) const;
    // The first row printing `code`, or nullptr: a binary search once index_rows() has run on the current
    // rows, else a scan.
    const Row* row_by_code(std::string_view code) const;
    // The cell at (row, column id); nullopt when the column is absent or the cell blank.
    Cell cell(const Row& row, std::string_view column_id) const;
    // Builds the indexes row_by_code and row_by_key use (the decoder calls it once the rows are read), so that
    // rules that look up a row for every row stay linear in the rows instead of quadratic. Code that changes a
    // row's code or key afterwards calls it again (a lookup that lands on a row whose code changed falls back
    // to a scan, but a row given a code or key later is not seen until then).
    void index_rows();

private:
    std::vector<std::uint32_t> by_code_;   // indices of the rows with a code, by (code, index)
    std::vector<std::uint32_t> with_key_;  // indices of the rows with a role (key), ascending
    std::size_t indexed_rows_ = 0;         // rows.size() when the indexes were built
};

struct Table {
    TableKind kind{};
    std::string number;
    std::string title;
    std::string unit;
    std::vector<Block> blocks;
    std::vector<std::string> notes;
    std::string empty_explanation;
    bool absent = false;  // gongkai-filing/2: the publication does not print this table (no blocks)
    std::optional<int> page;  // 1-based page of the source document on which the table starts (PDF viewer
                              // numbering); nullopt when unknown (text sources, older filings)
    std::string pointer;  // JSON pointer of the table in its filing, for messages and links

    const Block* block(std::string_view id) const;
    // True when no cell of the table holds a value.
    bool is_empty() const;
};

struct Figure {
    std::string metric;
    std::string code;
    Decimal value;
    std::string unit;
    std::string direction;
    std::string section;
    std::string sentence;
};

struct StaffCount {
    std::string type;
    int count = 0;
};

struct ConsolidatedUnit {
    std::string name;
    std::string note;
};

struct Overview {
    std::vector<std::string> duties;
    std::optional<int> internal_unit_count;
    std::vector<std::string> internal_unit_names;
    std::optional<int> staff_authorized_total;
    std::vector<StaffCount> staff_authorized;
    std::optional<int> staff_actual;
    std::optional<int> vehicles_authorized;
    std::optional<int> vehicles_actual;
    std::vector<ConsolidatedUnit> consolidated_units;
    std::string text;
};

struct NarrativeSection {
    std::string id;
    std::string title;
    std::string text;
};

struct GlossaryEntry {
    std::string term;  // "" where the document prints none
    std::string definition;
};

// A part heading of the document as printed, e.g. {"第二部分", "部门决算表"} (gongkai-filing/2).
struct Part {
    std::string number;
    std::string title;
};

struct Attachment {
    std::string title;
    std::string text;
};

struct Source {
    std::string title;
    std::string publisher;
    std::string url;
    std::string file;
    std::string published;
};

struct CountyRef {
    std::string name;
    std::string code;
    std::string province;
};

struct Filing {
    std::string path;          // the input file
    std::string county_dir;    // e.g. "430321-xiangtan"
    CountyRef county;
    std::string department_name;
    std::string slug;
    int year = 0;
    std::string kind;          // 决算 / 预算
    std::string unit;
    bool synthetic = false;
    Source source;
    Overview overview;
    std::vector<Table> tables;
    std::vector<NarrativeSection> sections;
    std::vector<Figure> figures;
    std::vector<GlossaryEntry> glossary;
    std::vector<Attachment> attachments;
    std::vector<Part> parts;

    const Table* table(TableKind kind) const;
    // The first figure with this metric (and code, when given), or nullptr.
    const Figure* figure(std::string_view metric, std::string_view code = {}) const;
};

// A county (or district) with its folder name, e.g. dir "310107-putuo".
struct County {
    std::string path;  // the county.json file
    std::string dir;
    std::string name;
    std::string code;
    std::string province;
};

}  // namespace gongkai
