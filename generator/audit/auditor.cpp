#include "audit/auditor.hpp"

#include <algorithm>

#include <limits>
#include <map>

#include "audit/materiality.hpp"
#include "model/money.hpp"

namespace gongkai {

namespace {

std::string short_table_name(TableKind k) {
    switch (k) {
        case TableKind::IncomeExpenditureSummary: return "收入支出决算总表";
        case TableKind::Income: return "收入决算表";
        case TableKind::Expenditure: return "支出决算表";
        case TableKind::FiscalSummary: return "财政拨款收入支出决算总表";
        case TableKind::GeneralBudgetExpenditure: return "一般公共预算财政拨款支出决算表";
        case TableKind::BasicExpenditure: return "基本支出明细表";
        case TableKind::GovernmentFund: return "政府性基金表";
        case TableKind::StateCapital: return "国有资本经营表";
        case TableKind::ThreePublic: return "“三公”经费表";
        default: break;
    }
    return std::string(standard_table_title(k));  // budget tables: their standard title
}

using Wide = Int128;  // sums and ratios of up to thousands of amounts below 10^18 millionths never overflow

Wide abs_wide(Wide v) { return v < 0 ? -v : v; }

std::int64_t clamp64(Wide v) {
    constexpr Wide hi = std::numeric_limits<std::int64_t>::max(), lo = std::numeric_limits<std::int64_t>::min();
    return static_cast<std::int64_t>(v > hi ? hi : v < lo ? lo : v);
}

// Floor/ceil of a*100*1e6/b for a >= 0, b > 0, in millionths of a percent (clamped to int64).
std::int64_t ratio_floor(Wide a, Wide b) { return clamp64((a * 100 * kMicro) / b); }
std::int64_t ratio_ceil(Wide a, Wide b) { return clamp64((a * 100 * kMicro + b - 1) / b); }

std::string wide_text(Wide v) { return format_micro(clamp64(v), 2); }

// A row name without the ordinal the publication numbers it with ("八、社会保障和就业支出" -> "社会保障和就业支出").
std::string without_ordinal(const std::string& name) {
    static const std::string digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    std::size_t pos = 0;
    for (bool more = true; more;) {
        more = false;
        for (const auto& d : digits)
            if (name.compare(pos, d.size(), d) == 0) {
                pos += d.size();
                more = true;
            }
    }
    const std::string comma = "、";
    if (pos > 0 && name.compare(pos, comma.size(), comma) == 0) return name.substr(pos + comma.size());
    return name;
}

}  // namespace

std::int64_t half_unit(int decimals) {
    if (decimals >= 6) return 0;
    std::int64_t h = kMicro / 2;
    for (int i = 0; i < decimals; ++i) h /= 10;
    return h;
}

// A percentage figure's text, with exactly one "%".
static std::string pct_of(const Term& t) {
    std::string s = term_text(t);
    return s.size() && s.back() == '%' ? s : s + "%";
}

bool in_yuan(const Term& t) {
    return !t.refs.empty() && std::all_of(t.refs.begin(), t.refs.end(), [](const CellRef& r) { return r.unit == "元"; });
}

std::string amount_text(std::int64_t micro, bool yuan) {
    if (!yuan) return format_micro(micro, 2);
    // A millionth of 万元 is one 分: the value in 元 is micro / 100 (clamped, far beyond any real amount).
    return format_micro_grouped(clamp64(static_cast<Wide>(micro) * 10'000), 2) + "元";
}

std::string term_text(const Term& t) {
    if (t.refs.size() == 1 && !t.refs[0].printed.empty()) return t.refs[0].printed + t.refs[0].unit;
    if (t.blank) return "空白";
    if (in_yuan(t)) return amount_text(t.micro, true);
    int decimals = 2;
    if (t.half == 0) decimals = 2;
    return format_micro(t.micro, decimals);
}

int Auditor::table_precision(const Table& t) const {
    auto it = precision_.find(&t);
    if (it != precision_.end()) return it->second;
    // The most common number of decimals among the table's non-zero cells (ties: the smaller).
    std::map<int, int> counts;
    for (const auto& b : t.blocks)
        for (const auto& r : b.rows)
            for (const auto& c : r.cells)
                if (c && c->micro != 0) ++counts[c->decimals];
    int best = 0, best_count = 0;
    for (const auto& [d, n] : counts)
        if (n > best_count) best = d, best_count = n;
    precision_[&t] = best;
    return best;
}

std::optional<Term> Auditor::cell(TableKind kind, const std::string& block_id, const std::string& row_id,
                                  const std::string& column) const {
    const Table* t = f_.table(kind);
    if (!t) return std::nullopt;
    const Block* b = t->block(block_id);
    if (!b) return std::nullopt;
    const Row* r = b->row_by_key(row_id);
    if (!r) r = b->row_by_code(row_id);
    int ci = b->column_index(column);
    if (!r || ci < 0) return std::nullopt;
    std::size_t bi = static_cast<std::size_t>(b - t->blocks.data());
    std::size_t ri = static_cast<std::size_t>(r - b->rows.data());
    const Cell& c = r->cells[static_cast<std::size_t>(ci)];
    Term term;
    std::string row_label = r->name.empty() ? row_id : r->name;
    if (!r->code.empty()) row_label = r->code + " " + r->name;
    term.label = short_table_name(kind) + "“" + row_label + "”" + b->columns[static_cast<std::size_t>(ci)].label;
    std::string row_plain = without_ordinal(r->name.empty() ? row_id : r->name);
    CellRef ref{std::string(table_kind_id(kind)), block_id, r->code.empty() ? r->key : r->code, column, term.label,
                c ? c->printed : "", std::string(table_kind_id(kind)) + "-" + block_id + "-" + (r->code.empty() ? r->key : r->code),
                t->pointer + "/blocks/" + std::to_string(bi) + "/rows/" + std::to_string(ri) + "/values/" + column,
                short_table_name(kind) + "里“" + row_plain + "”的" + b->columns[static_cast<std::size_t>(ci)].label};
    if (t->unit == "元") ref.unit = "元";
    term.refs.push_back(std::move(ref));
    if (c) {
        term.micro = c->micro;
        // A zero printed without decimals ("0") is a stated nothing, not a rounded value. A number printed
        // with fewer decimals than the table usually has ("8" among "0.64", "6.68") had its zeros dropped:
        // it is as precise as the table.
        // (A table printed in 元 counts its decimals in 万元, four more than printed: its "0" has 4.)
        const int printed_decimals = c->decimals - (t->unit == "元" ? 4 : 0);
        term.half = (c->micro == 0 && printed_decimals <= 0) ? 0 : half_unit(std::max(c->decimals, table_precision(*t)));
    } else {
        term.blank = true;
    }
    return term;
}

std::vector<const Row*> Auditor::coded_rows(TableKind kind, const std::string& block_id) const {
    std::vector<const Row*> out;
    const Table* t = f_.table(kind);
    const Block* b = t ? t->block(block_id) : nullptr;
    if (!b) return out;
    for (const auto& r : b->rows)
        if (!r.code.empty()) out.push_back(&r);
    return out;
}

Term Auditor::figure_term(std::size_t index) const {
    const Figure& fig = f_.figures[index];
    Term t;
    t.micro = fig.value.micro;
    t.half = (fig.value.micro == 0 && fig.value.decimals == 0) ? 0 : half_unit(fig.value.decimals);
    t.label = fig.section.empty() ? std::string("情况说明所述") : "情况说明（" + fig.section + "）所述";
    t.unit = fig.unit;
    // The name the tables give the figure's code (a function class or item), for wording it plainly.
    std::string code_name;
    for (TableKind k : {TableKind::GeneralBudgetExpenditure, TableKind::Expenditure, TableKind::GovernmentFund, TableKind::StateCapital,
                        TableKind::BudgetGeneralFunction, TableKind::BudgetExpenditure, TableKind::BudgetGovernmentFund,
                        TableKind::BudgetStateCapital})
        if (const Table* tb = fig.code.empty() || !code_name.empty() ? nullptr : f_.table(k))
            if (const Block* b = tb->block("main"))
                if (const Row* r = b->row_by_code(fig.code)) code_name = without_ordinal(r->name);
    t.refs.push_back({"narrative", fig.metric, fig.code, "value", t.label, fig.value.printed + fig.unit, "fig-" + std::to_string(index),
                      "/narrative/figures/" + std::to_string(index), code_name});
    return t;
}

Term Auditor::add(const std::vector<Term>& parts, const std::string& label) {
    Term sum;
    sum.label = label;
    sum.blank = true;
    if (!parts.empty()) sum.unit = parts.front().unit;
    Wide micro = 0, half = 0;
    for (const auto& p : parts) {
        micro += p.micro;
        half += p.half;
        sum.blank = sum.blank && p.blank;
        sum.refs.insert(sum.refs.end(), p.refs.begin(), p.refs.end());
    }
    sum.micro = clamp64(micro);
    sum.half = clamp64(half);
    return sum;
}

void Auditor::cover(const std::string& rule, const std::vector<const Term*>& terms) {
    ++report_.checks_by_rule[rule];
    if (!coverage_) return;
    for (const Term* t : terms)
        for (const auto& r : t->refs)
            if (r.table != "narrative" && !r.printed.empty()) report_.covered_cells.insert(cell_key(r.table, r.block, r.row, r.column));
}

void Auditor::pass(const std::string& rule, const std::vector<const Term*>& terms) { cover(rule, terms); }

void Auditor::record(Finding f) {
    assess_materiality(f);
    if (f.severity != Severity::Info) report_.failed_rules.insert(f.rule);
    report_.findings.push_back(std::move(f));
}

void Auditor::flag(Finding f) {
    ++report_.checks_by_rule[f.rule];
    if (f.found_cells == 0) f.found_cells = std::min<std::size_t>(1, f.cells.size());
    record(std::move(f));
}

void Auditor::flag(const std::string& rule, Severity severity, std::string message, std::vector<CellRef> cells,
                   std::string expected, std::string found, std::string sentence, std::string headline) {
    Finding f;
    f.rule = rule;
    f.severity = severity;
    f.message = std::move(message);
    f.expected = std::move(expected);
    f.found = std::move(found);
    f.cells = std::move(cells);
    f.sentence = std::move(sentence);
    f.headline = std::move(headline);
    flag(std::move(f));
}

namespace {

// A finding of an arithmetic check with its two sides: what was found (and its cells first) and what was expected.
Finding arithmetic(const std::string& rule, Severity severity, CheckKind kind, const Term& found, const std::string& expected_label,
                   std::vector<CellRef> other_cells) {
    Finding f;
    f.rule = rule;
    f.severity = severity;
    f.check = kind;
    f.unit = found.unit;
    f.cells = found.refs;
    f.found_cells = found.refs.size();
    f.cells.insert(f.cells.end(), other_cells.begin(), other_cells.end());
    f.found_label = found.label;
    f.expected_label = expected_label;
    return f;
}

}  // namespace

void Auditor::check_sum(const std::string& rule, const Term& total, const std::vector<Term>& parts, const std::string& what) {
    std::vector<const Term*> all{&total};
    for (const auto& p : parts) all.push_back(&p);
    cover(rule, all);
    Wide sum_micro = 0, tol = total.half;
    for (const auto& p : parts) {
        sum_micro += p.micro;
        tol += p.half;
    }
    Wide diff = static_cast<Wide>(total.micro) - sum_micro;
    if (abs_wide(diff) <= tol) return;
    std::vector<CellRef> part_refs;  // only a finding needs them
    for (const auto& p : parts) part_refs.insert(part_refs.end(), p.refs.begin(), p.refs.end());
    int rounded = (total.half > 0) + static_cast<int>(std::count_if(parts.begin(), parts.end(), [](const Term& t) { return t.half > 0; }));
    // A table printed in 元 is reported in 元.
    const bool yuan = in_yuan(total) && std::all_of(parts.begin(), parts.end(), [](const Term& t) { return in_yuan(t) || t.refs.empty(); });
    std::string tolerance = "±" + (yuan ? amount_text(clamp64(tol), true) : format_micro(clamp64(tol), 4)) + "（" +
                            std::to_string(rounded) + " 个四舍五入的印刷数）";
    std::string found = term_text(total);
    std::string sum_text = yuan ? amount_text(clamp64(sum_micro), true) : wide_text(sum_micro);
    std::string expected = sum_text + "（各项之和）";
    std::string message = what + "：" + total.label + " 为 " + found + "，各项之和为 " + sum_text + "，相差 " +
                          (yuan ? amount_text(clamp64(abs_wide(diff)), true) : wide_text(abs_wide(diff))) + "，超出四舍五入可解释的范围 " +
                          tolerance + "。";
    std::string parts_label;
    for (const auto& p : parts) parts_label += (parts_label.empty() ? "" : "、") + p.label;
    Finding f = arithmetic(rule, rule_info(rule).severity, CheckKind::Sum, total, "各项之和", part_refs);
    f.message = message;
    f.expected = expected;
    f.found = found;
    f.tolerance = tolerance;
    f.found_value = total.micro;
    f.expected_value = clamp64(sum_micro);
    f.difference = clamp64(abs_wide(diff));
    f.excess = clamp64(abs_wide(diff) - tol);
    record(std::move(f));
}

void Auditor::check_same(const std::string& rule, const Term& a, const Term& b, const std::string& what, const std::string& sentence,
                         std::optional<Severity> severity_override) {
    Severity severity = severity_override.value_or(rule_info(rule).severity);
    cover(rule, {&a, &b});
    bool same_precision = a.half == b.half;
    Wide tol = same_precision ? 0 : static_cast<Wide>(a.half) + b.half;
    Wide diff = static_cast<Wide>(a.micro) - b.micro;
    if (abs_wide(diff) <= tol) return;
    const bool yuan = in_yuan(a) && in_yuan(b);  // both cells of tables printed in 元: the difference in 元
    std::string tolerance = tol == 0 ? "须完全一致" : "±" + (yuan ? amount_text(clamp64(tol), true) : format_micro(clamp64(tol), 4));
    std::string message = what + "：" + a.label + " 为 " + term_text(a) + "，而 " + b.label + " 为 " + term_text(b) + "，相差 " +
                          (yuan ? amount_text(clamp64(abs_wide(diff)), true) : wide_text(abs_wide(diff))) + "（" + tolerance + "）。";
    Finding f = arithmetic(rule, severity, CheckKind::Same, a, b.label, b.refs);
    f.message = message;
    f.expected = term_text(b);
    f.found = term_text(a);
    f.tolerance = tolerance;
    f.sentence = sentence;
    f.found_value = a.micro;
    f.expected_value = b.micro;
    f.difference = clamp64(abs_wide(diff));
    f.excess = clamp64(abs_wide(diff) - tol);
    record(std::move(f));
}

void Auditor::check_not_above(const std::string& rule, const Term& part, const Term& whole, const std::string& what,
                              const std::string& why) {
    const Wide tol = part.half == whole.half ? 0 : static_cast<Wide>(part.half) + whole.half;
    const Wide over = static_cast<Wide>(part.micro) - whole.micro;
    if (over <= tol) {
        pass(rule, {&part, &whole});
        return;
    }
    Finding fd;
    fd.rule = rule;
    fd.severity = rule_info(rule).severity;
    fd.check = CheckKind::Exceeds;
    fd.message = what + "：" + part.label + " 为 " + term_text(part) + "，大于 " + whole.label + " " + term_text(whole) + "。" + why;
    fd.cells = part.refs;
    fd.cells.insert(fd.cells.end(), whole.refs.begin(), whole.refs.end());
    fd.found_cells = part.refs.size();
    fd.expected = "不超过 " + term_text(whole);
    fd.found = term_text(part);
    fd.tolerance = tol == 0 ? "小数位相同，按印刷数比较" : "允许超出两数末位一半之和 " + format_micro(clamp64(tol), 4);
    fd.unit = part.unit;
    fd.found_label = part.label;
    fd.expected_label = whole.label;
    fd.found_value = part.micro;
    fd.expected_value = whole.micro;
    fd.difference = clamp64(over);
    fd.excess = clamp64(over - tol);
    flag(std::move(fd));
}

RatioRange ratio_range(const Term& part, const Term& whole) {
    RatioRange r;
    Wide whole_lo = static_cast<Wide>(whole.micro) - whole.half, whole_hi = static_cast<Wide>(whole.micro) + whole.half;
    Wide part_lo = std::max<Wide>(0, static_cast<Wide>(part.micro) - part.half), part_hi = static_cast<Wide>(part.micro) + part.half;
    if (whole_lo <= 0 || part.micro < 0) return r;
    r.defined = true;
    r.lo = ratio_floor(part_lo, whole_hi);
    r.hi = ratio_ceil(part_hi, whole_lo);
    r.mid = percent_micro(part.micro, whole.micro).value_or(r.lo);
    return r;
}

bool ratio_matches(const Term& pct, const RatioRange& r) {
    return r.defined && static_cast<Wide>(pct.micro) + pct.half >= r.lo && static_cast<Wide>(pct.micro) - pct.half <= r.hi;
}

void Auditor::check_ratio(const std::string& rule, const Term& pct, const Term& part, const Term& whole, const std::string& what,
                          const std::string& sentence, std::optional<Severity> severity_override) {
    Severity rule_severity = severity_override.value_or(rule_info(rule).severity);
    cover(rule, {&pct, &part, &whole});
    std::vector<CellRef> operands = part.refs;
    operands.insert(operands.end(), whole.refs.begin(), whole.refs.end());
    RatioRange range = ratio_range(part, whole);
    if (!range.defined) {
        // A share of nothing: only "0%" of a zero part is harmless; anything else cannot be computed.
        bool harmless = pct.micro == 0 && part.micro == 0;
        // “增长100%” from nothing is a common convention for a new unit: a warning, not an error.
        bool conventional = whole.micro == 0 && part.micro > 0 && pct.micro == 100 * kMicro;
        Severity severity = harmless ? Severity::Info : conventional && rule_severity != Severity::Info ? Severity::Warning : rule_severity;
        Finding f = arithmetic(rule, severity, CheckKind::NoBase, pct, whole.label, operands);
        f.unit = "%";
        f.message = harmless ? what + "：" + whole.label + " 为 " + term_text(whole) + "，比例无从计算，说明中写作 " + pct_of(pct) + "。"
                             : what + "：" + whole.label + " 为 " + term_text(whole) + "，无法得出 " + pct_of(pct) + "。" +
                                   (conventional ? "（基数为 0 时比例无从计算；原文按惯例写作 100%。）" : "");
        f.expected = "无法计算";
        f.found = pct_of(pct);
        f.sentence = sentence;
        f.found_value = pct.micro;
        f.base_cells = whole.refs.size();
        f.expected_value = whole.micro;  // the base, in 万元 (not the unit of the finding)
        record(std::move(f));
        return;
    }
    if (ratio_matches(pct, range)) return;
    std::string expected = format_micro(range.mid, 2) + "%（" + term_text(part) + " ÷ " + term_text(whole) + "）";
    std::string message = what + "：说明中为 " + pct_of(pct) + "，由 " + part.label + "（" + term_text(part) + "）÷ " + whole.label +
                          "（" + term_text(whole) + "）算得 " + format_micro(range.mid, 2) + "%，考虑四舍五入的可能范围为 " +
                          format_micro(range.lo, 2) + "%–" + format_micro(range.hi, 2) + "%。";
    Finding f = arithmetic(rule, rule_severity, CheckKind::Ratio, pct, part.label + " ÷ " + whole.label, operands);
    f.unit = "%";
    f.message = message;
    f.expected = expected;
    f.found = pct_of(pct);
    f.tolerance = "区间 " + format_micro(range.lo, 2) + "%–" + format_micro(range.hi, 2) + "%";
    f.sentence = sentence;
    f.found_value = pct.micro;
    f.expected_value = range.mid;
    f.difference = std::llabs(pct.micro - range.mid);
    // How far the printed percentage (± its own rounding) stays outside the possible range.
    Wide below = static_cast<Wide>(range.lo) - (static_cast<Wide>(pct.micro) + pct.half);
    Wide above = (static_cast<Wide>(pct.micro) - pct.half) - range.hi;
    f.excess = clamp64(std::max<Wide>(0, std::max(below, above)));
    record(std::move(f));
}

bool Auditor::names_failed_table_cell(const Term& t) const {
    for (const auto& fd : report_.findings) {
        // A 尾差 of a table rule puts the cell in doubt just as an error does.
        // (Only table rules: a narrative rule's finding says nothing of the cell, n- for a 决算, b-narrative- for a budget.)
        if ((fd.severity != Severity::Error && fd.severity != Severity::Minor) || fd.rule.rfind("n-", 0) == 0 ||
            fd.rule.rfind("b-narrative-", 0) == 0)
            continue;
        for (const auto& c : fd.cells)
            for (const auto& r : t.refs)
                if (c.pointer == r.pointer) return true;
    }
    return false;
}

std::vector<Term> present(const Auditor& a, TableKind kind, const std::string& block, const std::vector<std::string>& rows,
                          const std::string& column) {
    std::vector<Term> out;
    for (const auto& r : rows)
        if (auto t = a.cell(kind, block, r, column)) out.push_back(*t);
    return out;
}

std::vector<Term> present_columns(const Auditor& a, TableKind kind, const std::string& block, const std::string& row,
                                  const std::vector<std::string>& columns) {
    std::vector<Term> out;
    for (const auto& c : columns)
        if (auto t = a.cell(kind, block, row, c)) out.push_back(*t);
    return out;
}

}  // namespace gongkai
