#pragma once
// A disclosure published as an HTML page (some portals do) as a Flow: every table row (<tr>) is a table row
// with one cell per <td>/<th> — a cell spanning columns (colspan) is followed by empty cells, as a tab-separated
// text would print it — and every block of text outside tables (<p>, <div>, <h1>…, <br>) is a text line.
#include <string>

#include "import/layout/flow.hpp"

namespace gongkai::import {

// True when the bytes look like an HTML document (a doctype, or <html>, <body> or <table> near the start).
bool looks_like_html(const std::string& bytes);

// Builds the flow of a UTF-8 HTML page; `file` names it in messages. Scripts and styles are skipped, character
// references decoded. Throws ImportError for a page that is not UTF-8 or holds no text.
Flow html_flow(const std::string& bytes, const std::string& file);

}  // namespace gongkai::import
