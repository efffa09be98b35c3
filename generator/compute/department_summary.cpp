#include "compute/department_summary.hpp"

namespace gongkai {

MaybeMoney cell_value(const Table* t, std::string_view block, std::string_view row, std::string_view column) {
    if (!t) return std::nullopt;
    const Block* b = t->block(block);
    if (!b) return std::nullopt;
    const Row* r = b->row_by_key(row);
    if (!r) r = b->row_by_code(row);
    if (!r) return std::nullopt;
    auto c = b->cell(*r, column);
    if (!c) return std::nullopt;
    return c->micro;
}

const Block* spending_block(const Filing& f) {
    for (TableKind k : {TableKind::Expenditure, TableKind::GeneralBudgetExpenditure})
        if (const Table* t = f.table(k); t && !t->is_empty() && t->block("main")) return t->block("main");
    return nullptr;
}

bool is_key_economic_code(const std::string& code) {
    return code == "301" || code == "302" || code == "303" || code == "30217" || code == "30231";
}

static std::vector<ClassAmount> rows_with_code_length(const Table* t, std::size_t len, std::string_view column) {
    std::vector<ClassAmount> out;
    if (!t) return out;
    const Block* b = t->block("main");
    if (!b) return out;
    for (const auto& r : b->rows) {
        if (r.code.size() != len) continue;
        auto c = b->cell(r, column);
        if (c) out.push_back({r.code, r.name, c->micro});
    }
    return out;
}

static MaybeMoney first_of(MaybeMoney a, MaybeMoney b) { return a ? a : b; }

DepartmentSummary summarize(const Filing& f) {
    DepartmentSummary s;
    const Table* t01 = f.table(TableKind::IncomeExpenditureSummary);
    const Table* t03 = f.table(TableKind::Expenditure);
    const Table* t04 = f.table(TableKind::FiscalSummary);
    const Table* t05 = f.table(TableKind::GeneralBudgetExpenditure);
    const Table* t06 = f.table(TableKind::BasicExpenditure);
    const Table* t09 = f.table(TableKind::ThreePublic);

    s.grand_total = cell_value(t01, "income", "grand_total", "amount");
    s.total_income = cell_value(t01, "income", "total_income", "amount");
    s.total_expenditure = first_of(cell_value(t01, "expenditure", "total_expenditure", "amount"),
                                   cell_value(t03, "main", "total", "total"));
    s.fiscal_total = cell_value(t04, "expenditure", "total_expenditure", "total");
    s.basic = first_of(cell_value(t03, "main", "total", "basic"), cell_value(t05, "main", "total", "basic"));
    s.project = first_of(cell_value(t03, "main", "total", "project"), cell_value(t05, "main", "total", "project"));
    s.personnel = cell_value(t06, "main", "personnel_total", "amount");
    s.public_funds = cell_value(t06, "main", "public_total", "amount");
    s.three_public_budget = cell_value(t09, "main", "total", "budget");
    s.three_public_actual = cell_value(t09, "main", "total", "actual");
    if (t09) {
        if (const Block* b = t09->block("main")) {
            for (const auto& r : b->rows) {
                ThreePublicLine line{r.key, r.name, std::nullopt, std::nullopt};
                if (auto c = b->cell(r, "budget")) line.budget = c->micro;
                if (auto c = b->cell(r, "actual")) line.actual = c->micro;
                if (r.key == "vehicle_operation") s.vehicle_operation = line.actual;
                s.three_public.push_back(line);
            }
        }
    }
    s.function_classes = rows_with_code_length(t03, 3, "total");
    if (s.function_classes.empty()) s.function_classes = rows_with_code_length(t05, 3, "total");
    s.economic_classes = rows_with_code_length(t06, 3, "amount");
    if (const Block* b = spending_block(f))
        for (const auto& r : b->rows)
            if (r.code.size() == 3 || r.code.size() == 5)
                if (auto c = b->cell(r, "total")) s.spending_classes.push_back({r.code, r.name, c->micro});
    if (const Block* b = t06 ? t06->block("main") : nullptr)
        for (const auto& r : b->rows)
            if (is_key_economic_code(r.code))
                if (auto c = b->cell(r, "amount")) s.key_economic.push_back({r.code, r.name, c->micro});
    if (const Figure* oc = f.figure("operating_cost.amount"); oc && oc->unit == "万元") s.operating_cost = oc->value.micro;
    s.staff_actual = f.overview.staff_actual;
    s.vehicles_actual = f.overview.vehicles_actual;
    // Where the 概况 gives no vehicle count, the 国有资产 section's count (车辆总数) is the same fact.
    if (!s.vehicles_actual)
        if (const Figure* v = f.figure("assets.vehicles.total"); v && v->value.decimals == 0)
            s.vehicles_actual = static_cast<int>(v->value.micro / kMicro);
    return s;
}

}  // namespace gongkai
