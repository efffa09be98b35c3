#pragma once
// Words of a PDF page grouped into lines and joined into text. Poppler's word boxes come from the font's
// bounding box, so digits set in a Latin font can be several times taller than CJK words on the same line
// and their centres sit a few points apart; lines are therefore seeded by the flattest words and taller
// words join the line whose centre falls in their middle.
#include <string>
#include <vector>

#include "import/source/source_page.hpp"

namespace gongkai::import {

struct WordLine {
    std::vector<const Word*> words;  // left to right
    double cy = 0;                   // vertical centre of the line (of its flattest words)
    double y0 = 0, y1 = 0;           // top and bottom of its flattest words
    double x0 = 0, x1 = 0;           // left and right of all its words
};

// Groups words into lines (top to bottom, each left to right).
std::vector<WordLine> group_lines(const std::vector<const Word*>& words);

enum class JoinMode {
    cell,  // table cell: no separator except one space between two ASCII letters/digits runs
    text,  // text line: as `cell`, plus one space where a gap wider than about a character separates words
};

// Joins the lines' words in reading order. CJK text joins without separators (letter-spaced headers and
// names wrapped over two lines come out whole); two ASCII alphanumeric runs keep one space between them.
std::string join_lines(const std::vector<WordLine>& lines, JoinMode mode);

}  // namespace gongkai::import
