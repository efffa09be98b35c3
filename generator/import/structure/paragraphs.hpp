#pragma once
// Joins a part's text lines into paragraphs as printed: in extracted text every line is a paragraph; in a
// PDF a wrapped line continues its paragraph unless it stops clearly short of the right margin, or the
// next line starts indented or with a new item marker after a finished sentence.
#include <cstddef>
#include <string>
#include <vector>

#include "import/layout/flow.hpp"

namespace gongkai::import::structure {

struct Paragraph {
    std::string text;             // the lines joined (see join_wrapped)
    std::vector<std::size_t> lines;  // flow indices of its lines
    int page = 0;
    int line_number = 0;
};

// The paragraphs of the text lines among `lines` (table rows are left out; see the part readers).
std::vector<Paragraph> paragraphs_of(const Flow& flow, const std::vector<std::size_t>& lines);

// How a document spaces figures from Chinese text ("总计 307.82 万元" or "总计307.82万元"), counted over
// all its text lines: true when it prints a space between them.
bool spaces_figures(const Flow& flow);

// Appends the next wrapped line to a paragraph: no space between the lines, except where a figure or Latin
// word meets Chinese text and the paragraph (or, when it does not tell, the document) spaces them.
void join_wrapped(std::string& paragraph, const std::string& next, bool document_spaces_figures);

}  // namespace gongkai::import::structure
