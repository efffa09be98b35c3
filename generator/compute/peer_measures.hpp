#pragma once
// The measures on which departments of a county-year are compared with each other (county dashboard,
// department page): totals, shares and per-person figures, each read from a DepartmentSummary.
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "compute/department_summary.hpp"

namespace gongkai {

// A measure of the peer comparison: a stable id, a zh-CN label, a unit, and the value per department
// (nullopt = the department does not publish what the measure needs).
struct PeerMeasure {
    const char* id;
    const char* label;
    const char* unit;
    std::function<MaybeMoney(const DepartmentSummary&)> value;
};

// a / b as a percentage in millionths of a percent; nullopt when either is unknown or b is 0.
MaybeMoney ratio_pct(const MaybeMoney& a, const MaybeMoney& b);

// a / n in millionths (per person, per vehicle); nullopt when either is unknown or n <= 0.
MaybeMoney per(const MaybeMoney& a, const std::optional<int>& n);

// Every peer measure, in display order. Ids: total, project_share, personnel_share, three_public,
// three_public_rate, operating_cost, per_staff, three_public_per_staff, vehicle_cost.
const std::vector<PeerMeasure>& peer_measures();

// The measure with this id, or nullptr.
const PeerMeasure* find_peer_measure(std::string_view id);

}  // namespace gongkai
