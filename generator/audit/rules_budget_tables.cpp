// Budget (部门预算) table rules: the totals, rows and code hierarchies of every budget table (b-summary,
// b-income-rows, b-expenditure-rows, b-function-hierarchy, b-fiscal-summary, b-economic, b-three-public) and the
// same figure printed in two budget tables (b-summary-income, b-summary-expenditure, b-fiscal-function,
// b-basic-economic, b-income-expenditure, b-economic-three-public). Shanghai prints its budget tables in 元 (the
// 三公 table in 万元): the decoder keeps each cell's printed precision, so 元 tables are checked to the 分.
#include <algorithm>
#include <unordered_map>

#include "audit/rule_helpers.hpp"
#include "audit/rules.hpp"
#include "model/money.hpp"

namespace gongkai {

namespace {

using K = TableKind;

const Block* block_of(const Auditor& a, K kind, const std::string& block) {
    const Table* t = a.filing().table(kind);
    return t ? t->block(block) : nullptr;
}

void append(std::vector<Term>& to, const std::vector<Term>& more) { to.insert(to.end(), more.begin(), more.end()); }

// The cell of the i-th row of a block (rows that share a key, such as "blank" or "item", are told apart by
// position), as a term; nullopt when the column is absent. Printed with fewer decimals than usual, a cell is
// given the tolerance of its own decimals (never less than Auditor::cell gives).
std::optional<Term> row_cell(const Auditor& a, K kind, const std::string& block, std::size_t i, const std::string& column) {
    const Table* t = a.filing().table(kind);
    const Block* b = t ? t->block(block) : nullptr;
    int ci = b ? b->column_index(column) : -1;
    if (ci < 0 || i >= b->rows.size()) return std::nullopt;
    const Row& r = b->rows[i];
    const Cell& c = r.cells[static_cast<std::size_t>(ci)];
    const std::string id = row_id(r);
    Term term;
    term.label = std::string(standard_table_title(kind)) + (r.name.empty() ? "无名称的第 " + std::to_string(i + 1) + " 行" : "“" + r.name + "”") +
                 b->columns[static_cast<std::size_t>(ci)].label;
    if (c) {
        term.micro = c->micro;
        const int printed_decimals = c->decimals - (t->unit == "元" ? 4 : 0);  // a "0" is a stated nothing
        term.half = (c->micro == 0 && printed_decimals <= 0) ? 0 : half_unit(c->decimals);
    } else {
        term.blank = true;
    }
    term.refs.push_back({std::string(table_kind_id(kind)), block, id, column, term.label, c ? c->printed : "",
                         std::string(table_kind_id(kind)) + "-" + block + "-" + id + "-" + std::to_string(i),
                         t->pointer + "/blocks/" + std::to_string(b - t->blocks.data()) + "/rows/" + std::to_string(i) + "/values/" + column,
                         term.label, t->unit == "元" ? "元" : ""});
    return term;
}

// Amounts printed on lines without a name (key "blank") still count in their column.
void add_unnamed_budget_lines(const Auditor& a, K kind, const std::string& block, const std::string& column, std::vector<Term>& parts) {
    const Block* b = block_of(a, kind, block);
    int ci = b ? b->column_index(column) : -1;
    for (std::size_t i = 0; ci >= 0 && i < b->rows.size(); ++i)
        if (b->rows[i].key == "blank" && b->rows[i].cells[static_cast<std::size_t>(ci)])
            if (auto t = row_cell(a, kind, block, i, column)) parts.push_back(*t);
}

// The coded rows of a block, by code.
std::vector<std::string> codes_of(const Auditor& a, K kind, const std::string& block) {
    std::vector<std::string> out;
    for (const Row* r : a.coded_rows(kind, block)) out.push_back(r->code);
    return out;
}

// ---- Inside one table ----

// 部门财务收支预算总表: each side's totals and the balance of the two.
void summary(Auditor& a) {
    constexpr const char* rule = "b-summary";
    const K k = K::BudgetSummary;
    if (block_of(a, k, "income")) {
        auto fiscal = a.cell(k, "income", "fiscal", "amount");
        auto funds = present(a, k, "income", {"general_budget", "government_fund", "state_capital"}, "amount");
        sum_if(a, rule, fiscal, funds, "财政拨款收入应等于一般公共预算、政府性基金预算、国有资本经营预算之和");
        std::vector<Term> sources = fiscal ? std::vector<Term>{*fiscal} : funds;
        append(sources, present(a, k, "income", {"fiscal_special", "business", "operating", "other"}, "amount"));
        add_unnamed_budget_lines(a, k, "income", "amount", sources);
        auto total_income = a.cell(k, "income", "total_income", "amount");
        sum_if(a, rule, total_income, sources, "本年收入合计应等于各项收入之和（含无名称行中的数）");
        std::vector<Term> all = total_income ? std::vector<Term>{*total_income} : sources;
        append(all, present(a, k, "income", {"opening_balance"}, "amount"));
        sum_if(a, rule, a.cell(k, "income", "grand_total", "amount"), all, "收入总计应等于本年收入与上年结转之和");
    }
    if (block_of(a, k, "expenditure")) {
        auto spending = present(a, k, "expenditure", codes_of(a, k, "expenditure"), "amount");
        add_unnamed_budget_lines(a, k, "expenditure", "amount", spending);
        auto kinds = present(a, k, "expenditure", {"basic", "project", "reserve"}, "amount");
        auto total = a.cell(k, "expenditure", "total_expenditure", "amount");
        sum_if(a, rule, total, spending, "本年支出合计应等于各类支出之和（含无名称行中的数）");
        sum_if(a, rule, total, kinds, "本年支出合计应等于基本支出、项目支出与预留机动经费之和");
        auto closing = present(a, k, "expenditure", {"closing_balance"}, "amount");
        auto grand = a.cell(k, "expenditure", "grand_total", "amount");
        // 支出总计 = 本年支出 + 年末结转, 本年支出 being its printed 合计, else the classes and, separately, the
        // basic/project split (Jiangsu prints both breakdowns).
        std::vector<std::vector<Term>> spent;
        if (total) spent.push_back({*total});
        else
            for (const auto& parts : {spending, kinds})
                if (!parts.empty()) spent.push_back(parts);
        for (auto& all : spent) {
            append(all, closing);
            sum_if(a, rule, grand, all, "支出总计应等于本年支出与年末结转之和");
        }
    }
    same_if(a, rule, a.cell(k, "income", "grand_total", "amount"), a.cell(k, "expenditure", "grand_total", "amount"), "收入总计应等于支出总计");
}

// Each row (coded or 合计) of a `main` block: `total` = Σ `parts`.
void row_sums(Auditor& a, const char* rule, K kind, const std::vector<std::string>& parts, const std::string& what) {
    const Block* b = block_of(a, kind, "main");
    if (!b) return;
    for (const auto& r : b->rows) {
        if (r.code.empty() && r.key != "total" && r.key != "none") continue;  // (a “无” line, too)
        sum_if(a, rule, a.cell(kind, "main", row_id(r), "total"), present_columns(a, kind, "main", row_id(r), parts), what);
    }
}

// 部门收入预算总表: 合计 = the sources of every row; 财政拨款 = its three funds where the table splits it.
void income_rows(Auditor& a) {
    constexpr const char* rule = "b-income-rows";
    const K k = K::BudgetIncome;
    const Block* b = block_of(a, k, "main");
    if (!b) return;
    const std::vector<std::string> funds = {"general_budget", "government_fund", "state_capital"};
    for (const auto& r : b->rows) {
        if (r.code.empty() && r.key != "total") continue;
        const std::string id = row_id(r);
        auto fiscal = a.cell(k, "main", id, "fiscal");
        auto split = present_columns(a, k, "main", id, funds);
        sum_if(a, rule, fiscal, split, "财政拨款收入应等于一般公共预算、政府性基金预算、国有资本经营预算之和");
        std::vector<Term> sources = fiscal ? std::vector<Term>{*fiscal} : split;
        append(sources, present_columns(a, k, "main", id, {"fiscal_special", "business", "operating", "other", "opening_balance"}));
        sum_if(a, rule, a.cell(k, "main", id, "total"), sources, "每行合计应等于各项收入之和");
    }
}

// 合计 = Σ top lines, and every printed code = Σ the codes directly beneath it (类 = Σ款, 款 = Σ项; an item whose
// parent is not printed counts towards the nearest printed ancestor, or towards 合计), in every column.
void hierarchy(Auditor& a, const char* rule, K kind, const std::string& block, const std::string& total_key, const char* level_words) {
    const Block* b = block_of(a, kind, block);
    if (!b) return;
    std::unordered_map<std::string, bool> listed;
    for (const auto& r : b->rows)
        if (!r.code.empty()) listed[r.code] = true;
    std::vector<std::string> top;
    std::vector<std::pair<std::string, std::vector<std::string>>> children;  // in printed order
    std::unordered_map<std::string, std::size_t> child_index;
    for (const auto& r : b->rows) {
        if (r.key == "none" && std::find(top.begin(), top.end(), "none") == top.end()) top.push_back("none");  // “无” counts in 合计
        if (r.code.empty()) continue;
        std::string parent;
        for (std::size_t len = r.code.size() >= 5 ? r.code.size() - 2 : 0; len >= 3 && parent.empty(); len -= 2)
            if (listed.count(r.code.substr(0, len))) parent = r.code.substr(0, len);
        if (parent.empty()) {
            top.push_back(r.code);
            continue;
        }
        auto [it, fresh] = child_index.emplace(parent, children.size());
        if (fresh) children.push_back({parent, {}});
        children[it->second].second.push_back(r.code);
    }
    for (const auto& col : b->columns) {
        if (!top.empty())
            sum_if(a, rule, a.cell(kind, block, total_key, col.id), present(a, kind, block, top, col.id),
                   std::string("合计应等于各") + level_words + "之和");
        for (const auto& [parent, kids] : children)
            sum_if(a, rule, a.cell(kind, block, parent, col.id), present(a, kind, block, kids, col.id),
                   parent.size() == 3 ? "类应等于其下各款之和" : "款应等于其下各项之和");
    }
}

// 部门财政拨款收支预算总表: both sides' totals, each expenditure row across the three funds, and the balance.
void fiscal_summary(Auditor& a) {
    constexpr const char* rule = "b-fiscal-summary";
    const K k = K::BudgetFiscalSummary;
    if (block_of(a, k, "income")) {
        auto funds = present(a, k, "income", {"general_budget", "government_fund", "state_capital"}, "amount");
        add_unnamed_budget_lines(a, k, "income", "amount", funds);
        auto total_income = a.cell(k, "income", "total_income", "amount");
        sum_if(a, rule, total_income, funds, "本年收入合计应等于三类财政拨款之和（含无名称行中的数）");
        std::vector<Term> all = total_income ? std::vector<Term>{*total_income} : funds;
        append(all, present(a, k, "income", {"opening_balance"}, "amount"));
        sum_if(a, rule, a.cell(k, "income", "grand_total", "amount"), all, "收入总计应等于本年收入与上年结转之和");
    }
    if (const Block* b = block_of(a, k, "expenditure")) {
        for (const auto& r : b->rows) {
            if (r.key == "blank") continue;
            sum_if(a, rule, a.cell(k, "expenditure", row_id(r), "total"),
                   present_columns(a, k, "expenditure", row_id(r), {"general_budget", "government_fund", "state_capital"}),
                   "支出栏每行合计应等于三类财政拨款之和");
        }
        const auto classes = codes_of(a, k, "expenditure");
        for (const auto& col : b->columns) {
            auto spending = present(a, k, "expenditure", classes, col.id);
            add_unnamed_budget_lines(a, k, "expenditure", col.id, spending);
            auto total = a.cell(k, "expenditure", "total_expenditure", col.id);
            sum_if(a, rule, total, spending, "本年支出合计应等于各类支出之和（含无名称行中的数）");
            std::vector<Term> all = total ? std::vector<Term>{*total} : spending;
            append(all, present(a, k, "expenditure", {"closing_balance"}, col.id));
            if (!spending.empty() || total) sum_if(a, rule, a.cell(k, "expenditure", "grand_total", col.id), all, "支出总计应等于本年支出与年末结转之和");
        }
    }
    same_if(a, rule, a.cell(k, "income", "grand_total", "amount"), a.cell(k, "expenditure", "grand_total", "total"), "收入总计应等于支出总计");
}

// Economic tables (基本支出经济分类, Jiangsu's 财政拨款基本支出 and 机关运行经费): 合计 = 人员经费 + 公用经费 on each row,
// 类 = Σ款 and 合计 = Σ类 in each column.
void economic(Auditor& a) {
    for (K k : {K::BudgetBasicEconomic, K::BudgetFiscalBasic, K::BudgetOperatingCost}) {
        row_sums(a, "b-economic", k, {"personnel", "public"}, "每行合计应等于人员经费与公用经费之和");
        hierarchy(a, "b-economic", k, "main", "total", "经济分类类");
    }
}

// “三公”经费预算表: 合计 = 出国 + 公务用车 + 接待; 公务用车 = 购置 + 运行.
void three_public(Auditor& a) {
    constexpr const char* rule = "b-three-public";
    const K k = K::BudgetThreePublic;
    auto subtotal = a.cell(k, "main", "vehicle_subtotal", "budget");
    auto vehicles = present(a, k, "main", {"vehicle_purchase", "vehicle_operation"}, "budget");
    sum_if(a, rule, subtotal, vehicles, "公务用车购置及运行费应等于购置费与运行费之和");
    std::vector<Term> parts = present(a, k, "main", {"abroad", "reception"}, "budget");
    append(parts, subtotal ? std::vector<Term>{*subtotal} : vehicles);
    sum_if(a, rule, a.cell(k, "main", "total", "budget"), parts, "“三公”经费合计应等于因公出国（境）费、公务用车购置及运行费与公务接待费之和");
}

// 政府采购支出预算表 (Jiangsu): 合计 = 货物 + 工程 + 服务 on every line; the 合计 line = Σ the named lines.
void procurement(Auditor& a) {
    constexpr const char* rule = "b-procurement";
    const K k = K::BudgetProcurement;
    const Block* b = block_of(a, k, "main");
    if (!b) return;
    const std::vector<std::string> kinds = {"goods", "works", "services"};
    for (std::size_t i = 0; i < b->rows.size(); ++i) {
        if (b->rows[i].key == "blank") continue;
        std::vector<Term> parts;
        for (const auto& c : kinds)
            if (auto t = row_cell(a, k, "main", i, c)) parts.push_back(*t);
        sum_if(a, rule, row_cell(a, k, "main", i, "total"), parts, "每行合计应等于货物、工程与服务之和");
    }
    for (const auto& col : b->columns) {
        std::vector<Term> lines;
        for (std::size_t i = 0; i < b->rows.size(); ++i)
            if (b->rows[i].key == "item" || b->rows[i].key == "blank" || !b->rows[i].code.empty())
                if (b->rows[i].cells[static_cast<std::size_t>(b->column_index(col.id))] || b->rows[i].key != "blank")
                    if (auto t = row_cell(a, k, "main", i, col.id)) lines.push_back(*t);
        sum_if(a, rule, a.cell(k, "main", "total", col.id), lines, "合计应等于各采购项目之和");
    }
}

// ---- The same figure in two tables ----

// A line of `summary` against the same line (its `total` column) of `detail`; a line one table prints with an
// amount and the other lacks is compared with nothing. Only where both tables are printed.
void lines_match(Auditor& a, const char* rule, K summary_kind, const std::string& block, const std::string& column, K detail_kind,
                 const std::string& detail_column, const std::string& what) {
    if (!block_of(a, summary_kind, block) || !block_of(a, detail_kind, "main")) return;
    const std::string detail_name(standard_table_title(detail_kind)), summary_name(standard_table_title(summary_kind));
    auto summary_codes = codes_of(a, summary_kind, block);
    for (const auto& code : summary_codes) {
        auto s = a.cell(summary_kind, block, code, column);
        auto d = a.cell(detail_kind, "main", code, detail_column);
        if (s && d) a.check_same(rule, *s, *d, what);
        else if (s && !s->blank) a.check_same(rule, *s, nothing(detail_name + "（无“" + code + "”行）"), "该类支出在" + detail_name + "中没有对应行");
    }
    for (const Row* r : a.coded_rows(detail_kind, "main")) {
        if (r->code.size() != 3 || std::find(summary_codes.begin(), summary_codes.end(), r->code) != summary_codes.end()) continue;
        auto d = a.cell(detail_kind, "main", r->code, detail_column);
        if (d && !d->blank) a.check_same(rule, *d, nothing(summary_name + "（无“" + r->code + "”行）"), "该类支出在" + summary_name + "中没有对应行");
    }
}

// The expenditure total of a summary block's column: 本年支出合计, else 支出总计 when nothing is carried over.
std::optional<Term> spending_total(const Auditor& a, K kind, const std::string& column) {
    if (auto t = a.cell(kind, "expenditure", "total_expenditure", column)) return t;
    auto closing = a.cell(kind, "expenditure", "closing_balance", column);
    if (closing && !closing->blank && closing->micro != 0) return std::nullopt;
    return a.cell(kind, "expenditure", "grand_total", column);
}

void across_tables(Auditor& a) {
    const K S = K::BudgetSummary, I = K::BudgetIncome, E = K::BudgetExpenditure, F = K::BudgetFiscalSummary;
    // 总表 income against the 收入预算总表 (its 合计 row) and the 财政拨款收支预算总表.
    if (block_of(a, S, "income")) {
        if (block_of(a, I, "main")) {
            same_if(a, "b-summary-income", a.cell(S, "income", "grand_total", "amount"), a.cell(I, "main", "total", "total"),
                    "总表的收入总计应与收入预算总表的合计一致");
            for (const char* src : {"fiscal", "general_budget", "government_fund", "state_capital", "fiscal_special", "business", "operating", "other",
                                    "opening_balance"})
                same_if(a, "b-summary-income", a.cell(S, "income", src, "amount"), a.cell(I, "main", "total", src),
                        "总表的该项收入应与收入预算总表合计行一致");
        }
        for (const char* fund : {"general_budget", "government_fund", "state_capital"})
            same_if(a, "b-summary-income", a.cell(S, "income", fund, "amount"), a.cell(F, "income", fund, "amount"),
                    "两张总表中的该类财政拨款收入应一致");
    }
    // 总表 expenditure against the 支出预算总表: each class, the total and its basic/project split.
    lines_match(a, "b-summary-expenditure", S, "expenditure", "amount", E, "total", "总表的该类支出应与支出预算总表一致");
    if (block_of(a, S, "expenditure") && block_of(a, E, "main")) {
        same_if(a, "b-summary-expenditure", spending_total(a, S, "amount"), a.cell(E, "main", "total", "total"),
                "总表的本年支出应与支出预算总表的合计一致");
        for (const char* kind : {"basic", "project", "reserve"})
            same_if(a, "b-summary-expenditure", a.cell(S, "expenditure", kind, "amount"), a.cell(E, "main", "total", kind),
                    "总表的基本支出、项目支出应与支出预算总表合计行一致");
    }
    // 财政拨款收支预算总表: each fund's column against its function table.
    for (auto [fund, detail] : {std::pair{"general_budget", K::BudgetGeneralFunction}, std::pair{"government_fund", K::BudgetGovernmentFund},
                                std::pair{"state_capital", K::BudgetStateCapital}}) {
        if (!block_of(a, F, "expenditure") || !block_of(a, detail, "main")) continue;
        lines_match(a, "b-fiscal-function", F, "expenditure", fund, detail, "total", "财政拨款收支预算总表该类支出的该项拨款应与其功能分类预算表一致");
        same_if(a, "b-fiscal-function", spending_total(a, F, fund), a.cell(detail, "main", "total", "total"),
                "财政拨款收支预算总表该项拨款的支出合计应与其功能分类预算表合计一致");
    }
    // 基本支出: the function table's 基本支出 against the economic table's 合计.
    same_if(a, "b-basic-economic", a.cell(K::BudgetGeneralFunction, "main", "total", "basic"), a.cell(K::BudgetBasicEconomic, "main", "total", "total"),
            "一般公共预算基本支出在功能分类表与经济分类表中应一致");
    same_if(a, "b-basic-economic", a.cell(K::BudgetFiscalExpenditure, "main", "total", "basic"), a.cell(K::BudgetFiscalBasic, "main", "total", "total"),
            "财政拨款基本支出在支出预算表与基本支出预算表中应一致");
    // 收入预算 and 支出预算 by function line, where both tables print the line.
    if (block_of(a, I, "main") && block_of(a, E, "main")) {
        same_if(a, "b-income-expenditure", a.cell(I, "main", "total", "total"), a.cell(E, "main", "total", "total"), "收入预算合计应等于支出预算合计");
        for (const Row* r : a.coded_rows(I, "main"))
            same_if(a, "b-income-expenditure", a.cell(I, "main", r->code, "total"), a.cell(E, "main", r->code, "total"),
                    "同一功能科目的收入预算应等于支出预算");
    }
}

// part ≤ whole: the economic table holds basic spending of the general budget only, the 三公 table all 财政拨款, so
// an item of the first is a part of the line of the second.
void economic_three_public(Auditor& a) {
    constexpr const char* kEconomicThreePublic = "b-economic-three-public";
    const K T = K::BudgetThreePublic, B = K::BudgetBasicEconomic;
    if (!block_of(a, T, "main") || !block_of(a, B, "main")) return;
    struct Line {
        const char* code;
        const char* row;
        const char* name;
    };
    static const Line lines[] = {{"30212", "abroad", "因公出国（境）费"}, {"30217", "reception", "公务接待费"},
                                 {"30231", "vehicle_operation", "公务用车运行维护费"}, {"31013", "vehicle_purchase", "公务用车购置费"},
                                 {"30215", "meeting", "会议费"}, {"30216", "training", "培训费"}};
    for (const Line& l : lines) {
        auto item = a.cell(B, "main", l.code, "total");
        auto whole = a.cell(T, "main", l.row, "budget");
        if (item && whole) a.check_not_above(kEconomicThreePublic, *item, *whole, std::string("基本支出经济分类表的") + l.name + "是“三公”经费预算表同一项的一部分");
    }
    // 机关运行经费: the 公用经费 of the general budget's basic spending of 行政 and 参公 units — a part of all 公用经费.
    auto cost = a.cell(T, "main", "operating_cost", "budget");
    auto pub = a.cell(B, "main", "total", "public");
    if (cost && pub) a.check_not_above(kEconomicThreePublic, *cost, *pub, "机关运行经费是一般公共预算基本支出中公用经费的一部分");
}

}  // namespace

void audit_budget_tables(Auditor& a) {
    summary(a);
    income_rows(a);
    for (K k : {K::BudgetExpenditure, K::BudgetGeneralFunction, K::BudgetFiscalExpenditure, K::BudgetGovernmentFund, K::BudgetStateCapital})
        row_sums(a, "b-expenditure-rows", k, {"basic", "project", "reserve"}, "每行合计应等于基本支出、项目支出与预留机动经费之和");
    for (K k : {K::BudgetIncome, K::BudgetExpenditure, K::BudgetFiscalExpenditure, K::BudgetGeneralFunction, K::BudgetGovernmentFund,
                K::BudgetStateCapital})
        hierarchy(a, "b-function-hierarchy", k, "main", "total", "类");
    fiscal_summary(a);
    economic(a);
    three_public(a);
    procurement(a);
    across_tables(a);
    economic_three_public(a);
}

}  // namespace gongkai
