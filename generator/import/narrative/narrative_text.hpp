#pragma once
// The text side of the narrative reader: UTF-8 helpers, sentences with their section ids, and the
// number tokens of a sentence with the units printed after them.
#include <cstddef>
#include <string>
#include <vector>

#include "import/structure/document_structure.hpp"

namespace gongkai::import::narrative {

// One sentence of the 情况说明 as printed (trimmed), with the id of the (sub)section it belongs to.
struct Sentence {
    std::string section;    // e.g. "五" or "五（三）"
    std::string title;      // the section's title as printed ("五、一般公共预算财政拨款支出决算情况说明")
    std::string heading;    // the sub-heading's text ("（三）一般公共预算…具体情况"), "" outside sub-sections
    std::string text;       // as printed, ending with its "。" when it has one
    bool starts_paragraph = false;
};

// Splits every section into sentences: paragraphs at '\n', sentences after "。" (closing quotes and
// brackets that follow it stay with it). A paragraph that starts with "（一）" opens sub-section
// "<id>（一）" until the next such paragraph; its own text is that sub-section's heading.
std::vector<Sentence> split_sentences(const std::vector<NarrativeSection>& sections);

// What a number printed in a sentence is.
enum class TokenKind {
    figure,     // a stated figure: money, percentage, count, or a bare number
    date,       // part of a date or year ("2024年", "12月", "31日", "2024年度")
    marker,     // a list marker ("1、", "（2）", "3." at the start)
    threshold,  // a threshold in a phrase like "100万元（含）以上设备"
    code,       // a function code in an item heading: the 204 of "公共安全支出（204类）"
};

enum class UnitClass { money, percent, count, none };

struct NumberToken {
    std::size_t begin = 0, end = 0;  // bytes of the number and its unit in the sentence
    std::size_t number_end = 0;      // end of the number itself
    std::string value;               // as printed, e.g. "1,577.61"
    std::string unit_printed;        // e.g. "万元", "％", "批次"; "" when none
    std::string unit;                // the format's unit for it ("万" → "万元", "批次" → "个"); "" when none
    UnitClass unit_class = UnitClass::none;
    TokenKind kind = TokenKind::figure;
};

// Every number of the sentence, in order, classified.
std::vector<NumberToken> number_tokens(const std::string& sentence);

// UTF-8 helpers on byte strings.
bool starts_with_at(const std::string& s, std::size_t pos, const std::string& what);
std::size_t utf8_length_at(const std::string& s, std::size_t pos);
// Drops ASCII, no-break and ideographic spaces; turns half-width brackets into full-width ones.
std::string normalized(const std::string& s);
// Removes bracketed asides ("（增长）") from the text.
std::string without_brackets(const std::string& s);
// The text after the last clause separator (，,；;：:), i.e. the clause the text ends in.
std::string last_clause(const std::string& s);
// Trims ASCII and ideographic spaces at both ends.
std::string trimmed(const std::string& s);

}  // namespace gongkai::import::narrative
