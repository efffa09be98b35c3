#include "audit/grouping.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace gongkai {

std::vector<FindingGroup> group_findings(const AuditReport& r) {
    const auto& findings = r.findings;
    std::vector<bool> grouped(findings.size(), false);
    std::vector<FindingGroup> groups;
    for (;;) {
        // For every cell (by pointer): the ungrouped findings naming it, in report order.
        std::map<std::string, std::vector<std::size_t>> naming;
        std::map<std::string, const CellRef*> cell_of;
        std::set<std::string> stated;  // cells some finding is about (its found side), not only reads
        for (std::size_t i = 0; i < findings.size(); ++i) {
            if (grouped[i]) continue;
            std::set<std::string> seen;
            for (std::size_t k = 0; k < findings[i].cells.size(); ++k) {
                const CellRef& c = findings[i].cells[k];
                if (k < findings[i].found_cells) stated.insert(c.pointer);
                if (c.pointer.empty() || !seen.insert(c.pointer).second) continue;
                naming[c.pointer].push_back(i);
                cell_of.emplace(c.pointer, &c);
            }
        }
        // A narrative figure that findings merely compute with (the whole of two shares) is no common cause;
        // one that a finding is about is. A table cell two findings name is always one.
        auto eligible = [&](const std::string& pointer) {
            return cell_of.at(pointer)->table != "narrative" || stated.count(pointer) > 0;
        };
        const std::string* best = nullptr;
        auto rank = [&](const std::string& pointer) {
            const auto& who = naming.at(pointer);
            const Finding& lead = findings[who.front()];
            std::size_t position = 0;
            while (position < lead.cells.size() && lead.cells[position].pointer != pointer) ++position;
            bool figure = cell_of.at(pointer)->table == "narrative";
            // More findings first; then a table cell; then the most material lead; then its cell order.
            return std::make_tuple(-static_cast<long>(who.size()), figure, who.front(), position);
        };
        for (const auto& [pointer, who] : naming)
            if (who.size() >= 2 && eligible(pointer) && (!best || rank(pointer) < rank(*best))) best = &pointer;
        if (!best) break;
        FindingGroup g;
        g.cause = *cell_of.at(*best);
        g.members = naming.at(*best);
        for (std::size_t i : g.members) grouped[i] = true;
        groups.push_back(std::move(g));
    }
    for (std::size_t i = 0; i < findings.size(); ++i)
        if (!grouped[i]) groups.push_back({std::nullopt, {i}});
    std::stable_sort(groups.begin(), groups.end(),
                     [](const FindingGroup& a, const FindingGroup& b) { return a.members.front() < b.members.front(); });
    return groups;
}

std::vector<int> display_numbers(const std::vector<FindingGroup>& groups, std::size_t finding_count) {
    std::vector<int> number(finding_count, 0);
    int next = 1;
    for (const auto& g : groups)
        for (std::size_t i : g.members)
            if (i < finding_count) number[i] = next++;
    return number;
}

}  // namespace gongkai
