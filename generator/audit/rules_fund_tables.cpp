// Table 04 (财政拨款收入支出决算总表) fund by fund: each fund's own balance inside table 04
// (t04-fund-balance), and the fund tables 07 (政府性基金) and 08 (国有资本经营) against their fund's column
// and rows of table 04 (x04-07, x04-08). Table 04 prints the three funds as the rows of its income side
// (本年收入, and 年初结转和结余 broken down) and as the columns of its expenditure side (本年支出合计, each
// class, 年末结转和结余) — in both the 普陀区 and the 湘潭县 layout; rows 年末…一般公共预算财政拨款 etc. under
// 年末财政拨款结转和结余 are read too where a layout prints them.
#include <map>
#include <set>

#include "audit/rule_helpers.hpp"
#include "audit/rules.hpp"

namespace gongkai {

namespace {

using K = TableKind;

struct Fund {
    std::string id;    // the fund's row of table 04's income side and column of its expenditure side
    std::string name;  // zh-CN
    std::optional<K> table;  // the fund's own table (07, 08); none for the general budget (05 is x04-05's)
    std::string rule;        // the rule comparing that table with table 04
};

const std::vector<Fund>& funds() {
    static const std::vector<Fund> all = {
        {"general_budget", "一般公共预算财政拨款", std::nullopt, ""},
        {"government_fund", "政府性基金预算财政拨款", K::GovernmentFund, "x04-07"},
        {"state_capital", "国有资本经营预算财政拨款", K::StateCapital, "x04-08"},
    };
    return all;
}

bool printed(const Table* t) { return t && !t->absent; }

bool has_amount(const Term& t) { return !t.blank && t.micro != 0; }

// The fund's 年初结转和结余 in table 04: its row under 年初财政拨款结转和结余; when the table does not break
// the opening balance down but leaves it blank, nothing. nullopt when table 04 does not say.
std::optional<Term> fund_opening(const Auditor& a, const Fund& fund) {
    if (auto t = a.cell(K::FiscalSummary, "income", "opening_" + fund.id, "amount")) return t;
    auto whole = a.cell(K::FiscalSummary, "income", "opening_balance", "amount");
    if (whole && whole->blank) return nothing(fund.name + "的年初结转和结余（未分列，合计为空白）");
    return std::nullopt;
}

// The fund's 年末结转和结余 in table 04: the fund's column of 年末财政拨款结转和结余 (both real layouts), or a
// row of its own under it, whichever prints an amount; blank when all are blank, nullopt when none exists.
std::optional<Term> fund_closing(const Auditor& a, const Fund& fund) {
    std::vector<std::optional<Term>> candidates = {
        a.cell(K::FiscalSummary, "expenditure", "closing_balance", fund.id),
        a.cell(K::FiscalSummary, "expenditure", "closing_" + fund.id, fund.id),
        a.cell(K::FiscalSummary, "expenditure", "closing_" + fund.id, "total"),
    };
    for (const auto& c : candidates)
        if (c && !c->blank) return c;
    for (const auto& c : candidates)
        if (c) return c;
    auto whole = a.cell(K::FiscalSummary, "expenditure", "closing_balance", "total");
    if (whole && whole->blank) return nothing(fund.name + "的年末结转和结余（未分列，合计为空白）");
    return std::nullopt;
}

// t04-fund-balance: for each fund, 年初结转和结余 + 本年收入 = 本年支出合计 + 年末结转和结余 (its column).
void fund_balances(Auditor& a) {
    if (!printed(a.filing().table(K::FiscalSummary))) return;
    for (const Fund& fund : funds()) {
        auto opening = fund_opening(a, fund);
        auto income = a.cell(K::FiscalSummary, "income", fund.id, "amount");
        auto spending = a.cell(K::FiscalSummary, "expenditure", "total_expenditure", fund.id);
        auto closing = fund_closing(a, fund);
        if (!opening || !income || !spending || !closing) continue;
        a.check_sum("t04-fund-balance", Auditor::add({*opening, *income}, fund.name + "的年初结转和结余与本年收入之和"), {*spending, *closing},
                    fund.name + "：年初结转和结余加本年收入应等于本年支出加年末结转和结余");
    }
}

// A fund table's amounts of one column by function class (3-digit code): the class row where printed, else
// the topmost printed rows under the class (款 or 项 whose parents are not printed).
std::map<std::string, std::vector<Term>> by_class(const Auditor& a, K kind, const std::string& column) {
    std::map<std::string, std::vector<Term>> out;
    std::set<std::string> codes;
    for (const Row* r : a.coded_rows(kind, "main")) codes.insert(r->code);
    for (const Row* r : a.coded_rows(kind, "main")) {
        const std::string& code = r->code;
        if (code.size() < 3) continue;
        bool parent_printed = false;
        for (std::size_t len = 3; len < code.size(); len += 2) parent_printed = parent_printed || codes.count(code.substr(0, len));
        if (parent_printed) continue;
        if (auto t = a.cell(kind, "main", code, column)) out[code.substr(0, 3)].push_back(*t);
    }
    return out;
}

// Table 04's amount against the fund table's: one cell (the same figure printed twice) or several (their sum).
void compare(Auditor& a, const std::string& rule, const Term& t04, const std::vector<Term>& own, const std::string& what) {
    if (own.size() == 1) a.check_same(rule, t04, own.front(), what);
    else if (!own.empty()) a.check_sum(rule, t04, own, what);
}

// x04-07 / x04-08: the fund table's 合计 (年初结转和结余, 本年收入, 本年支出, 年末结转和结余, where it prints
// them) against table 04's cells of the fund, then class by class where both print classes.
void fund_table(Auditor& a, const Fund& fund) {
    const Filing& f = a.filing();
    const Table* own = f.table(*fund.table);
    if (!printed(f.table(K::FiscalSummary)) || !own) return;
    struct Quantity {
        std::optional<Term> t04;
        std::string column;  // of the fund table
        std::string name;
    };
    std::vector<Quantity> quantities = {
        {a.cell(K::FiscalSummary, "expenditure", "total_expenditure", fund.id), "total", "本年支出"},
        {a.cell(K::FiscalSummary, "income", fund.id, "amount"), "income", "本年收入"},
        {fund_opening(a, fund), "opening_balance", "年初结转和结余"},
        {fund_closing(a, fund), "closing_balance", "年末结转和结余"},
    };
    if (own->absent) {
        // Not printed (s-table-absent says so): only an amount table 04 shows for the fund is a finding, once.
        for (const auto& q : quantities)
            if (q.t04 && has_amount(*q.t04)) {
                a.check_same(fund.rule, *q.t04, nothing(own->title + "（未印出）"),
                             "财政拨款收入支出决算总表列有" + fund.name + "的" + q.name + "，但" + own->title + "未印出");
                return;
            }
        std::vector<const Term*> read;
        for (const auto& q : quantities)
            if (q.t04) read.push_back(&*q.t04);
        a.pass(fund.rule, read);
        return;
    }
    for (const auto& q : quantities) {
        if (!q.t04) continue;
        if (auto total = a.cell(*fund.table, "main", "total", q.column)) {
            a.check_same(fund.rule, *q.t04, *total, fund.name + "的" + q.name + "在两表中应一致");
            continue;
        }
        // No 合计 row: the sum of the classes it prints.
        std::vector<Term> parts;
        for (const auto& [code, terms] : by_class(a, *fund.table, q.column)) parts.insert(parts.end(), terms.begin(), terms.end());
        compare(a, fund.rule, *q.t04, parts, fund.name + "的" + q.name + "在两表中应一致（该表无合计行，取各类之和）");
    }
    // Class by class, where both tables print function classes.
    auto own_classes = by_class(a, *fund.table, "total");
    auto summary_rows = a.coded_rows(K::FiscalSummary, "expenditure");
    if (own_classes.empty() || summary_rows.empty()) return;
    std::set<std::string> summary_codes;
    for (const Row* r : summary_rows) {
        if (r->code.size() != 3) continue;
        summary_codes.insert(r->code);
        auto t04 = a.cell(K::FiscalSummary, "expenditure", r->code, fund.id);
        if (!t04) continue;
        auto it = own_classes.find(r->code);
        if (it != own_classes.end())
            compare(a, fund.rule, *t04, it->second, "该类" + fund.name + "支出在两表中应一致");
        else if (!t04->blank)
            a.check_same(fund.rule, *t04, nothing(own->title + "（无“" + r->code + "”类）"), "该类" + fund.name + "支出在" + own->title + "中没有对应行");
    }
    for (const auto& [code, terms] : own_classes) {
        if (summary_codes.count(code)) continue;
        Term sum = terms.size() == 1 ? terms.front() : Auditor::add(terms, own->title + "“" + code + "”类各行之和");
        if (!sum.blank)
            a.check_same(fund.rule, sum, nothing("财政拨款收入支出决算总表（无“" + code + "”行）"),
                         "该类" + fund.name + "支出在财政拨款收入支出决算总表中没有对应行");
    }
}

}  // namespace

void audit_fund_tables(Auditor& a) {
    fund_balances(a);
    for (const Fund& fund : funds())
        if (fund.table) fund_table(a, fund);
}

}  // namespace gongkai
