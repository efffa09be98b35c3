#pragma once
// Page furniture of a PDF: page numbers and running headers or footers, which are not content.
#include <string>
#include <vector>

namespace gongkai::import {

// True when the text is nothing but a page number: "3", "- 3 -", "— 3 —", "第3页", "第3页共25页", "3/25".
bool is_page_number(const std::string& text);

// A text line near the top or bottom edge of its page, candidate for furniture.
struct MarginLine {
    int page = 0;
    std::string text;
    bool top = false;  // in the top margin (else the bottom one)
};

// Of the margin lines, the indices of those that are running headers or footers: the same text (digits
// ignored) in the same margin on at least 3 pages and on at least half of the document's pages (a title
// heading the table pages, a third of the document, is content).
std::vector<std::size_t> running_lines(const std::vector<MarginLine>& lines, int page_count);

}  // namespace gongkai::import
