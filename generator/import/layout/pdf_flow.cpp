#include "import/layout/pdf_flow.hpp"

#include <algorithm>
#include <cmath>

#include "import/layout/pdf_furniture.hpp"
#include "import/layout/pdf_grid.hpp"
#include "import/layout/pdf_grid_rows.hpp"
#include "import/layout/pdf_words.hpp"

namespace gongkai::import {

namespace {

constexpr double kGridMargin = 0.5;     // a word whose centre is this close outside a grid still belongs to it
constexpr double kNumberMargin = 0.15;  // page numbers sit in the top or bottom 15% of the page
constexpr double kRunningMargin = 0.1;  // running headers and footers in the top or bottom 10%

// One line of a page before furniture is dropped; `key` orders the page top to bottom.
struct Item {
    double key = 0;
    FlowLine line;
    bool drop = false;
};

bool inside(const Box& b, double x, double y) {
    return x >= b.x0 - kGridMargin && x <= b.x1 + kGridMargin && y >= b.y0 - kGridMargin && y <= b.y1 + kGridMargin;
}

// True when two grids have the same column boundaries (a table continued on the next page).
bool same_columns(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::abs(a[i] - b[i]) > 1.5) return false;
    return true;
}

// The page's text lines and grid rows in reading order. `previous_columns` are the column boundaries of the
// last grid of the previous page (empty when it had none).
std::vector<Item> page_items(const SourcePage& page, int* next_grid, std::vector<double>* previous_columns) {
    std::vector<Grid> grids = find_grids(page.rules);
    // A single band is a table row only when at least two of its cells hold words (an empty strip or a
    // ruled box with one label is not a table) — or when it is the first grid of the page and continues the
    // previous page's table column for column: then it is a printed (empty) row of that table.
    const std::vector<double> continued = *previous_columns;
    std::erase_if(grids, [&](const Grid& g) {
        if (g.rows() > 1) return false;
        if (&g == &grids.front() && !continued.empty() && same_columns(g.xs, continued)) return false;
        std::vector<int> filled;
        for (const Word& w : page.words)
            if (inside(g.box(), w.box.cx(), w.box.cy())) filled.push_back(g.region_at(0, cell_of(g, w.box).col));
        std::sort(filled.begin(), filled.end());
        return std::unique(filled.begin(), filled.end()) - filled.begin() < 2;
    });
    std::vector<std::vector<const Word*>> grid_words(grids.size());
    std::vector<const Word*> free_words;
    for (const Word& w : page.words) {
        // A word whose centre lies outside the page is clipped away: nothing a reader sees (spreadsheet
        // exports repeat the previous page's last line just above the top edge).
        if (page.width > 0 && page.height > 0 &&
            (w.box.cx() < 0 || w.box.cx() > page.width || w.box.cy() < 0 || w.box.cy() > page.height))
            continue;
        bool placed = false;
        for (std::size_t g = 0; g < grids.size() && !placed; ++g)
            if (inside(grids[g].box(), w.box.cx(), w.box.cy())) grid_words[g].push_back(&w), placed = true;
        if (!placed) free_words.push_back(&w);
    }
    previous_columns->clear();
    if (!grids.empty()) *previous_columns = grids.back().xs;
    std::vector<Item> items;
    for (const WordLine& wl : group_lines(free_words)) {
        Item it;
        it.key = wl.cy;
        it.line.kind = FlowLine::Kind::text;
        it.line.page = page.number;
        it.line.text = join_lines({wl}, JoinMode::text);
        it.line.x0 = wl.x0, it.line.x1 = wl.x1, it.line.y0 = wl.y0, it.line.y1 = wl.y1;
        it.line.page_width = page.width;
        items.push_back(std::move(it));
    }
    for (std::size_t g = 0; g < grids.size(); ++g) {
        const int id = (*next_grid)++;
        // Rows keep the grid's top as their key (stable sort keeps them in band order).
        for (FlowLine& row : grid_rows(grids[g], grid_words[g], page.number, id, page.width))
            items.push_back(Item{grids[g].ys.front(), std::move(row), false});
    }
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.key < b.key; });
    return items;
}

}  // namespace

Flow pdf_flow(const std::vector<SourcePage>& pages, const std::string& file) {
    Flow flow;
    flow.kind = SourceKind::pdf;
    flow.file = file;
    flow.page_count = static_cast<int>(pages.size());
    flow.paged = true;
    int next_grid = 0;
    std::vector<double> previous_columns;
    std::vector<std::vector<Item>> items;
    for (const SourcePage& p : pages) items.push_back(page_items(p, &next_grid, &previous_columns));

    // Furniture: only text lines before the page's first or after its last content line can be page numbers
    // or running headers and footers.
    std::vector<MarginLine> margin;
    std::vector<Item*> margin_item;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        auto& page_items = items[i];
        const double h = pages[i].height;
        auto consider = [&](Item& it, bool top) {
            const double depth = top ? it.key / h : 1 - it.key / h;
            if (depth <= kNumberMargin && is_page_number(it.line.text)) it.drop = true;
            if (depth <= kRunningMargin) {
                margin.push_back(MarginLine{pages[i].number, it.line.text, top});
                margin_item.push_back(&it);
            }
        };
        std::size_t first = 0;
        for (; first < page_items.size() && page_items[first].line.kind == FlowLine::Kind::text &&
               page_items[first].key / h <= kNumberMargin;
             ++first)
            consider(page_items[first], true);
        for (std::size_t last = page_items.size(); last > first && page_items[last - 1].line.kind == FlowLine::Kind::text &&
                                                   1 - page_items[last - 1].key / h <= kNumberMargin;
             --last)
            consider(page_items[last - 1], false);
    }
    for (std::size_t k : running_lines(margin, flow.page_count)) margin_item[k]->drop = true;

    for (auto& page_items : items)
        for (auto& it : page_items)
            if (!it.drop) flow.lines.push_back(std::move(it.line));
    return flow;
}

}  // namespace gongkai::import
