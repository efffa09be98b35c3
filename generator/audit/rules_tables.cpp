// Rules inside one table and across tables: row identities, code hierarchies, balances, and the
// same figure printed in two tables. Each check cites the cells it reads (see rule_catalog.cpp).
#include <unordered_map>

#include "audit/rule_helpers.hpp"
#include "audit/rules.hpp"

namespace gongkai {

namespace {

using K = TableKind;

// Values printed on lines without a name still count: they are part of the column they stand in.
void add_unnamed_lines(const Auditor& a, K kind, const std::string& block, const std::string& column, std::vector<Term>& parts) {
    const Table* t = a.filing().table(kind);
    const Block* b = t ? t->block(block) : nullptr;
    if (!b) return;
    int ci = b->column_index(column);
    for (std::size_t i = 0; ci >= 0 && i < b->rows.size(); ++i) {
        const Row& r = b->rows[i];
        if (r.key != "blank" || !r.cells[static_cast<std::size_t>(ci)]) continue;
        Term term;
        term.micro = r.cells[static_cast<std::size_t>(ci)]->micro;
        term.half = half_unit(r.cells[static_cast<std::size_t>(ci)]->decimals);
        term.label = "无名称的第 " + std::to_string(i + 1) + " 行";
        term.refs.push_back({std::string(table_kind_id(kind)), block, "blank", column, term.label, r.cells[static_cast<std::size_t>(ci)]->printed,
                             std::string(table_kind_id(kind)) + "-" + block + "-blank-" + std::to_string(i),
                             t->pointer + "/blocks/" + std::to_string(b - t->blocks.data()) + "/rows/" + std::to_string(i) + "/values/" + column,
                             ""});
        parts.push_back(term);
    }
}

// Each row of a block: its total column against the sum of the other columns.
void row_sums(Auditor& a, const std::string& rule, K kind, const std::string& total_col, const std::vector<std::string>& parts,
              const std::string& what) {
    const Table* t = a.filing().table(kind);
    const Block* b = t ? t->block("main") : nullptr;
    if (!b) return;
    for (const auto& r : b->rows) {
        if (r.code.empty() && r.key != "total") continue;
        sum_if(a, rule, a.cell(kind, "main", row_id(r), total_col), present_columns(a, kind, "main", row_id(r), parts), what);
    }
}

// 合计 = Σ类, 类 = Σ款, 款 = Σ项 in every column, by code prefix.
void hierarchy(Auditor& a, K kind, const std::string& total_key) {
    const Table* t = a.filing().table(kind);
    const Block* b = t ? t->block("main") : nullptr;
    if (!b) return;
    std::unordered_map<std::string, std::vector<std::string>> children;
    std::vector<std::string> classes;
    std::unordered_map<std::string, bool> listed;
    for (const auto& r : b->rows)
        if (!r.code.empty()) listed[r.code] = true;
    for (const auto& r : b->rows) {
        if (r.code.size() == 3) {
            classes.push_back(r.code);
            continue;
        }
        if (r.code.size() != 5 && r.code.size() != 7) continue;
        // The nearest ancestor that is printed: a 项 whose 款 row is missing counts towards its 类.
        for (std::size_t len = r.code.size() - 2; len >= 3; len -= 2)
            if (listed.count(r.code.substr(0, len))) {
                children[r.code.substr(0, len)].push_back(r.code);
                break;
            }
    }
    for (const auto& col : b->columns) {
        if (!classes.empty())
            sum_if(a, "function-hierarchy", a.cell(kind, "main", total_key, col.id), present(a, kind, "main", classes, col.id),
                   "合计应等于各类之和");
        for (const auto& [parent, kids] : children)
            sum_if(a, "function-hierarchy", a.cell(kind, "main", parent, col.id), present(a, kind, "main", kids, col.id),
                   parent.size() == 3 ? "类应等于其下各款之和" : "款应等于其下各项之和");
    }
}

// A function class of a summary table against the same class in a detail table (its "total" column); a
// class the summary prints with an amount but the detail table lacks is compared with nothing.
void class_in_other_table(Auditor& a, const std::string& rule, const std::optional<Term>& summary, K detail_kind,
                          const std::string& code, const std::string& detail_name, const std::string& what) {
    if (!summary || !a.filing().table(detail_kind)) return;
    auto detail = a.cell(detail_kind, "main", code, "total");
    if (detail) {
        a.check_same(rule, *summary, *detail, what);
    } else if (!summary->blank) {
        Term none;
        none.blank = true;
        none.label = detail_name + "（无“" + code + "”行）";
        a.check_same(rule, *summary, none, "该类支出在" + detail_name + "中没有对应行");
    }
}

}  // namespace

void audit_tables(Auditor& a) {
    const Filing& f = a.filing();
    // 01 收入支出决算总表
    {
        auto sources = present(a, K::IncomeExpenditureSummary, "income",
                               {"general_budget", "government_fund", "state_capital", "higher_subsidy", "business", "operating", "affiliated", "other"},
                               "amount");
        add_unnamed_lines(a, K::IncomeExpenditureSummary, "income", "amount", sources);
        sum_if(a, "t01-income-total", a.cell(K::IncomeExpenditureSummary, "income", "total_income", "amount"), sources,
               "本年收入合计应等于各项收入之和");
        std::vector<std::string> classes;
        for (const Row* r : a.coded_rows(K::IncomeExpenditureSummary, "expenditure")) classes.push_back(r->code);
        auto spending = present(a, K::IncomeExpenditureSummary, "expenditure", classes, "amount");
        add_unnamed_lines(a, K::IncomeExpenditureSummary, "expenditure", "amount", spending);
        sum_if(a, "t01-expenditure-total", a.cell(K::IncomeExpenditureSummary, "expenditure", "total_expenditure", "amount"), spending,
               "本年支出合计应等于各类支出之和");
    }
    auto income_grand = a.cell(K::IncomeExpenditureSummary, "income", "grand_total", "amount");
    auto expenditure_grand = a.cell(K::IncomeExpenditureSummary, "expenditure", "grand_total", "amount");
    sum_if(a, "t01-grand-totals", income_grand,
           present(a, K::IncomeExpenditureSummary, "income", {"total_income", "use_non_fiscal_balance", "opening_balance"}, "amount"),
           "收入总计应等于本年收入合计、使用非财政拨款结余与年初结转和结余之和");
    sum_if(a, "t01-grand-totals", expenditure_grand,
           present(a, K::IncomeExpenditureSummary, "expenditure", {"total_expenditure", "balance_distribution", "closing_balance"}, "amount"),
           "支出总计应等于本年支出合计、结余分配与年末结转和结余之和");
    same_if(a, "t01-grand-totals", income_grand, expenditure_grand, "收入总计应等于支出总计");

    // 02, 03, 05 row identities and the function-code hierarchy.
    row_sums(a, "t02-row-sum", K::Income, "total", {"fiscal", "higher_subsidy", "business", "operating", "affiliated", "other"},
             "本年收入合计应等于各来源之和");
    row_sums(a, "t03-row-sum", K::Expenditure, "total", {"basic", "project", "to_higher", "operating", "affiliated_subsidy"},
             "本年支出合计应等于各类支出之和");
    row_sums(a, "t05-row-sum", K::GeneralBudgetExpenditure, "total", {"basic", "project"}, "合计应等于基本支出与项目支出之和");
    for (K k : {K::Income, K::Expenditure, K::GeneralBudgetExpenditure, K::GovernmentFund, K::StateCapital}) hierarchy(a, k, "total");

    // 07 and 08: 小计 = 基本 + 项目 on every row (also 合计 and 无), and the balance of each row.
    for (K k : {K::GovernmentFund, K::StateCapital}) {
        const Table* t = f.table(k);
        const Block* b = t ? t->block("main") : nullptr;
        if (!b) continue;
        for (const auto& r : b->rows) {
            std::string id = row_id(r);
            sum_if(a, "t07-08-rows", a.cell(k, "main", id, "total"), present_columns(a, k, "main", id, {"basic", "project"}),
                   "本年支出小计应等于基本支出与项目支出之和");
            auto inflow = present_columns(a, k, "main", id, {"opening_balance", "income"});
            auto outflow = present_columns(a, k, "main", id, {"total", "closing_balance"});
            if (inflow.size() == 2 && outflow.size() == 2)
                a.check_sum("t07-08-rows", Auditor::add(inflow, "年初结转和结余与本年收入之和"), outflow,
                            "年初结转和结余加本年收入应等于本年支出加年末结转和结余");
        }
    }

    // 04 财政拨款收入支出决算总表
    auto income = [&](const char* key) { return a.cell(K::FiscalSummary, "income", key, "amount"); };
    {
        auto parts = present(a, K::FiscalSummary, "income", {"general_budget", "government_fund", "state_capital"}, "amount");
        add_unnamed_lines(a, K::FiscalSummary, "income", "amount", parts);
        sum_if(a, "t04-sums", income("total_income"), parts, "本年收入合计应等于三类财政拨款之和（含无名称行中的数）");
    }
    sum_if(a, "t04-sums", income("opening_balance"),
           present(a, K::FiscalSummary, "income", {"opening_general_budget", "opening_government_fund", "opening_state_capital"}, "amount"),
           "年初财政拨款结转和结余应等于其三项之和");
    sum_if(a, "t04-sums", income("grand_total"), present(a, K::FiscalSummary, "income", {"total_income", "opening_balance"}, "amount"),
           "收入总计应等于本年收入合计与年初结转和结余之和");
    if (const Table* t04 = f.table(K::FiscalSummary); t04 && t04->block("expenditure")) {
        const Block& b = *t04->block("expenditure");
        for (const auto& r : b.rows) {
            if (r.key == "blank") continue;
            sum_if(a, "t04-sums", a.cell(K::FiscalSummary, "expenditure", row_id(r), "total"),
                   present_columns(a, K::FiscalSummary, "expenditure", row_id(r), {"general_budget", "government_fund", "state_capital"}),
                   "支出栏每行合计应等于三类财政拨款之和");
        }
        std::vector<std::string> classes;
        for (const Row* r : a.coded_rows(K::FiscalSummary, "expenditure")) classes.push_back(r->code);
        for (const auto& col : b.columns) {
            auto spending = present(a, K::FiscalSummary, "expenditure", classes, col.id);
            add_unnamed_lines(a, K::FiscalSummary, "expenditure", col.id, spending);
            sum_if(a, "t04-sums", a.cell(K::FiscalSummary, "expenditure", "total_expenditure", col.id), spending, "本年支出合计应等于各类支出之和");
            sum_if(a, "t04-sums", a.cell(K::FiscalSummary, "expenditure", "closing_balance", col.id),
                   present(a, K::FiscalSummary, "expenditure", {"closing_general_budget", "closing_government_fund", "closing_state_capital"}, col.id),
                   "年末财政拨款结转和结余应等于其三项之和");
            sum_if(a, "t04-sums", a.cell(K::FiscalSummary, "expenditure", "grand_total", col.id),
                   present(a, K::FiscalSummary, "expenditure", {"total_expenditure", "closing_balance"}, col.id),
                   "支出总计应等于本年支出合计与年末结转和结余之和");
        }
        same_if(a, "t04-sums", income("grand_total"), a.cell(K::FiscalSummary, "expenditure", "grand_total", "total"), "收入总计应等于支出总计");
    }

    // 06 基本支出明细表
    if (const Table* t06 = f.table(K::BasicExpenditure); t06 && t06->block("main")) {
        std::unordered_map<std::string, std::vector<std::string>> items;
        for (const Row* r : a.coded_rows(K::BasicExpenditure, "main"))
            if (r->code.size() == 5) items[r->code.substr(0, 3)].push_back(r->code);
        for (const Row* r : a.coded_rows(K::BasicExpenditure, "main")) {
            if (r->code.size() != 3 || !items.count(r->code)) continue;
            sum_if(a, "t06-economic-hierarchy", a.cell(K::BasicExpenditure, "main", r->code, "amount"),
                   present(a, K::BasicExpenditure, "main", items[r->code], "amount"), "经济分类的类应等于其下各款之和");
        }
        sum_if(a, "t06-personnel-public", a.cell(K::BasicExpenditure, "main", "personnel_total", "amount"),
               present(a, K::BasicExpenditure, "main", {"301", "303"}, "amount"), "人员经费合计应等于 301 与 303 之和");
        sum_if(a, "t06-personnel-public", a.cell(K::BasicExpenditure, "main", "public_total", "amount"),
               present(a, K::BasicExpenditure, "main", {"302", "307", "310", "399"}, "amount"), "公用经费合计应等于 302、307、310、399 之和");
    }

    // 09 “三公”经费
    for (const char* col : {"budget", "actual"}) {
        std::string side = std::string(col) == "budget" ? "预算数" : "决算数";
        sum_if(a, "t09-three-public", a.cell(K::ThreePublic, "main", "total", col),
               present(a, K::ThreePublic, "main", {"abroad", "vehicle_subtotal", "reception"}, col),
               "“三公”经费" + side + "合计应等于出国、公务用车小计与接待之和");
        sum_if(a, "t09-three-public", a.cell(K::ThreePublic, "main", "vehicle_subtotal", col),
               present(a, K::ThreePublic, "main", {"vehicle_purchase", "vehicle_operation"}, col),
               "公务用车" + side + "小计应等于购置费与运行维护费之和");
    }

    // Across tables.
    same_if(a, "x01-02", a.cell(K::IncomeExpenditureSummary, "income", "total_income", "amount"), a.cell(K::Income, "main", "total", "total"),
            "总表的本年收入合计应与收入决算表合计一致");
    sum_if(a, "x01-02", a.cell(K::Income, "main", "total", "fiscal"),
           present(a, K::IncomeExpenditureSummary, "income", {"general_budget", "government_fund", "state_capital"}, "amount"),
           "收入决算表的财政拨款收入应等于总表三类财政拨款收入之和");
    for (const char* src : {"higher_subsidy", "business", "operating", "affiliated", "other"})
        same_if(a, "x01-02", a.cell(K::IncomeExpenditureSummary, "income", src, "amount"), a.cell(K::Income, "main", "total", src),
                "总表的该项收入应与收入决算表合计行一致");
    same_if(a, "x01-03", a.cell(K::IncomeExpenditureSummary, "expenditure", "total_expenditure", "amount"),
            a.cell(K::Expenditure, "main", "total", "total"), "总表的本年支出合计应与支出决算表合计一致");
    for (const Row* r : a.coded_rows(K::IncomeExpenditureSummary, "expenditure"))
        class_in_other_table(a, "x01-03", a.cell(K::IncomeExpenditureSummary, "expenditure", r->code, "amount"), K::Expenditure, r->code,
                             "支出决算表", "总表的该类支出应与支出决算表一致");
    for (const char* src : {"general_budget", "government_fund", "state_capital"})
        same_if(a, "x04-01", a.cell(K::FiscalSummary, "income", src, "amount"), a.cell(K::IncomeExpenditureSummary, "income", src, "amount"),
                "两张总表中的该类财政拨款收入应一致");
    same_if(a, "x04-05", a.cell(K::FiscalSummary, "expenditure", "total_expenditure", "general_budget"),
            a.cell(K::GeneralBudgetExpenditure, "main", "total", "total"), "一般公共预算财政拨款支出合计在两表中应一致");
    for (const Row* r : a.coded_rows(K::FiscalSummary, "expenditure"))
        class_in_other_table(a, "x04-05", a.cell(K::FiscalSummary, "expenditure", r->code, "general_budget"), K::GeneralBudgetExpenditure,
                             r->code, "一般公共预算财政拨款支出决算表", "该类一般公共预算财政拨款支出在两表中应一致");
    sum_if(a, "x05-06", a.cell(K::GeneralBudgetExpenditure, "main", "total", "basic"),
           present(a, K::BasicExpenditure, "main", {"personnel_total", "public_total"}, "amount"),
           "一般公共预算财政拨款基本支出应等于人员经费与公用经费之和");
    // Table 04 fund by fund, and tables 07/08 against it (rules_fund_tables.cpp).
    audit_fund_tables(a);

    // Absent and blank tables: the Structure family (rules_structure.cpp).
}

}  // namespace gongkai
