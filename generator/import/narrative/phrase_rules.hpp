#pragma once
// The wording of the 情况说明 templates (Hunan's and Shanghai's): which part of the narrative a heading
// opens, which phrases name the thing a number is about (its subject), which words before a number say
// what the number is (amount, share, change, budget, actual, completion, count), and the metric id the
// two give together (docs/filing-format.md, "Narrative figures").
#include <optional>
#include <string>
#include <vector>

#include "import/narrative/narrative_text.hpp"

namespace gongkai::import::narrative {

// What a (sub)section of the 情况说明 is about.
enum class Part {
    unknown, total, income, expenditure, fiscal, gb, basic, three_public, gov_fund, state_capital,
    operating_cost, general, procurement, assets, performance,
};

// The part a heading ("五、一般公共预算财政拨款支出决算情况说明", "（二）政府采购支出情况") names; unknown when none.
Part part_of_heading(const std::string& heading);

// How the counts of a subject are named.
enum class Counts {
    none,      // the subject has no counts
    self,      // the subject itself is the count (vehicles of a category, projects rated 优, …)
    groups,    // 团组/批次 (个) → groups, 人次 → persons, 来宾…人 → guests, 辆 → count
    projects,  // 项目…个 → projects, …分 → score
    persons,   // 人数…人 → persons, …个/次 → sessions
};

// The thing a number is about.
struct Subject {
    std::string key;     // metric stem, e.g. "income.fiscal", "three_public.reception"
    std::string amount;  // metric of a plain amount, e.g. "income.fiscal.amount", "gb.total"
    std::string code;    // function code, for classes and items
    Counts counts = Counts::none;
    std::string count_stem;  // stem of groups/persons metrics when not key + "."
    bool money = true;       // false: only counts (vehicles, ratings)
    bool budget_is_amount = false;  // "涉及预算金额" is the subject's amount, not a budget
    bool item = false;       // an item heading's subject (its code is resolved at the item's end)
};

struct SubjectPhrase {
    std::string phrase;  // normalized (no spaces, full-width brackets)
    Subject subject;
};

// The phrases that name subjects in a part, longest first.
const std::vector<SubjectPhrase>& subject_phrases(Part part);
// Phrases after a count that name what was counted ("对3个项目开展了事前绩效评估"), for performance.
const std::vector<SubjectPhrase>& trailing_phrases(Part part);
// The subject a part starts with ("收、支总计" in 一, "财政拨款支出" in 五 …), if it has one.
std::optional<Subject> default_subject(Part part);
// The subject of a function class (gb.class with its code) and of an item in a part.
Subject class_subject(const std::string& code);
Subject item_subject(Part part);

// The last subject phrase named in `text` (normalized), scanning leftmost-longest.
std::optional<Subject> last_subject(const std::string& text, const std::vector<SubjectPhrase>& phrases,
                                    const std::vector<SubjectPhrase>& more = {});

// What the words before a number say it is.
enum class Role {
    amount, share, yoy_change, yoy_pct, budget, actual, completion, full_year_budget, full_year_completion,
    awarded, count, unknown,
};

struct RoleReading {
    Role role = Role::unknown;
    std::string direction;  // 增加/减少/增长/下降/上升 for changes, as printed
    std::string unit;       // the unit when the number printed none but the wording implies it ("增长 13.95")
};

// Reads the role from the number's unit and the text since the previous figure (`lead`, as printed).
RoleReading role_of(const NumberToken& token, const std::string& lead);

// The comparison word printed after a completion rate ("决算数小于年初预算数"), "" when none.
std::string completion_direction(const std::string& trail);

// The metric for a subject and a role; "" when the two do not make a figure the format names.
std::string metric_of(const Subject& subject, const RoleReading& role, const NumberToken& token,
                      const std::string& lead);

}  // namespace gongkai::import::narrative
