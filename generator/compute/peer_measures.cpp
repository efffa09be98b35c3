#include "compute/peer_measures.hpp"

#include "compute/peer_stats.hpp"

namespace gongkai {

MaybeMoney ratio_pct(const MaybeMoney& a, const MaybeMoney& b) {
    if (!a || !b || *b == 0) return std::nullopt;
    return percent_micro(*a, *b);
}

MaybeMoney per(const MaybeMoney& a, const std::optional<int>& n) {
    if (!a || !n || *n <= 0) return std::nullopt;
    return divide_rounded(*a, *n);
}

const std::vector<PeerMeasure>& peer_measures() {
    static const std::vector<PeerMeasure> m = {
        {"total", "支出合计", "万元", [](const DepartmentSummary& s) { return s.total_expenditure; }},
        {"project_share", "项目支出占比", "%", [](const DepartmentSummary& s) { return ratio_pct(s.project, s.total_expenditure); }},
        {"personnel_share", "人员经费占基本支出比例", "%", [](const DepartmentSummary& s) { return ratio_pct(s.personnel, s.basic); }},
        {"three_public", "“三公”经费决算", "万元", [](const DepartmentSummary& s) { return s.three_public_actual; }},
        {"three_public_rate", "“三公”经费预算完成率", "%", [](const DepartmentSummary& s) { return ratio_pct(s.three_public_actual, s.three_public_budget); }},
        {"operating_cost", "机关运行经费", "万元", [](const DepartmentSummary& s) { return s.operating_cost; }},
        {"per_staff", "人均支出（按实有人数）", "万元/人", [](const DepartmentSummary& s) { return per(s.total_expenditure, s.staff_actual); }},
        {"three_public_per_staff", "人均“三公”经费", "万元/人", [](const DepartmentSummary& s) { return per(s.three_public_actual, s.staff_actual); }},
        {"vehicle_cost", "每辆车运行维护费", "万元/辆", [](const DepartmentSummary& s) { return per(s.vehicle_operation, s.vehicles_actual); }},
    };
    return m;
}

const PeerMeasure* find_peer_measure(std::string_view id) {
    for (const auto& m : peer_measures())
        if (id == m.id) return &m;
    return nullptr;
}

}  // namespace gongkai
