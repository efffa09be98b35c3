#pragma once
// The printed text of a filing as the text rules read it: every string the publication prints (department name,
// title, part headings, table titles and notes, narrative sections, glossary, overview, attachments), each with the
// place it stands in words, its JSON pointer and its element on the department page; and the small UTF-8 helpers
// the text rules scan with (code points with byte offsets, quoting a snippet, the sentence around it).
#include <string>
#include <vector>

#include "audit/finding.hpp"
#include "model/filing.hpp"

namespace gongkai {

// One printed string and where it stands.
struct TextPlace {
    std::string text;     // as printed
    std::string where;    // zh-CN, e.g. "情况说明“五、一般公共预算财政拨款支出决算情况说明”", "附件《…》的标题"
    std::string kind;     // "title", "part", "section-title", "section", "table-title", "table-note", "table-label",
                          // "glossary", "overview", "attachment-title", "attachment", "department"
    std::string pointer;  // JSON pointer of the string in the filing
    std::string anchor;   // element id on the department page (the 来源 section for what the page does not show itself)
    bool heading = false; // a title or heading: the document's, a part's, a section's, a table's, an attachment's
};

// Every printed string of the filing, in document order (empty strings left out; a table's empty-table
// explanation only when it is not also one of its notes).
std::vector<TextPlace> printed_texts(const Filing& f);

// A string decoded to code points, with the byte offset of each (and of the end).
struct Utf8Text {
    std::u32string cp;
    std::vector<std::size_t> at;  // at[i]: byte offset of cp[i]; at[cp.size()] == bytes.size()
    std::string bytes;            // the string itself
    explicit Utf8Text(const std::string& s);
    std::size_t size() const { return cp.size(); }
    char32_t operator[](std::size_t i) const { return i < cp.size() ? cp[i] : U'\0'; }
    // True when the code points from i spell `word` (UTF-8).
    bool starts(std::size_t i, const std::string& word) const;
    // The bytes of code points [b, e).
    std::string slice(const std::string& s, std::size_t b, std::size_t e) const { return s.substr(at[b], at[e] - at[b]); }
};

// The UTF-8 encoding of one code point.
std::string utf8(char32_t c);
bool is_cjk(char32_t c);
bool is_ascii_letter(char32_t c);
bool is_ascii_digit(char32_t c);
bool is_space(char32_t c);  // spaces and tabs (not line breaks), including the ideographic space

// The offending code points [b, e) of `t` with up to `radius` code points either side, line breaks as spaces and
// "……" where the text goes on: "……上海市XX局2024年度……".
std::string excerpt(const std::string& s, const Utf8Text& t, std::size_t b, std::size_t e, std::size_t radius = 14);
// The sentence holding code points [b, e): from after the previous 。！？；or line break to the next one (included).
std::string sentence_around(const std::string& s, const Utf8Text& t, std::size_t b, std::size_t e);
// At most `n` code points of `s`, "…" added when cut.
std::string clip(const std::string& s, std::size_t n);

// The cell a text finding names: the place, the snippet as printed.
CellRef text_cell(const TextPlace& p, const std::string& printed);

}  // namespace gongkai
