#include "import/layout/pdf_grid.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <utility>

namespace gongkai::import {

namespace {

constexpr double kJitter = 1.5;   // two rules this close are at the same position
constexpr double kGap = 2.0;      // collinear pieces this close are one rule
constexpr double kTouch = 2.0;    // a horizontal and a vertical rule this close meet
constexpr double kMinLength = 1.0;  // shorter pieces are dots, not rules
constexpr double kMinCell = 4.0;    // boundaries closer than this are one (double rules)

struct UnionFind {
    std::vector<int> parent;
    explicit UnionFind(int n) : parent(static_cast<std::size_t>(n)) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int i) {
        while (parent[static_cast<std::size_t>(i)] != i)
            i = parent[static_cast<std::size_t>(i)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(i)])];
        return i;
    }
    void unite(int a, int b) { parent[static_cast<std::size_t>(find(a))] = find(b); }
};

// Clusters positions that lie within kJitter of their neighbour, or closer than kMinCell to the previous
// cluster (a double rule is one boundary, not an empty sliver of a cell); one position (the mean) per
// cluster in `pos`, and how far its members lie from it in `spread`.
void distinct_positions(std::vector<double> v, std::vector<double>* pos, std::vector<double>* spread) {
    std::sort(v.begin(), v.end());
    std::size_t i = 0;
    while (i < v.size()) {
        std::size_t j = i + 1;
        while (j < v.size() && (v[j] - v[j - 1] <= kJitter || v[j] - v[i] < kMinCell)) ++j;
        double sum = 0;
        for (std::size_t k = i; k < j; ++k) sum += v[k];
        const double mean = sum / static_cast<double>(j - i);
        pos->push_back(mean);
        spread->push_back(std::max(mean - v[i], v[j - 1] - mean));
        i = j;
    }
}

// Merges collinear pieces: pieces whose positions agree within kJitter and whose extents touch or nearly so.
std::vector<RuleLine> merge_collinear(std::vector<RuleLine> pieces) {
    std::sort(pieces.begin(), pieces.end(), [](const RuleLine& l, const RuleLine& r) { return l.pos < r.pos; });
    std::vector<RuleLine> out;
    std::size_t i = 0;
    while (i < pieces.size()) {
        std::size_t j = i + 1;
        while (j < pieces.size() && pieces[j].pos - pieces[j - 1].pos <= kJitter) ++j;
        std::vector<RuleLine> group(pieces.begin() + static_cast<long>(i), pieces.begin() + static_cast<long>(j));
        double pos = 0;
        for (const auto& g : group) pos += g.pos;
        pos /= static_cast<double>(group.size());
        std::sort(group.begin(), group.end(), [](const RuleLine& l, const RuleLine& r) { return l.a < r.a; });
        RuleLine cur{pos, group[0].a, group[0].b};
        for (std::size_t k = 1; k < group.size(); ++k) {
            if (group[k].a <= cur.b + kGap) {
                cur.b = std::max(cur.b, group[k].b);
            } else {
                out.push_back(cur);
                cur = RuleLine{pos, group[k].a, group[k].b};
            }
        }
        out.push_back(cur);
        i = j;
    }
    return out;
}

bool meet(const RuleLine& h, const RuleLine& v) {
    return v.pos >= h.a - kTouch && v.pos <= h.b + kTouch && h.pos >= v.a - kTouch && h.pos <= v.b + kTouch;
}

// Length of [lo, hi] covered by the rules at position `pos` (give or take `spread` + kJitter). Overlapping
// pieces (the two lines of a double rule) are counted once.
double covered(const std::vector<RuleLine>& lines, double pos, double spread, double lo, double hi) {
    std::vector<std::pair<double, double>> parts;
    for (const auto& l : lines)
        if (std::abs(l.pos - pos) <= spread + kJitter && std::min(hi, l.b) > std::max(lo, l.a))
            parts.emplace_back(std::max(lo, l.a), std::min(hi, l.b));
    std::sort(parts.begin(), parts.end());
    double sum = 0, end = lo;
    for (const auto& [a, b] : parts) {
        if (b <= end) continue;
        sum += b - std::max(a, end);
        end = b;
    }
    return sum;
}

// Adds an outer boundary where at least two of `lines` (the rules across the boundaries) end beyond the
// outermost boundary by more than a cell's minimum size.
void extend_to_ends(const std::vector<RuleLine>& lines, std::vector<double>* pos, std::vector<double>* spread) {
    if (lines.size() < 2) return;
    std::vector<double> starts, ends;
    for (const auto& l : lines) starts.push_back(l.a), ends.push_back(l.b);
    std::sort(starts.begin(), starts.end());
    std::sort(ends.begin(), ends.end(), std::greater<>());
    if (starts[1] < pos->front() - kMinCell) pos->insert(pos->begin(), starts[1]), spread->insert(spread->begin(), 0.0);
    if (ends[1] > pos->back() + kMinCell) pos->push_back(ends[1]), spread->push_back(0.0);
}

Grid build_grid(std::vector<RuleLine> hs, std::vector<RuleLine> vs) {
    Grid g;
    std::vector<double> ypos, xpos;
    for (const auto& h : hs) ypos.push_back(h.pos);
    for (const auto& v : vs) xpos.push_back(v.pos);
    distinct_positions(ypos, &g.ys, &g.y_spread);
    distinct_positions(xpos, &g.xs, &g.x_spread);
    // Tables drawn without outer side (or top/bottom) borders: the other direction's rules reach beyond the
    // outermost boundary, and their common end is the table's edge. Only for rules that already enclose
    // something (two positions each way), so that a lone cross or "T" makes no grid.
    if (g.xs.size() >= 2 && g.ys.size() >= 2) {
        extend_to_ends(hs, &g.xs, &g.x_spread);
        extend_to_ends(vs, &g.ys, &g.y_spread);
    }
    g.horizontals = std::move(hs);
    g.verticals = std::move(vs);
    const int rows = g.rows(), cols = g.cols();
    if (rows < 1 || cols < 1) return g;
    UnionFind uf(rows * cols);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c + 1 < cols; ++c)
            if (!g.has_vertical(c + 1, r)) uf.unite(r * cols + c, r * cols + c + 1);
    for (int r = 0; r + 1 < rows; ++r)
        for (int c = 0; c < cols; ++c)
            if (!g.has_horizontal(r + 1, c)) uf.unite(r * cols + c, (r + 1) * cols + c);
    // Ids in reading order of each merged cell's first elementary cell.
    std::vector<int> id(static_cast<std::size_t>(rows * cols), -1);
    g.region.assign(static_cast<std::size_t>(rows * cols), 0);
    for (int i = 0; i < rows * cols; ++i) {
        const int root = uf.find(i);
        if (id[static_cast<std::size_t>(root)] < 0) id[static_cast<std::size_t>(root)] = g.region_count++;
        g.region[static_cast<std::size_t>(i)] = id[static_cast<std::size_t>(root)];
    }
    return g;
}

}  // namespace

int Grid::row_of(double y) const {
    const auto it = std::upper_bound(ys.begin(), ys.end(), y);
    const int k = static_cast<int>(it - ys.begin()) - 1;
    return std::clamp(k, 0, rows() - 1);
}

int Grid::col_of(double x) const {
    const auto it = std::upper_bound(xs.begin(), xs.end(), x);
    const int k = static_cast<int>(it - xs.begin()) - 1;
    return std::clamp(k, 0, cols() - 1);
}

bool Grid::has_vertical(int k, int row) const {
    const double lo = ys[static_cast<std::size_t>(row)], hi = ys[static_cast<std::size_t>(row + 1)];
    return covered(verticals, xs[static_cast<std::size_t>(k)], x_spread[static_cast<std::size_t>(k)], lo, hi) >=
           0.5 * (hi - lo);
}

bool Grid::has_horizontal(int k, int col) const {
    const double lo = xs[static_cast<std::size_t>(col)], hi = xs[static_cast<std::size_t>(col + 1)];
    return covered(horizontals, ys[static_cast<std::size_t>(k)], y_spread[static_cast<std::size_t>(k)], lo, hi) >=
           0.5 * (hi - lo);
}

std::vector<Grid> find_grids(const std::vector<Rule>& rules) {
    std::vector<RuleLine> hpieces, vpieces;
    for (const auto& r : rules) {
        if (r.horizontal()) {
            if (r.box.width() >= kMinLength) hpieces.push_back(RuleLine{r.box.cy(), r.box.x0, r.box.x1});
        } else if (r.box.height() >= kMinLength) {
            vpieces.push_back(RuleLine{r.box.cx(), r.box.y0, r.box.y1});
        }
    }
    const auto hs = merge_collinear(std::move(hpieces));
    const auto vs = merge_collinear(std::move(vpieces));
    const int nh = static_cast<int>(hs.size()), nv = static_cast<int>(vs.size());
    UnionFind uf(nh + nv);
    for (int i = 0; i < nh; ++i)
        for (int j = 0; j < nv; ++j)
            if (meet(hs[static_cast<std::size_t>(i)], vs[static_cast<std::size_t>(j)])) uf.unite(i, nh + j);
    std::vector<int> roots;
    for (int i = 0; i < nh + nv; ++i) roots.push_back(uf.find(i));
    std::vector<int> distinct = roots;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    std::vector<Grid> grids;
    for (int root : distinct) {
        std::vector<RuleLine> gh, gv;
        for (int i = 0; i < nh; ++i)
            if (roots[static_cast<std::size_t>(i)] == root) gh.push_back(hs[static_cast<std::size_t>(i)]);
        for (int j = 0; j < nv; ++j)
            if (roots[static_cast<std::size_t>(nh + j)] == root) gv.push_back(vs[static_cast<std::size_t>(j)]);
        Grid g = build_grid(std::move(gh), std::move(gv));
        if ((g.rows() >= 2 && g.cols() >= 2) || (g.rows() == 1 && g.cols() >= 3)) grids.push_back(std::move(g));
    }
    std::sort(grids.begin(), grids.end(), [](const Grid& a, const Grid& b) { return a.ys.front() < b.ys.front(); });
    return grids;
}

}  // namespace gongkai::import
