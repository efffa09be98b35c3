// Across-years rules: the prior-year figures the narrative states (上年数), and the changes it states (增减额,
// 增减率), against what the same department published the year before — its previous-year filing, when loaded.
//
// Last year's side of every check is a cell of last year's filing: its label says so ("2023年度决算 …"), its
// pointer names that file ("<county>/<year>/<slug>.json#/tables/…"), its anchor is a link to last year's
// department page relative to this year's ("../../2023/<slug>/#…") and its table id carries the year
// ("2023/income_expenditure_summary"), so that it is never taken for a cell of this year's tables.
//
// Severity: a mismatch is a Warning, not an Error. 上年数 in a 决算 are sometimes restated on a comparable
// basis (可比口径) after units are merged or split, and then legitimately differ from last year's publication;
// the rule cannot tell a restatement from a slip, so it asks for a check. Where the narrative itself explains a
// change of basis (口径, 可比, 机构改革, 划转 … in the figure's sentence, or 口径 anywhere in the narrative) the
// finding is only a note (Info); so is it when this year's amount is a table cell a table rule finds wrong.
#include <algorithm>
#include <cstdlib>

#include "audit/rules.hpp"
#include "model/money.hpp"

namespace gongkai {

namespace {

using K = TableKind;

struct Address {
    K kind;
    const char* block;
    const char* row;  // nullptr: the figure's function code
    const char* column;
};

// A quantity the narrative compares with the previous year: its metric prefix ("<prefix>.prior",
// "<prefix>.yoy_change", "<prefix>.yoy_pct"), its name, the metric stating this year's amount and the table
// cell that publishes it in both years (none for 机关运行经费, which only the narrative states).
struct Subject {
    const char* prefix;
    const char* name;
    const char* current_metric;
    std::optional<Address> cell;
    bool coded = false;  // one line per function code (the figure's code)
};

const std::vector<Subject>& subjects() {
    static const std::vector<Subject> list = {
        {"total", "收入支出总计", "total.amount", Address{K::IncomeExpenditureSummary, "income", "grand_total", "amount"}},
        {"income.total", "本年收入合计", "income.total", Address{K::IncomeExpenditureSummary, "income", "total_income", "amount"}},
        {"expenditure.total", "本年支出合计", "expenditure.total",
         Address{K::IncomeExpenditureSummary, "expenditure", "total_expenditure", "amount"}},
        {"expenditure.basic", "基本支出", "expenditure.basic.amount", Address{K::Expenditure, "main", "total", "basic"}},
        {"expenditure.project", "项目支出", "expenditure.project.amount", Address{K::Expenditure, "main", "total", "project"}},
        {"fiscal", "财政拨款收入支出总计", "fiscal.total", Address{K::FiscalSummary, "income", "grand_total", "amount"}},
        {"gb", "一般公共预算财政拨款支出", "gb.total", Address{K::GeneralBudgetExpenditure, "main", "total", "total"}},
        {"basic.total", "一般公共预算财政拨款基本支出", "basic.total", Address{K::GeneralBudgetExpenditure, "main", "total", "basic"}},
        {"basic.personnel", "人员经费", "basic.personnel.amount", Address{K::BasicExpenditure, "main", "personnel_total", "amount"}},
        {"basic.public", "公用经费", "basic.public.amount", Address{K::BasicExpenditure, "main", "public_total", "amount"}},
        {"three_public.total", "“三公”经费", "three_public.total.actual", Address{K::ThreePublic, "main", "total", "actual"}},
        {"three_public.abroad", "因公出国（境）费", "three_public.abroad.actual", Address{K::ThreePublic, "main", "abroad", "actual"}},
        {"three_public.vehicle", "公务用车购置及运行维护费", "three_public.vehicle.actual",
         Address{K::ThreePublic, "main", "vehicle_subtotal", "actual"}},
        {"three_public.vehicle_purchase", "公务用车购置费", "three_public.vehicle_purchase.actual",
         Address{K::ThreePublic, "main", "vehicle_purchase", "actual"}},
        {"three_public.vehicle_operation", "公务用车运行维护费", "three_public.vehicle_operation.actual",
         Address{K::ThreePublic, "main", "vehicle_operation", "actual"}},
        {"three_public.reception", "公务接待费", "three_public.reception.actual", Address{K::ThreePublic, "main", "reception", "actual"}},
        {"operating_cost", "机关运行经费", "operating_cost.amount", std::nullopt},
        {"gb.class", "一般公共预算财政拨款支出", "gb.class.amount", Address{K::GeneralBudgetExpenditure, "main", nullptr, "total"}, true},
        {"gb.item", "一般公共预算财政拨款支出", "gb.item.actual", Address{K::GeneralBudgetExpenditure, "main", nullptr, "total"}, true},
    };
    return list;
}

int direction_of(const std::string& d) {
    if (d == "增加" || d == "增长" || d == "上升") return 1;
    if (d == "减少" || d == "下降") return -1;
    if (d == "持平") return 0;
    return 2;  // no direction word: the change cannot be signed
}

// "说明（五（一））" for a figure's section, "说明" without one.
std::string place_of(const Figure& fig) { return fig.section.empty() ? std::string("说明") : "说明（" + fig.section + "）"; }

// True when the narrative explains that its prior-year figures are on another basis than last year's
// publication: a change of basis or a reorganisation named in the figure's own sentence, or a
// 口径 stated anywhere in the narrative.
bool basis_explained(const Filing& f, const Figure& fig) {
    static const char* const words[] = {"口径", "可比", "机构改革", "划转", "划入", "划出", "并入", "撤并", "合并"};
    for (const char* w : words)
        if (fig.sentence.find(w) != std::string::npos) return true;
    for (const auto& s : f.sections)
        if (s.text.find("口径") != std::string::npos) return true;
    return false;
}

class YearsAudit {
public:
    YearsAudit(Auditor& a, const Filing& prev) : a_(a), f_(a.filing()), prev_(prev), last_(prev) {}

    void run() {
        for (const auto& s : subjects()) {
            // The codes the narrative states something for (one pass per code for coded subjects).
            std::vector<std::string> codes;
            for (const auto& fig : f_.figures)
                if (fig.metric.rfind(std::string(s.prefix) + ".", 0) == 0 && (s.coded ? !fig.code.empty() : fig.code.empty()) &&
                    std::find(codes.begin(), codes.end(), fig.code) == codes.end())
                    codes.push_back(fig.code);
            for (const auto& code : codes) subject(s, code);
        }
    }

private:
    std::string year() const { return std::to_string(prev_.year); }
    std::string said_last_year() const { return "上年（" + year() + "年度）公开的"; }

    // A term read from last year's filing, relabelled as such (see the file comment).
    Term as_last_year(Term t, const std::string& name) const {
        std::string page = "../../" + year() + "/" + prev_.slug + "/";
        std::string file = prev_.county_dir + "/" + year() + "/" + prev_.slug + ".json#";
        t.label = year() + "年度决算 " + t.label;
        for (auto& r : t.refs) {
            bool figure = r.table == "narrative";
            r.plain = figure ? said_last_year() + "情况说明中的" + name : said_last_year() + r.plain;
            r.label = year() + "年度决算 " + r.label;
            r.table = year() + "/" + r.table;
            if (figure) r.column.clear();  // a figure's anchor has no per-column suffix
            r.anchor = page + "#" + r.anchor;
            r.pointer = file + r.pointer;
        }
        return t;
    }

    // Index of the first figure of `f` with this metric and code, printed in `unit` (any unit when `unit` is nullptr).
    std::optional<std::size_t> find(const Filing& f, const std::string& metric, const std::string& code, const char* unit) const {
        for (std::size_t i = 0; i < f.figures.size(); ++i) {
            const Figure& g = f.figures[i];
            if (g.metric == metric && g.code == code && (!unit || g.unit == unit)) return i;
        }
        return std::nullopt;
    }

    std::optional<Term> cell_of(const Auditor& on, const Subject& s, const std::string& code) const {
        if (!s.cell) return std::nullopt;
        const Address& c = *s.cell;
        return on.cell(c.kind, c.block, c.row ? c.row : code, c.column);
    }

    // This year's amount: as the narrative states it where it does (a wrong statement is n-amount's finding,
    // not this rule's), else from this year's tables.
    std::optional<Term> this_year(const Subject& s, const std::string& code) const {
        if (auto i = find(f_, s.current_metric, code, "万元")) return a_.figure_term(*i);
        return cell_of(a_, s, code);
    }

    // What the department published for the same line the year before: last year's table cell; for a
    // renamed or merged function code (data/code-mapping.json), the sum of the lines it continues; for
    // 机关运行经费, last year's narrative. nullopt when last year's filing does not publish it.
    std::optional<Term> last_year(const Subject& s, const std::string& code) const {
        if (!s.cell) {
            if (auto i = find(prev_, s.current_metric, code, "万元")) return as_last_year(last_.figure_term(*i), s.name);
            return std::nullopt;
        }
        if (auto t = cell_of(last_, s, code)) return as_last_year(*t, s.name);
        if (!s.coded) return std::nullopt;
        for (const auto& m : a_.code_mappings()) {
            if (m.to != code || m.from_year != prev_.year) continue;
            std::vector<Term> parts;
            for (const auto& from : m.from)
                if (auto t = cell_of(last_, s, from)) parts.push_back(as_last_year(*t, s.name));
            if (!parts.empty()) {
                std::string codes;
                for (const auto& from : m.from) codes += (codes.empty() ? "" : "、") + from;
                Term sum = Auditor::add(parts, year() + "年度决算 一般公共预算财政拨款支出决算表 原科目 " + codes + " 合计");
                sum.unit = "万元";
                return sum;
            }
        }
        return std::nullopt;
    }

    // A note on the message when the department was published under another name last year.
    std::string renamed_note() const {
        return prev_.department_name == f_.department_name ? std::string()
                                                            : "（上年以“" + prev_.department_name + "”名义公开）";
    }

    // A warning; only a note where the narrative explains a change of basis, or where this year's amount is a
    // table cell that a table rule already finds wrong (then the prior year it implies is in doubt, too).
    Severity severity_for(const Figure& fig, const Term& current) const {
        return basis_explained(f_, fig) || a_.names_failed_table_cell(current) ? Severity::Info : Severity::Warning;
    }

    std::string line_name(const Subject& s, const std::string& code) const {
        if (!s.coded) return s.name;
        std::string name;
        for (K k : {K::GeneralBudgetExpenditure, K::Expenditure})
            if (const Table* t = name.empty() ? f_.table(k) : nullptr)
                if (const Block* b = t->block("main"))
                    if (const Row* r = b->row_by_code(code)) name = r->name;
        return "科目 " + code + (name.empty() ? "" : " " + name);
    }

    void subject(const Subject& s, const std::string& code) {
        std::string p = s.prefix;
        auto current = this_year(s, code);
        auto last = last_year(s, code);
        std::string name = line_name(s, code);
        const char* prior_rule = s.coded ? "y-function-prior" : "y-prior";

        // Stated prior-year figures (“上年决算数为X万元”).
        for (std::size_t i = 0; i < f_.figures.size(); ++i) {
            const Figure& fig = f_.figures[i];
            if (fig.metric != p + ".prior" || fig.code != code || fig.unit != "万元") continue;
            Severity severity = basis_explained(f_, fig) ? Severity::Info : Severity::Warning;
            Term stated = a_.figure_term(i);
            stated.label = place_of(fig) + "所述的上年" + name;
            if (!last) {
                // A function line last year's tables do not have (and no documented rename continues).
                if (s.coded && prev_.table(K::GeneralBudgetExpenditure) && !prev_.table(K::GeneralBudgetExpenditure)->absent &&
                    stated.micro != 0)
                    a_.flag(prior_rule, severity,
                            place_of(fig) + "称上年" + name + "为 " + fig.value.printed + " 万元，但" + said_last_year() +
                                "一般公共预算财政拨款支出决算表中没有这一科目，data/code-mapping.json 也没有记载它的改名或合并。" + renamed_note(),
                            stated.refs, "上年决算表中的同一科目", "无此科目", fig.sentence,
                            place_of(fig) + "写上年" + name + "是 " + fig.value.printed + " 万元，但" + said_last_year() +
                                "一般公共预算财政拨款支出决算表里没有这个科目");
                continue;
            }
            a_.check_same(prior_rule, stated, *last, "说明所述的上年数应与上年公开的决算一致" + renamed_note(), fig.sentence, severity);
        }
        if (!current || !last) return;

        // The stated change: this year's amount ∓ the change is the prior year it implies.
        auto change_i = find(f_, p + ".yoy_change", code, nullptr);
        if (change_i) {
            const Figure& fig = f_.figures[*change_i];
            int direction = direction_of(fig.direction);
            if (fig.unit != "万元" || direction == 2) return;
            Term change = a_.figure_term(*change_i);
            Term implied;
            implied.micro = direction < 0 ? current->micro + change.micro : direction > 0 ? current->micro - change.micro : current->micro;
            implied.half = current->half + change.half;
            implied.refs = change.refs;
            implied.refs.insert(implied.refs.end(), current->refs.begin(), current->refs.end());
            implied.label = place_of(fig) + "按“" + fig.direction + (direction == 0 ? "" : fig.value.printed + "万元") + "”推得的上年" + name;
            Severity severity = severity_for(fig, *current);
            a_.check_same("y-change", implied, *last, "说明所述的增减额应与上年公开的决算数相符" + renamed_note(), fig.sentence, severity);
            return;  // the rate is checked against the amount by n-yoy
        }

        // Only a rate is stated: its direction and size against last year's publication.
        auto pct_i = find(f_, p + ".yoy_pct", code, "%");
        if (!pct_i) return;
        const Figure& fig = f_.figures[*pct_i];
        int direction = direction_of(fig.direction);
        if (direction == 2) return;
        Severity severity = severity_for(fig, *current);
        Term pct = a_.figure_term(*pct_i);
        std::int64_t actual = current->micro - last->micro, tol = current->half + last->half;
        bool contradicts = (direction < 0 && actual > tol) || (direction > 0 && actual < -tol) || (direction == 0 && std::llabs(actual) > tol);
        if (contradicts) {
            std::vector<CellRef> cells = pct.refs;
            cells.insert(cells.end(), current->refs.begin(), current->refs.end());
            cells.insert(cells.end(), last->refs.begin(), last->refs.end());
            std::string really = actual > 0 ? "增加" : "减少";
            std::string amount = format_micro(std::llabs(actual), 2);
            std::string rate = last->micro > 0 ? "（" + format_micro(*percent_micro(std::llabs(actual), last->micro), 2) + "%）" : "";
            std::string stated = fig.direction + (direction == 0 ? "" : fig.value.printed + "%");
            a_.flag("y-rate", severity,
                    place_of(fig) + "称" + name + "比上年“" + stated + "”，但本年数 " + term_text(*current) + " 万元与" + last->label + " " +
                        term_text(*last) + " 万元相比是" + really + " " + amount + " 万元" + rate + "。" + renamed_note(),
                    cells, really + amount + "万元" + rate, stated, fig.sentence,
                    place_of(fig) + "写" + name + "比上年“" + stated + "”，但与" + said_last_year() + "数（" + term_text(*last) +
                        " 万元）相比，实际是" + really + " " + amount + " 万元" + rate);
            return;
        }
        Term part;
        part.micro = std::llabs(actual);
        part.half = tol;
        part.refs = current->refs;
        part.refs.insert(part.refs.end(), last->refs.begin(), last->refs.end());
        part.label = "本年" + name + "与" + said_last_year() + "数之差";
        a_.check_ratio("y-rate", pct, part, *last, "说明所述的增减率应等于与上年公开数之差除以上年公开数" + renamed_note(), fig.sentence,
                       severity);
    }

    Auditor& a_;
    const Filing& f_;
    const Filing& prev_;
    Auditor last_;  // reads last year's cells (its own report is never used)
};

}  // namespace

void audit_years(Auditor& a) {
    const Filing* prev = a.previous();
    // Only the year just before, of the same department, in the same unit.
    if (!prev || prev->year != a.filing().year - 1 || prev->slug != a.filing().slug || prev->county_dir != a.filing().county_dir ||
        prev->unit != a.filing().unit)
        return;
    YearsAudit(a, *prev).run();
}

}  // namespace gongkai
