#include "audit/grouping.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace gongkai {

namespace {

const std::string kNarrativeOpen = "情况说明（", kNarrativeClose = "）所述";

// A side label without the narrative section it names ("情况说明（七（二））所述" -> "情况说明所述").
std::string without_section(const std::string& label) { return narrative_section(label).empty() ? label : "情况说明所述"; }

bool same_cell_but_place(const CellRef& a, const CellRef& b) {
    if (a.table != b.table || a.block != b.block || a.row != b.row || a.column != b.column || a.printed != b.printed ||
        a.plain != b.plain)
        return false;
    // A table cell is one place of one table; a narrative figure may be stated at several places.
    return a.table == "narrative" || a.pointer == b.pointer;
}

// Splits members into lines: each line the members that repeat its first, in members' order.
std::vector<std::vector<std::size_t>> lines_of(const AuditReport& r, const std::vector<std::size_t>& members) {
    std::vector<std::vector<std::size_t>> lines;
    for (std::size_t i : members) {
        auto line = std::find_if(lines.begin(), lines.end(),
                                 [&](const auto& l) { return repeats_elsewhere(r.findings[l.front()], r.findings[i]); });
        if (line == lines.end())
            lines.push_back({i});
        else
            line->push_back(i);
    }
    return lines;
}

}  // namespace

std::string narrative_section(const std::string& label) {
    if (label.size() <= kNarrativeOpen.size() + kNarrativeClose.size() || label.rfind(kNarrativeOpen, 0) != 0 ||
        label.compare(label.size() - kNarrativeClose.size(), kNarrativeClose.size(), kNarrativeClose) != 0)
        return "";
    return label.substr(kNarrativeOpen.size(), label.size() - kNarrativeOpen.size() - kNarrativeClose.size());
}

bool repeats_elsewhere(const Finding& a, const Finding& b) {
    if (a.rule != b.rule || a.severity != b.severity || a.check != b.check || a.unit != b.unit ||
        a.found_value != b.found_value || a.expected_value != b.expected_value || a.difference != b.difference ||
        a.excess != b.excess || a.found_cells != b.found_cells || a.base_cells != b.base_cells ||
        a.headline != b.headline || a.cells.size() != b.cells.size() ||
        without_section(a.found_label) != without_section(b.found_label) ||
        without_section(a.expected_label) != without_section(b.expected_label))
        return false;
    // Flag checks carry their words only in the message; it must agree but for the places it names.
    if (a.check == CheckKind::Flag && a.headline.empty() && a.message != b.message) return false;
    for (std::size_t k = 0; k < a.cells.size(); ++k)
        if (!same_cell_but_place(a.cells[k], b.cells[k])) return false;
    return true;
}

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
        // A place of the printed text (a whole section, an attachment: table "text") holds slips of their own.
        auto eligible = [&](const std::string& pointer) {
            if (cell_of.at(pointer)->table == "text") return false;
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
    // What is left: a finding on its own, or with its repeats elsewhere in the narrative.
    for (std::size_t i = 0; i < findings.size(); ++i) {
        if (grouped[i]) continue;
        FindingGroup g;
        for (std::size_t j = i; j < findings.size(); ++j)
            if (!grouped[j] && (j == i || repeats_elsewhere(findings[i], findings[j]))) {
                g.members.push_back(j);
                grouped[j] = true;
            }
        groups.push_back(std::move(g));
    }
    for (auto& g : groups) g.lines = lines_of(r, g.members);
    std::stable_sort(groups.begin(), groups.end(),
                     [](const FindingGroup& a, const FindingGroup& b) { return a.members.front() < b.members.front(); });
    return groups;
}

std::vector<int> display_numbers(const std::vector<FindingGroup>& groups, std::size_t finding_count) {
    std::vector<int> number(finding_count, 0);
    int next = 1;
    for (const auto& g : groups) {
        if (g.lines.empty()) {
            for (std::size_t i : g.members)
                if (i < finding_count) number[i] = next++;
            continue;
        }
        for (const auto& line : g.lines) {
            for (std::size_t i : line)
                if (i < finding_count) number[i] = next;
            ++next;
        }
    }
    return number;
}

}  // namespace gongkai
