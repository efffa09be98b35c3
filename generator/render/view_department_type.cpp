// Department-type pages: the same kind of department (财政, 教育, 公安 …) compared across counties and years,
// and the index of types with the departments no type matches.
#include <algorithm>
#include <map>
#include <set>

#include "compute/peer_stats.hpp"
#include "render/escape.hpp"
#include "render/view_common.hpp"
#include "render/views.hpp"

namespace gongkai {

namespace {

// Charts stay readable at phone width: at most this many bars, largest first.
constexpr std::size_t kChartBars = 30;

// Largest 支出合计 first; unpublished totals last; ties in a stable, meaningful order.
bool by_total_descending(const TypeMember& a, const TypeMember& b) {
    const MaybeMoney &x = a.summary->total_expenditure, &y = b.summary->total_expenditure;
    if (x.has_value() != y.has_value()) return x.has_value();
    if (x && y && *x != *y) return *x > *y;
    return std::tie(a.filing->county_dir, a.filing->year, a.filing->slug) < std::tie(b.filing->county_dir, b.filing->year, b.filing->slug);
}

// "名称包含“财政局”或“财政厅”" — the rule that put departments in this type, in words.
std::string rule_text(const DepartmentType& t) {
    auto quoted = [](const std::vector<std::string>& v) {
        std::string s;
        for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "、“" : "“") + v[i] + "”";
        return s;
    };
    std::string s;
    auto one_of = [](const std::vector<std::string>& v) { return v.size() > 1 ? std::string("之一") : std::string(); };
    if (!t.contains.empty()) s += "名称包含" + quoted(t.contains) + one_of(t.contains);
    if (!t.ends_with.empty()) s += (s.empty() ? "" : "，或") + std::string("名称以") + quoted(t.ends_with) + one_of(t.ends_with) + "结尾";
    if (!t.exclude.empty()) s += "，且不含" + quoted(t.exclude);
    return s;
}

std::set<std::string> counties_of(const std::vector<TypeMember>& members) {
    std::set<std::string> c;
    for (const auto& m : members) c.insert(m.filing->county_dir);
    return c;
}

}  // namespace

json department_type_view(const DepartmentType& type, const std::vector<TypeMember>& members) {
    const std::string root = root_prefix(2);
    json v;
    v["root"] = root;
    v["title"] = type.name + "类部门：跨地区、跨年度比较";
    v["heading"] = type.name;
    v["type_id"] = type.id;
    v["type_description"] = type.description;
    v["rule"] = rule_text(type);
    std::vector<TypeMember> sorted = members;
    std::sort(sorted.begin(), sorted.end(), by_total_descending);
    bool synthetic = false;
    std::map<int, std::vector<std::int64_t>> totals_by_year;
    for (const auto& m : sorted) {
        synthetic = synthetic || m.filing->synthetic;
        if (m.summary->total_expenditure) totals_by_year[m.filing->year].push_back(*m.summary->total_expenditure);
    }
    v["synthetic"] = synthetic;
    std::size_t county_count = counties_of(members).size();
    std::set<int> years;
    for (const auto& m : members) years.insert(m.filing->year);
    v["filing_count"] = members.size();
    v["county_count"] = county_count;
    v["year_count"] = years.size();

    // One row per filing.
    json rows = json::array();
    for (const auto& m : sorted) {
        const Filing& f = *m.filing;
        const DepartmentSummary& s = *m.summary;
        rows.push_back({{"department", f.department_name}, {"link", root + department_path(f) + "index.html"},
                        {"county", f.county.name}, {"county_link", root + county_year_path(f.county_dir, f.year) + "index.html"},
                        {"year", f.year}, {"synthetic", f.synthetic}, {"total", sortable_money(s.total_expenditure)},
                        {"basic_share", sortable_share(s.basic, s.total_expenditure)},
                        {"project_share", sortable_share(s.project, s.total_expenditure)}, {"personnel", sortable_money(s.personnel)},
                        {"three_actual", sortable_money(s.three_public_actual)}, {"three_budget", sortable_money(s.three_public_budget)},
                        {"change", yoy_cell(m.yoy ? *m.yoy : std::nullopt)}});
    }
    v["rows"] = rows;

    // The median per year, and its change between consecutive years present.
    json per_year = json::array();
    std::optional<std::int64_t> prior_median;
    int prior_year = 0;
    for (int year : years) {
        auto it = totals_by_year.find(year);
        MaybeMoney median, min, max;  // of the members' 支出合计 this year; none when no member published one
        if (it != totals_by_year.end())
            if (const std::optional<Quartiles> q = quartiles(it->second)) median = q->median, min = q->min, max = q->max;
        std::size_t filed = 0;
        for (const auto& m : members) filed += m.filing->year == year;
        json row = {{"year", year}, {"departments", filed}, {"median", money_text(median)}, {"min", money_text(min)},
                    {"max", money_text(max)}, {"change", "—"}};
        if (median && prior_median && prior_year == year - 1 && *prior_median != 0)
            if (auto pct = percent_micro(*median - *prior_median, *prior_median)) row["change"] = arrow_pct(*pct);
        prior_median = median;
        prior_year = year;
        per_year.push_back(row);
    }
    v["per_year"] = per_year;
    v["has_years"] = years.size() > 1;

    // The latest year: its median in words and a ranked bar chart of its departments.
    json chart_categories = json::array(), chart_data = json::array();
    if (!years.empty()) {
        int latest = *years.rbegin();
        v["latest_year"] = latest;
        auto it = totals_by_year.find(latest);
        if (it != totals_by_year.end()) {
            auto q = quartiles(it->second);
            v["latest_median"] = amount_text(q->median);
            v["latest_count"] = q->count;
            v["latest_several"] = q->count > 1;
        }
        // A county appears once per year unless it has two departments of the type: then the name says which.
        std::map<std::string, int> per_county;
        for (const auto& m : sorted)
            if (m.filing->year == latest) ++per_county[m.filing->county_dir];
        std::size_t shown = 0, in_year = 0;
        for (const auto& m : sorted) {
            if (m.filing->year != latest || !m.summary->total_expenditure) continue;
            ++in_year;
            if (shown == kChartBars) continue;
            ++shown;
            chart_categories.push_back(per_county[m.filing->county_dir] > 1 ? m.filing->department_name : m.filing->county.name);
            chart_data.push_back(money_number(m.summary->total_expenditure));
        }
        v["chart_note"] = in_year > shown ? "图中只列出支出合计最大的 " + std::to_string(shown) + " 个，全部见上表。" : "";
    }
    v["has_chart"] = !chart_categories.empty();
    v["chart"] = json_for_script({{"type", "hbar"}, {"unit", "万元"}, {"categories", chart_categories},
                                  {"series", json::array({{{"name", "支出合计"}, {"data", chart_data}}})}});
    v["description"] = type.name + "类部门的决算跨地区、跨年度比较：" + std::to_string(members.size()) + " 份决算，来自 " +
                       std::to_string(county_count) + " 个地区。";
    return v;
}

json department_types_index_view(const DepartmentTypes& types, const std::map<std::string, std::vector<TypeMember>>& by_type,
                                 const std::vector<TypeMember>& untyped) {
    json v;
    v["root"] = root_prefix(1);
    v["title"] = "部门类型：同类部门跨地区比较";
    bool synthetic = false;
    json present = json::array(), absent = json::array();
    for (const auto& t : types) {
        auto it = by_type.find(t.id);
        if (it == by_type.end() || it->second.empty()) {
            absent.push_back({{"name", t.name}, {"rule", rule_text(t)}});
            continue;
        }
        std::set<int> years;
        for (const auto& m : it->second) {
            years.insert(m.filing->year);
            synthetic = synthetic || m.filing->synthetic;
        }
        std::string span = std::to_string(*years.begin()) + (years.size() > 1 ? "–" + std::to_string(*years.rbegin()) : "");
        present.push_back({{"id", t.id}, {"name", t.name}, {"description", t.description}, {"link", t.id + "/index.html"},
                           {"filings", it->second.size()}, {"counties", counties_of(it->second).size()}, {"years", span}});
    }
    std::vector<TypeMember> rest = untyped;
    std::sort(rest.begin(), rest.end(), [](const TypeMember& a, const TypeMember& b) {
        return std::tie(a.filing->county_dir, a.filing->year, a.filing->department_name) <
               std::tie(b.filing->county_dir, b.filing->year, b.filing->department_name);
    });
    json others = json::array();
    for (const auto& m : rest) {
        synthetic = synthetic || m.filing->synthetic;
        others.push_back({{"department", m.filing->department_name}, {"county", m.filing->county.name}, {"year", m.filing->year},
                          {"link", root_prefix(1) + department_path(*m.filing) + "index.html"}});
    }
    v["synthetic"] = synthetic;
    v["types"] = present;
    v["has_types"] = !present.empty();
    v["absent"] = absent;
    v["has_absent"] = !absent.empty();
    v["absent_count"] = absent.size();
    v["untyped"] = others;
    v["has_untyped"] = !others.empty();
    v["has_mapping"] = !types.empty();
    v["description"] = "按部门名称把同类部门（财政、教育、卫生健康、公安……）归在一起，跨地区、跨年度比较。";
    return v;
}

}  // namespace gongkai
