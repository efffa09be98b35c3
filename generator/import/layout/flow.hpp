#pragma once
// The document as a sequence of lines in reading order, the same for a PDF and for extracted text:
// the shared input of table recognition, the narrative and the document structure.
//
// - A text line is a run of words on one baseline outside any table grid (PDF) or a line without tabs (text).
// - A table row is one row of a table grid: its cells in column order. For a PDF the grid comes from the
//   ruling lines (one row per band between horizontal rules; a cell's words joined in reading order, so a
//   科目名称 wrapped over two lines is one cell). For extracted text a row is a line with tabs, one cell per
//   tab-separated field.
#include <string>
#include <vector>

namespace gongkai::import {

enum class SourceKind { pdf, text };

struct FlowCell {
    std::string text;     // words of the cell joined in reading order; "" for a blank cell
    int column = 0;       // index of the first grid column it covers (text: the field index)
    int span = 1;         // number of grid columns it covers (merged header cells span several)
    double x0 = 0, x1 = 0;  // PDF: the cell's left and right edge; text: column, column + span
};

struct FlowLine {
    enum class Kind { text, table_row };
    Kind kind = Kind::text;
    int page = 0;          // 1-based page (text files: 1, or 1 + the form feeds before the line)
    int line_number = 0;   // text files: 1-based line in the file; PDF: 0
    std::string text;      // text line: its words joined; table row: its cells joined by '\t'
    std::vector<FlowCell> cells;  // table rows only
    int grid = -1;         // table rows: which grid they belong to (PDF: one per ruled table per page;
                           // text: one per run of tab lines); -1 for text lines
    int grid_columns = 0;  // table rows: how many columns the grid has
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // PDF: the line's or row's box; text: 0
    double page_width = 0;  // PDF: width of the page (for telling indented and short lines apart)
};

struct Flow {
    SourceKind kind = SourceKind::text;
    std::string file;             // path as given
    int page_count = 0;
    bool paged = false;           // true when `page` counts the document's pages (PDF; text with form feeds),
                                  // false when every line is on page 1 because the source has no pages
    std::vector<FlowLine> lines;  // reading order: page by page, top to bottom
};

}  // namespace gongkai::import
