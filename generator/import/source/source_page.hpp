#pragma once
// What a published PDF page holds for the importer: its words with their boxes and the ruling lines drawn
// on it. Coordinates are PDF points with the origin at the page's top-left corner (y grows downwards).
#include <string>
#include <vector>

namespace gongkai::import {

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // left, top, right, bottom
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    double cx() const { return (x0 + x1) / 2; }
    double cy() const { return (y0 + y1) / 2; }
};

// One text box as the PDF library reports it (a run of glyphs without a gap), UTF-8.
struct Word {
    std::string text;
    Box box;
};

// A drawn line segment: a stroked line or a thin filled rectangle, either horizontal or vertical.
struct Rule {
    Box box;
    bool horizontal() const { return box.width() >= box.height(); }
};

struct SourcePage {
    int number = 0;  // 1-based page number in the document
    double width = 0, height = 0;
    std::vector<Word> words;  // in the library's reading order
    std::vector<Rule> rules;
};

}  // namespace gongkai::import
