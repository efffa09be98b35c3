// x-budget-final: the 年初预算 a 决算 states and prints against the same department's 部门预算 of the same year.
//
// A 决算 restates the year's budget: its narrative gives the 一般公共预算财政拨款支出 年初预算 (gb.budget), the
// 年初预算 of each item (gb.item.budget, by function code) and of each 三公 item (three_public.<item>.budget), and its
// 三公 table prints a 预算数 column. The 部门预算 published at the start of that year prints the same amounts in its
// 一般公共预算支出功能分类预算表 (合计 and each line) and its “三公”经费预算表.
//
// Severity: a mismatch is a Warning. The 决算's 年初预算 may legitimately differ from the published budget — funds
// allocated after publication, units merged or split, a 三公 预算数 that is the adjusted full-year budget — and the rule
// cannot tell that from a slip. (普陀区财政局: its 2025 budget says it rose 107.62万元 on 2024's budget, putting
// 2024's at 3013.80万元, while the 2024 决算 gives a 年初预算 of 2993.92万元.)
//
// The budget's side of every check is a cell of the budget filing: its label says so ("2024年度部门预算 …"), its
// pointer names that file ("<county>/<year>/<slug>.budget.json#/tables/…"), its table id is prefixed "budget/" so it
// is never taken for a cell of the 决算's own tables, and it links to the department page's 预算与决算 section.
#include "audit/rules.hpp"
#include "model/money.hpp"

namespace gongkai {

namespace {

using K = TableKind;
constexpr const char* kRule = "x-budget-final";

const std::pair<const char*, const char*> kThreePublicItems[] = {
    {"total", "total"}, {"abroad", "abroad"}, {"vehicle", "vehicle_subtotal"},
    {"vehicle_purchase", "vehicle_purchase"}, {"vehicle_operation", "vehicle_operation"}, {"reception", "reception"}};

class BudgetFinal {
public:
    BudgetFinal(Auditor& a, const Filing& budget) : a_(a), f_(a.filing()), budget_(budget), b_(budget) {}

    void run() {
        narrative();
        three_public_table();
    }

private:
    std::string year() const { return std::to_string(budget_.year); }

    // A term read from the budget filing, relabelled as such (see the file comment).
    Term as_budget(Term t) const {
        const std::string file = budget_.county_dir + "/" + year() + "/" + budget_.slug + ".budget.json#";
        t.label = year() + "年度部门预算 " + t.label;
        for (auto& r : t.refs) {
            r.plain = year() + "年度部门预算" + r.plain;
            r.label = year() + "年度部门预算 " + r.label;
            r.table = "budget/" + r.table;
            r.anchor = "budget";  // the 预算与决算 section of the department page
            r.column.clear();
            r.pointer = file + r.pointer;
        }
        return t;
    }

    // The first of these budget cells the budget prints.
    std::optional<Term> budget_cell(std::initializer_list<std::tuple<K, const char*, std::string, const char*>> where) const {
        for (const auto& [kind, block, row, column] : where)
            if (auto t = b_.cell(kind, block, row, column)) return as_budget(*t);
        return std::nullopt;
    }

    // The budget's cell for a 年初预算 the 决算's narrative states; `missing_line` is set when the budget prints the
    // function table at 项 level but not this code.
    std::optional<Term> planned(const Figure& fig, bool& missing_line) const {
        missing_line = false;
        const std::string& m = fig.metric;
        if (m == "gb.budget")
            return budget_cell({{K::BudgetGeneralFunction, "main", "total", "total"},
                                {K::BudgetFiscalSummary, "expenditure", "total_expenditure", "general_budget"},
                                {K::BudgetFiscalSummary, "expenditure", "grand_total", "general_budget"}});
        for (auto [stem, kind] : {std::pair{"gb", K::BudgetGeneralFunction}, std::pair{"gov_fund", K::BudgetGovernmentFund},
                                  std::pair{"state_capital", K::BudgetStateCapital}}) {
            const std::string s = stem;
            if (m == s + ".budget" && s != "gb") return budget_cell({{kind, "main", "total", "total"}});
            if (m != s + ".item.budget" || fig.code.empty()) continue;
            if (auto t = budget_cell({{kind, "main", fig.code, "total"}})) return t;
            const Table* t = budget_.table(kind);
            const Block* b = t ? t->block("main") : nullptr;
            if (b)
                for (const auto& r : b->rows) missing_line = missing_line || r.code.size() == fig.code.size();
            return std::nullopt;
        }
        for (const auto& [item, row] : kThreePublicItems)
            if (m == std::string("three_public.") + item + ".budget") return budget_cell({{K::BudgetThreePublic, "main", row, "budget"}});
        return std::nullopt;
    }

    void narrative() {
        for (std::size_t i = 0; i < f_.figures.size(); ++i) {
            const Figure& fig = f_.figures[i];
            if (fig.unit != "万元") continue;
            bool missing_line = false;
            auto budget = planned(fig, missing_line);
            Term stated = a_.figure_term(i);
            stated.label = (fig.section.empty() ? std::string("说明") : "说明（" + fig.section + "）") + "所述的年初预算";
            if (budget) {
                a_.check_same(kRule, stated, *budget, "决算所述的年初预算应与同年公开的部门预算一致", fig.sentence);
            } else if (missing_line && stated.micro != 0) {
                Term none;
                none.blank = true;
                none.label = year() + "年度部门预算（无“" + fig.code + "”科目）";
                a_.check_same(kRule, stated, none, "决算所述该科目的年初预算在同年公开的部门预算中没有对应行", fig.sentence);
            }
        }
    }

    // The 三公 table's 预算数 column against the “三公”经费预算表.
    void three_public_table() {
        if (!f_.table(K::ThreePublic)) return;
        for (const auto& [item, row] : kThreePublicItems) {
            auto printed = a_.cell(K::ThreePublic, "main", row, "budget");
            auto budget = budget_cell({{K::BudgetThreePublic, "main", row, "budget"}});
            if (printed && budget) a_.check_same(kRule, *printed, *budget, "决算“三公”经费表的预算数应与同年公开的部门预算一致");
        }
    }

    Auditor& a_;
    const Filing& f_;
    const Filing& budget_;
    Auditor b_;  // reads the budget's cells (its own report is never used)
};

}  // namespace

void audit_budget_final(Auditor& a) {
    const Filing* budget = a.budget();
    const Filing& f = a.filing();
    // Only the same department's budget of the same year, in the same unit.
    if (!budget || f.kind == "预算" || budget->kind != "预算" || budget->year != f.year || budget->slug != f.slug ||
        budget->county_dir != f.county_dir || budget->unit != f.unit)
        return;
    BudgetFinal(a, *budget).run();
}

}  // namespace gongkai
