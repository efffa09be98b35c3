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
    budget_overview,  // a budget's 部门预算编制说明: income, spending by fund, then its items (类/款/项)
    project,          // a budget's 项目经费情况说明: what a project is, and its 年度预算安排
};

// The part a heading ("五、一般公共预算财政拨款支出决算情况说明", "（二）政府采购支出情况") names; unknown when none.
// `budget`: the heading of a 部门预算's 情况说明 ("2025年部门预算编制说明", "项目经费情况说明", "一、收支预算总体情况说明").
Part part_of_heading(const std::string& heading, bool budget = false);

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

// The phrases that name subjects in a part, longest first; `budget`: in a 部门预算, where amounts are planned
// (a 三公 item's amount is its .budget) and the wording differs (预算数为, 政府采购预算, 编报绩效目标的项目).
const std::vector<SubjectPhrase>& subject_phrases(Part part, bool budget = false);
// Phrases after a count that name what was counted ("对3个项目开展了事前绩效评估"), for performance; in a
// budget they open the text after the count ("2个预算单位开展了…").
const std::vector<SubjectPhrase>& trailing_phrases(Part part, bool budget = false);
// The subject a part starts with ("收、支总计" in 一, "财政拨款支出" in 五 …), if it has one.
std::optional<Subject> default_subject(Part part, bool budget = false);
// The subject of a function class (gb.class with its code) and of an item in a part (a budget's item
// amount is gb.item.amount, a 决算's gb.item.actual).
// A money subject whose plain amount is `amount` (default: key + ".amount"); used by the 决算 and budget phrases.
Subject money(const std::string& key, const std::string& amount = "");
// A subject that is only counted (vehicles of a category, projects rated 优, …): the key is the metric.
Subject counted(const std::string& key);
Subject class_subject(const std::string& code);
Subject item_subject(Part part, bool budget = false);

// The last subject phrase named in `text` (normalized), scanning leftmost-longest.
std::optional<Subject> last_subject(const std::string& text, const std::vector<SubjectPhrase>& phrases,
                                    const std::vector<SubjectPhrase>& more = {});

// What the words before a number say it is.
enum class Role {
    amount, share, yoy_change, yoy_pct, budget, actual, completion, full_year_budget, full_year_completion,
    awarded, count, prior, unknown,
};

struct RoleReading {
    Role role = Role::unknown;
    std::string direction;  // 增加/减少/增长/下降/上升 for changes, as printed
    std::string unit;       // the unit when the number printed none but the wording implies it ("增长 13.95")
};

// Reads the role from the number's unit and the text since the previous figure (`lead`, as printed). In a
// budget (`budget`) a planned amount is an amount ("预算数为X", "预算安排X"), "当年预算执行数为X" the prior
// year's figure, and "与上年预算一致X万元" a change.
RoleReading role_of(const NumberToken& token, const std::string& lead, bool budget = false);

// The comparison word printed after a completion rate ("决算数小于年初预算数"), "" when none.
std::string completion_direction(const std::string& trail);

// The metric for a subject and a role; "" when the two do not make a figure the format names.
std::string metric_of(const Subject& subject, const RoleReading& role, const NumberToken& token,
                      const std::string& lead);

// The budget's own rules (budget_phrase_rules.cpp), used by the functions above when `budget` is set.
std::vector<SubjectPhrase> budget_phrases_for(Part part, std::vector<SubjectPhrase> final_accounts);
Part budget_part_of_heading(const std::string& normalized_heading);
std::vector<SubjectPhrase> budget_trailing_phrases(Part part);

}  // namespace gongkai::import::narrative
