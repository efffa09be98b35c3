#pragma once
// Where one department stands among the departments of its county-year: per measure its value, rank,
// quartile and the county median; and the departments closest to it by 支出合计 (for a side-by-side compare).
#include <cstddef>
#include <map>
#include <tuple>
#include <string>
#include <vector>

#include "compute/county_aggregate.hpp"

namespace gongkai {

struct MeasurePosition {
    std::string id;     // the PeerMeasure id
    std::string label;  // zh-CN
    std::string unit;   // "万元", "%", "万元/人"
    MaybeMoney value;   // this department's value; nullopt when it does not publish what the measure needs
    std::size_t rank = 0;   // 1 = largest among `count`; 0 when value is unknown
    std::size_t count = 0;  // departments of the county-year that have a value
    // 1 = at or above the upper quartile (the largest quarter), 2 = median to upper quartile,
    // 3 = lower quartile to median, 4 = below the lower quartile; 0 when unknown or fewer than 3 values.
    int quartile = 0;
    MaybeMoney median;  // of the county-year's values; nullopt when fewer than 2 values
};

struct ClosePeer {
    const Filing* filing = nullptr;
    MaybeMoney total;          // its 支出合计
    bool same_county = true;   // false: taken from another county of the same year (its own county has too few)
};

struct PeerPosition {
    std::size_t departments = 0;           // departments in the county-year, this one included
    std::vector<MeasurePosition> measures; // total, personnel_share, three_public, per_staff (in that order)
    std::vector<ClosePeer> closest;        // up to 3, nearest 支出合计 first
};

// Filing identity for looking up a position: (county folder, year, slug).
using PeerKey = std::tuple<std::string, int, std::string>;

// The position of every department of every county-year in `all` among its own county-year's departments,
// keyed by (county folder, year, slug). The closest peers are the departments of the same county-year
// nearest by 支出合计 (up to 3); when the county-year has fewer than 2 others with a 支出合计, the nearest
// departments of the same year in other counties fill up to 2. Ties break by county folder and slug, so the
// result is deterministic. A department without 支出合计 gets no closest peers. Cost: O(n log n) over all
// departments (sorted once per county-year and measure, and once per year for the cross-county lookup).
std::map<PeerKey, PeerPosition> peer_positions(const std::vector<CountyYear>& all);

}  // namespace gongkai
