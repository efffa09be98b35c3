#include "compute/peer_position.hpp"

#include <algorithm>

#include "compute/peer_measures.hpp"
#include "compute/peer_stats.hpp"

namespace gongkai {

namespace {

constexpr const char* kShownMeasures[] = {"total", "personnel_share", "three_public", "per_staff"};

int quartile_of(std::int64_t v, const Quartiles& q) {
    if (v >= q.q3) return 1;
    if (v >= q.median) return 2;
    if (v >= q.q1) return 3;
    return 4;
}

std::int64_t distance(std::int64_t a, std::int64_t b) { return a > b ? a - b : b - a; }

// One department with a 支出合计, as a candidate closest peer.
struct Entry {
    std::int64_t total;
    const DepartmentEntry* d;
};

// Ascending 支出合计, ties by county folder then slug: the order the nearest search walks.
bool entry_less(const Entry& a, const Entry& b) {
    return std::tie(a.total, a.d->filing->county_dir, a.d->filing->slug) < std::tie(b.total, b.d->filing->county_dir, b.d->filing->slug);
}

std::vector<Entry> entries_by_total(const std::vector<const DepartmentEntry*>& departments) {
    std::vector<Entry> out;
    for (const DepartmentEntry* d : departments)
        if (d->summary.total_expenditure) out.push_back({*d->summary.total_expenditure, d});
    std::sort(out.begin(), out.end(), entry_less);
    return out;
}

// Up to `k` entries of `sorted` nearest to `total` that `take` accepts, by (distance, county folder, slug).
// Walks outwards from `total`'s place; each side stops once it has `k` accepted entries and the next one is
// farther than the k-th (so every tie at the boundary is a candidate), which keeps the order exact.
template <typename Take>
std::vector<const DepartmentEntry*> nearest(const std::vector<Entry>& sorted, std::int64_t total, std::size_t k, Take take) {
    auto mid = std::lower_bound(sorted.begin(), sorted.end(), total, [](const Entry& e, std::int64_t t) { return e.total < t; });
    std::vector<Entry> candidates;
    auto collect = [&](auto first, auto last) {
        std::size_t accepted = 0;
        std::int64_t bound = 0;
        for (auto it = first; it != last; ++it) {
            std::int64_t dist = distance(it->total, total);
            if (accepted >= k && dist > bound) break;
            if (!take(*it->d)) continue;
            candidates.push_back(*it);
            if (++accepted == k) bound = dist;
        }
    };
    collect(mid, sorted.end());
    collect(std::make_reverse_iterator(mid), sorted.rend());
    std::sort(candidates.begin(), candidates.end(), [&](const Entry& a, const Entry& b) {
        return std::make_tuple(distance(a.total, total), std::cref(a.d->filing->county_dir), std::cref(a.d->filing->slug)) <
               std::make_tuple(distance(b.total, total), std::cref(b.d->filing->county_dir), std::cref(b.d->filing->slug));
    });
    std::vector<const DepartmentEntry*> out;
    for (std::size_t i = 0; i < candidates.size() && i < k; ++i) out.push_back(candidates[i].d);
    return out;
}

// Value, rank, quartile and median of one measure for every department of a county-year.
void add_measure(const PeerMeasure& m, const CountyYear& cy, std::map<PeerKey, PeerPosition>& out) {
    std::vector<std::int64_t> values;
    for (const auto& d : cy.departments)
        if (auto x = m.value(d.summary)) values.push_back(*x);
    std::sort(values.begin(), values.end());
    auto q = quartiles(values);
    for (const auto& d : cy.departments) {
        MeasurePosition mp{m.id, m.label, m.unit, m.value(d.summary), 0, values.size(), 0, std::nullopt};
        if (q && values.size() >= 2) mp.median = q->median;
        if (mp.value) {
            // 1 + how many are strictly larger: ties share the better rank.
            mp.rank = 1 + static_cast<std::size_t>(values.end() - std::upper_bound(values.begin(), values.end(), *mp.value));
            if (q && values.size() >= 3) mp.quartile = quartile_of(*mp.value, *q);
        }
        out[{d.filing->county_dir, d.filing->year, d.filing->slug}].measures.push_back(std::move(mp));
    }
}

}  // namespace

std::map<PeerKey, PeerPosition> peer_positions(const std::vector<CountyYear>& all) {
    std::map<PeerKey, PeerPosition> out;
    std::map<int, std::vector<const DepartmentEntry*>> by_year;
    for (const auto& cy : all)
        for (const auto& d : cy.departments) by_year[cy.year].push_back(&d);
    std::map<int, std::vector<Entry>> year_sorted;
    for (const auto& [year, departments] : by_year) year_sorted[year] = entries_by_total(departments);

    for (const auto& cy : all) {
        for (const auto& d : cy.departments) out[{d.filing->county_dir, d.filing->year, d.filing->slug}].departments = cy.departments.size();
        for (const char* id : kShownMeasures)
            if (const PeerMeasure* m = find_peer_measure(id)) add_measure(*m, cy, out);

        std::vector<const DepartmentEntry*> own;
        for (const auto& d : cy.departments) own.push_back(&d);
        std::vector<Entry> own_sorted = entries_by_total(own);
        for (const auto& d : cy.departments) {
            if (!d.summary.total_expenditure) continue;
            std::int64_t total = *d.summary.total_expenditure;
            PeerPosition& p = out[{d.filing->county_dir, d.filing->year, d.filing->slug}];
            for (const DepartmentEntry* e : nearest(own_sorted, total, 3, [&](const DepartmentEntry& x) { return &x != &d; }))
                p.closest.push_back({e->filing, e->summary.total_expenditure, true});
            if (p.closest.size() >= 2) continue;
            std::size_t wanted = 2 - p.closest.size();
            for (const DepartmentEntry* e : nearest(year_sorted[cy.year], total, wanted,
                                                    [&](const DepartmentEntry& x) { return x.filing->county_dir != cy.county_dir; }))
                p.closest.push_back({e->filing, e->summary.total_expenditure, false});
        }
    }
    return out;
}

}  // namespace gongkai
