#include "compute/budget_vs_actual.hpp"

#include <algorithm>
#include <map>

namespace gongkai {

namespace {

// The coded rows of one table column that print an amount: code -> (name, amount). The first row of a code wins.
struct Side {
    std::map<std::string, std::pair<std::string, std::int64_t>> rows;

    bool has_under(const std::string& prefix, std::size_t length) const {
        for (auto it = rows.lower_bound(prefix); it != rows.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
            if (it->first.size() == length) return true;
        return false;
    }
};

Side read_side(const Block& b, std::string_view column) {
    Side s;
    for (const auto& r : b.rows)
        if (!r.code.empty())
            if (auto c = b.cell(r, column)) s.rows.emplace(r.code, std::pair{r.name, c->micro});
    return s;
}

std::int64_t abs64(std::int64_t x) { return x < 0 ? -x : x; }

// Fills difference and rate of `l` from its planned and spent amounts.
void measure(BudgetActualLine& l, BudgetPairing pairing) {
    std::int64_t planned = l.planned.value_or(0), spent = l.spent.value_or(0);
    if (pairing == BudgetPairing::SameYear) {
        l.difference = spent - planned;
        l.rate_pct_micro = l.planned && planned != 0 ? percent_micro(spent, planned) : std::nullopt;
    } else {
        l.difference = planned - spent;
        l.rate_pct_micro = l.spent && spent != 0 ? percent_micro(l.difference, spent) : std::nullopt;
    }
}

void sort_lines(std::vector<BudgetActualLine>& lines) {
    std::sort(lines.begin(), lines.end(), [](const BudgetActualLine& a, const BudgetActualLine& b) {
        if (abs64(a.difference) != abs64(b.difference)) return abs64(a.difference) > abs64(b.difference);
        return a.code < b.code;
    });
}

// The lines of `length`-digit codes under `prefix` printed with an amount by either side, each with the next
// level beneath where both sides print that level.
std::vector<BudgetActualLine> build_lines(const Side& budget, const Side& actual, const std::string& prefix, std::size_t length,
                                          BudgetPairing pairing) {
    std::map<std::string, BudgetActualLine> by_code;
    for (const Side* side : {&actual, &budget})
        for (auto it = side->rows.lower_bound(prefix); it != side->rows.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
            if (it->first.size() != length) continue;
            BudgetActualLine& l = by_code[it->first];
            l.code = it->first;
            if (l.name.empty()) l.name = it->second.first;
            l.level = static_cast<int>((length - 3) / 2);
            (side == &actual ? l.spent : l.planned) = it->second.second;
        }
    std::vector<BudgetActualLine> out;
    for (auto& [code, l] : by_code) {
        measure(l, pairing);
        if (length < 7 && budget.has_under(code, length + 2) && actual.has_under(code, length + 2))
            l.children = build_lines(budget, actual, code, length + 2, pairing);
        out.push_back(std::move(l));
    }
    sort_lines(out);
    return out;
}

// A total or part line from one cell of each side.
BudgetActualLine total_line(const std::string& name, const MaybeMoney& planned, const MaybeMoney& spent, BudgetPairing pairing) {
    BudgetActualLine l;
    l.name = name;
    l.planned = planned;
    l.spent = spent;
    measure(l, pairing);
    return l;
}

const Block* main_block(const Filing& f, TableKind kind) {
    const Table* t = f.table(kind);
    return t && !t->absent ? t->block("main") : nullptr;
}

// The function-class comparison of one pair of tables, or nullopt when either prints no coded amount.
std::optional<BudgetActualSection> function_section(const Filing& actual, TableKind actual_kind, const Filing& budget,
                                                    TableKind budget_kind, const char* scope, BudgetPairing pairing) {
    const Block* a = main_block(actual, actual_kind);
    const Block* b = main_block(budget, budget_kind);
    if (!a || !b) return std::nullopt;
    Side sa = read_side(*a, "total"), sb = read_side(*b, "total");
    if (sa.rows.empty() || sb.rows.empty()) return std::nullopt;
    BudgetActualSection s;
    s.scope = scope;
    s.budget_table = budget.table(budget_kind)->title;
    s.actual_table = actual.table(actual_kind)->title;
    s.lines = build_lines(sb, sa, "", 3, pairing);
    s.total = total_line("合计", cell_value(budget.table(budget_kind), "main", "total", "total"),
                         cell_value(actual.table(actual_kind), "main", "total", "total"), pairing);
    return s;
}

std::optional<BudgetActualSection> economic_section(const Filing& actual, const Filing& budget, BudgetPairing pairing) {
    const Block* a = main_block(actual, TableKind::BasicExpenditure);
    const Block* b = main_block(budget, TableKind::BudgetBasicEconomic);
    if (!a || !b) return std::nullopt;
    Side sa = read_side(*a, "amount"), sb = read_side(*b, "total");
    if (sa.rows.empty() || sb.rows.empty()) return std::nullopt;
    const Table* bt = budget.table(TableKind::BudgetBasicEconomic);
    const Table* at = actual.table(TableKind::BasicExpenditure);
    BudgetActualSection s;
    s.scope = "一般公共预算财政拨款基本支出";
    s.budget_table = bt->title;
    s.actual_table = at->title;
    s.lines = build_lines(sb, sa, "", 3, pairing);
    // Table 06 prints no 合计: the same scope's total is table 05's 基本支出 合计.
    s.total = total_line("合计", cell_value(bt, "main", "total", "total"),
                         cell_value(actual.table(TableKind::GeneralBudgetExpenditure), "main", "total", "basic"), pairing);
    for (auto [name, column, key] : {std::tuple{"人员经费", "personnel", "personnel_total"}, std::tuple{"公用经费", "public", "public_total"}}) {
        BudgetActualLine l = total_line(name, cell_value(bt, "main", "total", column), cell_value(at, "main", key, "amount"), pairing);
        if (l.planned || l.spent) s.parts.push_back(std::move(l));
    }
    return s;
}

}  // namespace

std::optional<BudgetMatch> match_budget(const Filing& actual, const std::function<const Filing*(int year)>& budget_of_year) {
    if (const Filing* b = budget_of_year(actual.year)) return BudgetMatch{b, BudgetPairing::SameYear};
    if (const Filing* b = budget_of_year(actual.year + 1)) return BudgetMatch{b, BudgetPairing::NextYearBudget};
    return std::nullopt;
}

std::optional<BudgetVsActual> compare_budget_actual(const Filing& actual, const Filing& budget) {
    if (actual.kind != "决算" || budget.kind != "预算") return std::nullopt;
    if (actual.county_dir != budget.county_dir || actual.slug != budget.slug) return std::nullopt;
    BudgetVsActual v;
    if (budget.year == actual.year) v.pairing = BudgetPairing::SameYear;
    else if (budget.year == actual.year + 1) v.pairing = BudgetPairing::NextYearBudget;
    else return std::nullopt;
    v.budget_year = budget.year;
    v.actual_year = actual.year;
    v.functions = function_section(actual, TableKind::Expenditure, budget, TableKind::BudgetExpenditure, "部门支出（全部资金）", v.pairing);
    if (!v.functions)
        v.functions = function_section(actual, TableKind::GeneralBudgetExpenditure, budget, TableKind::BudgetGeneralFunction,
                                       "一般公共预算财政拨款支出", v.pairing);
    v.economic = economic_section(actual, budget, v.pairing);
    if (!v.functions && !v.economic) return std::nullopt;
    return v;
}

}  // namespace gongkai
