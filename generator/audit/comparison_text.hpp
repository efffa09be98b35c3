#pragma once
// Reading the comparison words of a 情况说明: where a sentence says that one amount is larger than, smaller
// than or equal to another (决算数小于年初预算数, 与上年持平, 比上年增加…), which word it uses, which amount is
// its subject and which its object. Only the text is read here; rules_comparison.cpp pairs the statements
// with the figures and tables and checks them.
#include <cstddef>
#include <string>
#include <vector>

#include "model/filing.hpp"

namespace gongkai {

// A piece of narrative text the statements are found in: a section as printed, or (for filings whose figures'
// sentences are not part of any section text) one figure's sentence on its own.
struct NarrativeText {
    std::string section;  // section id ("五") or the figure's section ("五（三）")
    std::string text;
};

// The narrative texts of a filing: every section, then every figure sentence found in no section.
std::vector<NarrativeText> narrative_texts(const Filing& f);

// Which budget a 决算-against-预算 statement names.
enum class BudgetScope { Any, Initial, FullYear };  // 预算数 / 年初预算数 / 全年（调整）预算数

struct ComparisonStatement {
    enum class Kind {
        BudgetActual,  // 决算 against 预算 (决算数小于预算数, 决算数与预算数持平, 决算较年初预算增加…)
        PriorYear,     // this year against last year (比上年增加, 与上年持平, 较2023年度下降…)
    };
    Kind kind = Kind::BudgetActual;
    std::size_t text = 0;           // index into narrative_texts()
    std::size_t line_begin = 0;     // offset of the start of the sentence's line (its entry) in the text
    std::size_t sentence_begin = 0, sentence_end = 0;  // the sentence, as offsets in the text
    std::size_t word_begin = 0;     // offset of the comparison word
    std::string sentence;           // the sentence as printed (without surrounding blanks)
    std::string word;               // as printed, with its modifier: "小于", "基本持平", "增加"
    std::string phrase;             // the comparison as printed, e.g. "决算数小于年初预算数"
    int direction = 0;              // what the word says of subject against object: +1 larger, −1 smaller, 0 the same
    bool approximate = false;       // 基本持平, 大致相同: the same within a margin
    bool budget_first = false;      // BudgetActual: the budget is the subject (预算数大于决算数)
    BudgetScope scope = BudgetScope::Any;
    std::string subject;            // the sentence's text before the word (names the item compared)
    int figure = -1;                // ≥ 0: read from that figure's recorded direction (its sentence has no such word)
};

// Every comparison statement of the narrative, in text order. Words that are negated (未超过), left as template
// alternatives (增加（减少）) or compare something other than a 决算 with a 预算 or with last year are not returned.
std::vector<ComparisonStatement> find_comparisons(const Filing& f, const std::vector<NarrativeText>& texts);

// Where each figure's value is printed: (text index, offset) of every occurrence of its sentence in the texts of
// its section, the offset pointing at the printed value where it can be found in the sentence. A sentence printed
// more than once in a section is placed at its first occurrence after the previous figure's sentence (figures are
// listed in reading order).
std::vector<std::vector<std::pair<std::size_t, std::size_t>>> figure_places(const Filing& f, const std::vector<NarrativeText>& texts);

}  // namespace gongkai
