#include "model/filing.hpp"

#include <array>
#include <utility>

namespace gongkai {

namespace {
constexpr std::array<std::pair<TableKind, std::string_view>, 9> kKindIds{{
    {TableKind::IncomeExpenditureSummary, "income_expenditure_summary"},
    {TableKind::Income, "income"},
    {TableKind::Expenditure, "expenditure"},
    {TableKind::FiscalSummary, "fiscal_summary"},
    {TableKind::GeneralBudgetExpenditure, "general_budget_expenditure"},
    {TableKind::BasicExpenditure, "basic_expenditure"},
    {TableKind::GovernmentFund, "government_fund"},
    {TableKind::StateCapital, "state_capital"},
    {TableKind::ThreePublic, "three_public"},
}};
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
    }
    return "决算表";
}

const std::vector<TableKind>& all_table_kinds() {
    static const std::vector<TableKind> kinds = [] {
        std::vector<TableKind> v;
        for (const auto& entry : kKindIds) v.push_back(entry.first);
        return v;
    }();
    return kinds;
}

int Block::column_index(std::string_view column_id) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].id == column_id) return static_cast<int>(i);
    return -1;
}

const Row* Block::row_by_key(std::string_view key) const {
    for (const auto& r : rows)
        if (r.key == key) return &r;
    return nullptr;
}

const Row* Block::row_by_code(std::string_view code) const {
    for (const auto& r : rows)
        if (r.code == code) return &r;
    return nullptr;
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
