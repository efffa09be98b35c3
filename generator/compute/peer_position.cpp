#include "compute/peer_position.hpp"

#include <algorithm>
#include <tuple>

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

}  // namespace

PeerPosition peer_position(const CountyYear& own, const std::vector<CountyYear>& all, const Filing& self) {
    PeerPosition p;
    p.departments = own.departments.size();
    const DepartmentEntry* me = nullptr;
    for (const auto& d : own.departments)
        if (d.filing == &self || (d.filing->slug == self.slug && d.filing->county_dir == self.county_dir && d.filing->year == self.year))
            me = &d;
    if (!me) return p;

    for (const char* id : kShownMeasures) {
        const PeerMeasure* m = find_peer_measure(id);
        if (!m) continue;
        MeasurePosition mp{m->id, m->label, m->unit, m->value(me->summary), 0, 0, 0, std::nullopt};
        std::vector<std::int64_t> values;
        for (const auto& d : own.departments)
            if (auto x = m->value(d.summary)) values.push_back(*x);
        mp.count = values.size();
        auto q = quartiles(values);
        if (q && values.size() >= 2) mp.median = q->median;
        if (mp.value) {
            mp.rank = rank_descending(values, *mp.value);
            if (q && values.size() >= 3) mp.quartile = quartile_of(*mp.value, *q);
        }
        p.measures.push_back(std::move(mp));
    }

    const MaybeMoney& total = me->summary.total_expenditure;
    if (!total) return p;
    using Candidate = std::tuple<std::int64_t, std::string, std::string, const DepartmentEntry*>;
    auto nearest = [&](const CountyYear& cy) {
        std::vector<Candidate> c;
        for (const auto& d : cy.departments)
            if (&d != me && d.summary.total_expenditure)
                c.emplace_back(distance(*d.summary.total_expenditure, *total), d.filing->county_dir, d.filing->slug, &d);
        std::sort(c.begin(), c.end());
        return c;
    };
    for (const auto& c : nearest(own)) {
        if (p.closest.size() == 3) break;
        p.closest.push_back({std::get<3>(c)->filing, std::get<3>(c)->summary.total_expenditure, true});
    }
    if (p.closest.size() < 2) {
        std::vector<Candidate> elsewhere;
        for (const auto& cy : all)
            if (cy.year == own.year && cy.county_dir != own.county_dir)
                for (auto& c : nearest(cy)) elsewhere.push_back(std::move(c));
        std::sort(elsewhere.begin(), elsewhere.end());
        for (const auto& c : elsewhere) {
            if (p.closest.size() == 2) break;
            p.closest.push_back({std::get<3>(c)->filing, std::get<3>(c)->summary.total_expenditure, false});
        }
    }
    return p;
}

}  // namespace gongkai
