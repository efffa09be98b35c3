#pragma once
// The audit's working state for one filing: typed access to cells and figures as rounding-aware terms,
// and the three kinds of check every rule is made of (sum, same value, ratio). Each check records the
// cells it read (coverage) and, when the numbers disagree beyond what rounding explains, a Finding.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/finding.hpp"
#include "audit/rule_catalog.hpp"
#include "model/code_mapping.hpp"
#include "model/filing.hpp"

namespace gongkai {

// A number taking part in a check: its value, the largest rounding error it can carry, and its cells.
struct Term {
    std::int64_t micro = 0;
    std::int64_t half = 0;  // half a unit of the last printed digit; 0 for a blank cell (exactly nothing)
    bool blank = false;
    std::vector<CellRef> refs;
    std::string label;  // zh-CN, for messages
    std::string unit = "万元";  // "万元", "%", "元" (a stated amount not yet converted) or a count's unit ("辆", "" …)
};

// Half a unit in the last printed digit, in millionths ("1577.61" -> 5000).
std::int64_t half_unit(int decimals);

// The range a ratio part/whole (in millionths of a percent) can take given the rounding of both.
struct RatioRange {
    bool defined = false;  // false when the whole may be zero or less
    std::int64_t lo = 0, hi = 0, mid = 0;
};
RatioRange ratio_range(const Term& part, const Term& whole);
// True when the printed percentage (± its own rounding) meets the range.
bool ratio_matches(const Term& pct, const RatioRange& range);

class Auditor;
// The terms of `rows` in `column` of a block, in order, leaving out rows or cells the table does not print.
std::vector<Term> present(const Auditor& a, TableKind kind, const std::string& block, const std::vector<std::string>& rows,
                          const std::string& column);
// The terms of `columns` of one row, in order, leaving out those the table does not print.
std::vector<Term> present_columns(const Auditor& a, TableKind kind, const std::string& block, const std::string& row,
                                  const std::vector<std::string>& columns);

class Auditor {
public:
    // `previous`: the same department's filing of the year before, when it is loaded (the across-years rules
    // compare with it); `mappings`: the function codes renamed between years (data/code-mapping.json);
    // `budget`: for a 决算, the same department's 部门预算 of the same year, when loaded (x-budget-final).
    explicit Auditor(const Filing& f, const Filing* previous = nullptr, const CodeMappings* mappings = nullptr,
                     const Filing* budget = nullptr)
        : f_(f), previous_(previous), mappings_(mappings), budget_(budget) {}

    // False: checks are counted but the cells they read are not recorded in the report's covered_cells.
    void set_coverage(bool on) { coverage_ = on; }

    const Filing& filing() const { return f_; }
    // The same department's filing of the previous year, or nullptr when there is none.
    const Filing* previous() const { return previous_; }
    // The same department's 部门预算 of the same year (for a 决算), or nullptr when there is none.
    const Filing* budget() const { return budget_; }
    // The documented code renames and merges (never nullptr: empty when none were given).
    const CodeMappings& code_mappings() const {
        static const CodeMappings none;
        return mappings_ ? *mappings_ : none;
    }

    // A table cell as a term; nullopt when the table, block, row or column does not exist.
    // A blank cell is a term with value 0 and no rounding error.
    std::optional<Term> cell(TableKind kind, const std::string& block, const std::string& row, const std::string& column) const;
    // Every coded row of a block, in printed order.
    std::vector<const Row*> coded_rows(TableKind kind, const std::string& block) const;
    // A narrative figure as a term (amounts converted to 万元 when printed in 元 is NOT done here).
    Term figure_term(std::size_t index) const;

    // Sum of terms; the label lists the parts.
    static Term add(const std::vector<Term>& parts, const std::string& label);

    // total == Σ parts within the summed rounding tolerance.
    void check_sum(const std::string& rule, const Term& total, const std::vector<Term>& parts, const std::string& what);
    // a == b: exact when printed with the same decimals, else within the sum of their half units.
    void check_same(const std::string& rule, const Term& a, const Term& b, const std::string& what,
                    const std::string& sentence = {}, std::optional<Severity> severity = std::nullopt);
    // part ≤ whole. Rounding never reverses an order, so two amounts printed with the same decimals compare as
    // printed (4.01 exceeds 4.00); with different decimals the part may exceed by the two half units. A part
    // beyond that is an Exceeds finding naming both cells; `why` (may be empty) follows its message.
    void check_not_above(const std::string& rule, const Term& part, const Term& whole, const std::string& what,
                         const std::string& why = {});
    // pct == part / whole × 100 within interval arithmetic on all three; `severity` overrides the rule's.
    void check_ratio(const std::string& rule, const Term& pct, const Term& part, const Term& whole, const std::string& what,
                     const std::string& sentence = {}, std::optional<Severity> severity = std::nullopt);
    // Records a finding directly (for checks that are not arithmetic, such as direction words); `headline`
    // is its plain-language headline for citizens (both numbers, no rule id).
    void flag(const std::string& rule, Severity severity, std::string message, std::vector<CellRef> cells,
              std::string expected = {}, std::string found = {}, std::string sentence = {}, std::string headline = {});
    // Records a finding built by a rule (its size fields set where it has numbers); materiality is assessed here.
    void flag(Finding f);
    // Records that a rule ran one check (and the cells it read) without a finding.
    void pass(const std::string& rule, const std::vector<const Term*>& terms);

    AuditReport take_report() { return std::move(report_); }

    // True when an error of a table rule already names this term's cell (so the cell itself is in doubt).
    bool names_failed_table_cell(const Term& t) const;

private:
    // The usual number of decimals of a table's printed amounts (cached).
    int table_precision(const Table& t) const;
    mutable std::map<const Table*, int> precision_;
    void cover(const std::string& rule, const std::vector<const Term*>& terms);
    // Assesses the finding's materiality, marks its rule failed (unless it is a note) and keeps it.
    void record(Finding f);
    const Filing& f_;
    const Filing* previous_ = nullptr;
    const CodeMappings* mappings_ = nullptr;
    const Filing* budget_ = nullptr;
    bool coverage_ = true;
    AuditReport report_;
};

// "1577.61" style text of a term's value, with the printed precision where there is one; a cell of a table
// printed in 元 keeps its 元 ("31,214,205.80元"), and so does a sum of such cells.
std::string term_text(const Term& t);
// True when every cell of the term is a cell of a table printed in 元 (its value is still in millionths of 万元).
bool in_yuan(const Term& t);
// An amount in millionths of 万元 as text: in 元 with its unit ("31,214,205.80元") when `yuan`, else "3121.42".
std::string amount_text(std::int64_t micro, bool yuan);

}  // namespace gongkai
