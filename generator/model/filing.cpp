#include "model/filing.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace gongkai {

namespace {
constexpr std::array<std::pair<TableKind, std::string_view>, 22> kKindIds{{
    {TableKind::IncomeExpenditureSummary, "income_expenditure_summary"},
    {TableKind::Income, "income"},
    {TableKind::Expenditure, "expenditure"},
    {TableKind::FiscalSummary, "fiscal_summary"},
    {TableKind::GeneralBudgetExpenditure, "general_budget_expenditure"},
    {TableKind::BasicExpenditure, "basic_expenditure"},
    {TableKind::GovernmentFund, "government_fund"},
    {TableKind::StateCapital, "state_capital"},
    {TableKind::ThreePublic, "three_public"},
    {TableKind::BudgetSummary, "budget_summary"},
    {TableKind::BudgetIncome, "budget_income"},
    {TableKind::BudgetExpenditure, "budget_expenditure"},
    {TableKind::BudgetFiscalSummary, "budget_fiscal_summary"},
    {TableKind::BudgetFiscalExpenditure, "budget_fiscal_expenditure"},
    {TableKind::BudgetFiscalBasic, "budget_fiscal_basic"},
    {TableKind::BudgetGeneralFunction, "budget_general_function"},
    {TableKind::BudgetBasicEconomic, "budget_basic_economic"},
    {TableKind::BudgetGovernmentFund, "budget_government_fund"},
    {TableKind::BudgetStateCapital, "budget_state_capital"},
    {TableKind::BudgetThreePublic, "budget_three_public"},
    {TableKind::BudgetOperatingCost, "budget_operating_cost"},
    {TableKind::BudgetProcurement, "budget_procurement"},
}};
constexpr std::size_t kFinalAccountKinds = 9;  // the first entries of kKindIds
}  // namespace

std::string_view table_kind_id(TableKind kind) {
    for (const auto& [k, id] : kKindIds)
        if (k == kind) return id;
    return "unknown";
}

std::optional<TableKind> table_kind_from_id(std::string_view id) {
    for (const auto& [k, name] : kKindIds)
        if (name == id) return k;
    return std::nullopt;
}

std::string_view standard_table_title(TableKind kind) {
    switch (kind) {
        case TableKind::IncomeExpenditureSummary: return "收入支出决算总表";
        case TableKind::Income: return "收入决算表";
        case TableKind::Expenditure: return "支出决算表";
        case TableKind::FiscalSummary: return "财政拨款收入支出决算总表";
        case TableKind::GeneralBudgetExpenditure: return "一般公共预算财政拨款支出决算表";
        case TableKind::BasicExpenditure: return "一般公共预算财政拨款基本支出决算表";
        case TableKind::GovernmentFund: return "政府性基金预算财政拨款收入支出决算表";
        case TableKind::StateCapital: return "国有资本经营预算财政拨款支出决算表";
        case TableKind::ThreePublic: return "财政拨款“三公”经费支出决算表";
        case TableKind::BudgetSummary: return "部门财务收支预算总表";
        case TableKind::BudgetIncome: return "部门收入预算总表";
        case TableKind::BudgetExpenditure: return "部门支出预算总表";
        case TableKind::BudgetFiscalSummary: return "部门财政拨款收支预算总表";
        case TableKind::BudgetFiscalExpenditure: return "财政拨款支出预算表";
        case TableKind::BudgetFiscalBasic: return "财政拨款基本支出预算表";
        case TableKind::BudgetGeneralFunction: return "一般公共预算支出功能分类预算表";
        case TableKind::BudgetBasicEconomic: return "一般公共预算基本支出部门预算经济分类预算表";
        case TableKind::BudgetGovernmentFund: return "政府性基金预算支出功能分类预算表";
        case TableKind::BudgetStateCapital: return "国有资本经营预算支出功能分类预算表";
        case TableKind::BudgetThreePublic: return "“三公”经费和机关运行经费预算表";
        case TableKind::BudgetOperatingCost: return "一般公共预算机关运行经费支出预算表";
        case TableKind::BudgetProcurement: return "政府采购支出预算表";
    }
    return "决算表";
}

const std::vector<TableKind>& all_table_kinds() {
    static const std::vector<TableKind> kinds = [] {
        std::vector<TableKind> v;
        for (std::size_t i = 0; i < kFinalAccountKinds; ++i) v.push_back(kKindIds[i].first);
        return v;
    }();
    return kinds;
}

const std::vector<TableKind>& budget_table_kinds() {
    static const std::vector<TableKind> kinds = [] {
        std::vector<TableKind> v;
        for (std::size_t i = kFinalAccountKinds; i < kKindIds.size(); ++i) v.push_back(kKindIds[i].first);
        return v;
    }();
    return kinds;
}

bool is_budget_table(TableKind kind) {
    for (TableKind k : budget_table_kinds())
        if (k == kind) return true;
    return false;
}

const std::vector<TableKind>& table_kinds_of(std::string_view filing_kind) {
    return filing_kind == "预算" ? budget_table_kinds() : all_table_kinds();
}

int Block::column_index(std::string_view column_id) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].id == column_id) return static_cast<int>(i);
    return -1;
}

const Row* Block::row_by_key(std::string_view key) const {
    if (indexed_rows_ == rows.size() && !key.empty()) {
        for (std::uint32_t i : with_key_)  // the few rows with a role, in printed order
            if (rows[i].key == key) return &rows[i];
        return nullptr;
    }
    for (const auto& r : rows)
        if (r.key == key) return &r;
    return nullptr;
}

const Row* Block::row_by_code(std::string_view code) const {
    if (indexed_rows_ != rows.size() || code.empty()) {
        for (const auto& r : rows)
            if (r.code == code) return &r;
        return nullptr;
    }
    auto it = std::lower_bound(by_code_.begin(), by_code_.end(), code,
                               [&](std::uint32_t i, std::string_view c) { return std::string_view(rows[i].code) < c; });
    if (it == by_code_.end()) return nullptr;
    if (rows[*it].code == code) return &rows[*it];
    if (std::string_view(rows[*it].code) > code) return nullptr;  // as the index's order says: not printed
    for (const auto& r : rows)  // out of order: an indexed row's code changed since, so the index is stale
        if (r.code == code) return &r;
    return nullptr;
}

void Block::index_rows() {
    by_code_.clear();
    with_key_.clear();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i].code.empty()) by_code_.push_back(static_cast<std::uint32_t>(i));
        if (!rows[i].key.empty()) with_key_.push_back(static_cast<std::uint32_t>(i));
    }
    std::stable_sort(by_code_.begin(), by_code_.end(), [&](std::uint32_t a, std::uint32_t b) { return rows[a].code < rows[b].code; });
    indexed_rows_ = rows.size();
}

Cell Block::cell(const Row& row, std::string_view column_id) const {
    int i = column_index(column_id);
    if (i < 0 || static_cast<std::size_t>(i) >= row.cells.size()) return std::nullopt;
    return row.cells[static_cast<std::size_t>(i)];
}

const Block* Table::block(std::string_view id) const {
    for (const auto& b : blocks)
        if (b.id == id) return &b;
    return nullptr;
}

bool Table::is_empty() const {
    for (const auto& b : blocks)
        for (const auto& r : b.rows)
            for (const auto& c : r.cells)
                if (c) return false;
    return true;
}

const Table* Filing::table(TableKind k) const {
    for (const auto& t : tables)
        if (t.kind == k) return &t;
    return nullptr;
}

const Figure* Filing::figure(std::string_view metric, std::string_view code) const {
    for (const auto& f : figures)
        if (f.metric == metric && (code.empty() || f.code == code)) return &f;
    return nullptr;
}

}  // namespace gongkai
