#include <functional>
#include <map>

#include "compute/peer_stats.hpp"
#include "render/escape.hpp"
#include "render/view_audit.hpp"
#include "render/view_common.hpp"
#include "render/views.hpp"

namespace gongkai {

namespace {

// A sortable cell: the text shown and the exact sort key (millionths), empty when unpublished.
json sortable(const MaybeMoney& m) {
    return {{"text", money_text(m)}, {"sort", m ? std::to_string(*m) : ""}};
}

json sortable_share(const MaybeMoney& part, const MaybeMoney& whole) {
    std::optional<std::int64_t> p;
    if (part && whole) p = percent_micro(*part, *whole);
    return {{"text", p ? format_micro(*p, 2) + "%" : "—"}, {"sort", p ? std::to_string(*p) : ""}};
}

// A measure of the peer comparison: a label, a unit, and the value per department (nullopt = unknown).
struct PeerMeasure {
    const char* id;
    const char* label;
    const char* unit;
    std::function<MaybeMoney(const DepartmentSummary&)> value;
};

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

}  // namespace

json county_view(const CountyYear& cy, const std::map<std::string, std::optional<YearOverYear>>& yoy,
                 const std::map<std::string, const AuditReport*>& audits) {
    json v;
    v["root"] = root_prefix(2);
    v["title"] = cy.county_name + " " + std::to_string(cy.year) + "年度部门决算总览";
    v["county"] = cy.county_name;
    v["province"] = cy.province;
    v["year"] = cy.year;
    v["synthetic"] = cy.synthetic;
    v["home_link"] = "../../";
    v["department_count"] = cy.departments.size();
    v["totals"] = json::array({
        {{"label", "支出合计"}, {"value", format_micro(cy.total_expenditure)}, {"unit", "万元"}},
        {{"label", "基本支出"}, {"value", format_micro(cy.basic)}, {"unit", "万元"}},
        {{"label", "项目支出"}, {"value", format_micro(cy.project)}, {"unit", "万元"}},
        {{"label", "人员经费"}, {"value", format_micro(cy.personnel)}, {"unit", "万元"}},
        {{"label", "公用经费"}, {"value", format_micro(cy.public_funds)}, {"unit", "万元"}},
        {{"label", "“三公”经费决算"}, {"value", format_micro(cy.three_public_actual)}, {"unit", "万元"},
         {"note", "预算 " + format_micro(cy.three_public_budget) + " 万元"}},
    });

    json rows = json::array();
    json findings = json::array();
    json chart_names = json::array(), chart_basic = json::array(), chart_project = json::array();
    for (const auto& d : cy.departments) {
        const auto& s = d.summary;
        json yoy_cell = {{"text", "—"}, {"sort", ""}, {"note", ""}};
        if (auto it = yoy.find(d.filing->slug); it != yoy.end() && it->second) {
            const YearOverYear& y = *it->second;
            // The first line with a percentage is the headline change (收支总计 or 本年支出合计).
            for (const auto& l : y.lines) {
                if (!l.pct_micro) continue;
                yoy_cell = {{"text", pct_text(l.pct_micro)}, {"sort", std::to_string(*l.pct_micro)},
                            {"note", y.source == YoySource::NarrativeStatement ? "据情况说明推算（" + l.label + "）" : "对比上年决算（" + l.label + "）"}};
                break;
            }
        }
        json quality = {{"text", "—"}, {"sort", ""}};
        if (auto it = audits.find(d.filing->slug); it != audits.end() && it->second) {
            const AuditReport& a = *it->second;
            int errors = a.count(Severity::Error), warnings = a.count(Severity::Warning);
            // Sorts by errors first, then warnings; the share of rules passed is shown beside.
            quality = {{"text", std::to_string(a.rules_passed()) + "/" + std::to_string(a.rules_applied()) + " 条规则通过"},
                       {"errors", errors}, {"warnings", warnings}, {"clean", errors == 0 && warnings == 0},
                       {"sort", std::to_string(errors * 1000 + warnings)}};
            for (const auto& fd : a.findings) {
                if (fd.severity == Severity::Info) continue;
                json fv = finding_view(fd, d.filing->slug + "/index.html");
                fv["department"] = d.filing->department_name;
                fv["department_link"] = d.filing->slug + "/index.html#audit";
                findings.push_back(fv);
            }
        }
        rows.push_back({{"name", d.filing->department_name}, {"link", d.filing->slug + "/"}, {"quality", quality},
                        {"synthetic", d.filing->synthetic},
                        {"cells", json::array({sortable(s.total_expenditure), sortable(s.basic), sortable(s.project),
                                               sortable_share(s.project, s.total_expenditure), sortable(s.personnel),
                                               sortable(s.public_funds), sortable(s.three_public_actual),
                                               sortable(s.three_public_budget)})},
                        {"yoy", yoy_cell}});
        chart_names.push_back(d.filing->department_name);
        chart_basic.push_back(money_number(s.basic));
        chart_project.push_back(money_number(s.project));
    }
    v["departments"] = rows;
    v["findings"] = findings;
    v["has_findings"] = !findings.empty();

    json class_rows = json::array();
    json class_series = json::array();
    json class_names = json::array();
    for (const auto& c : cy.classes) {
        class_rows.push_back({{"code", c.code}, {"name", c.name}, {"value", format_micro(c.micro)},
                              {"share", share_text(c.micro, cy.total_expenditure)}});
        class_names.push_back(c.code + " " + c.name);
    }
    // Stacked bars: one series per department over the function classes.
    for (const auto& d : cy.departments) {
        json data = json::array();
        for (const auto& c : cy.classes) {
            auto it = c.by_department.find(d.filing->slug);
            data.push_back(it == c.by_department.end() ? json(nullptr) : money_number(it->second));
        }
        class_series.push_back({{"name", d.filing->department_name}, {"stack", "classes"}, {"data", data}});
    }
    v["classes"] = class_rows;
    // Key economic classes that some department prints (each has its page).
    std::map<std::string, std::string> economic;
    for (const auto& d : cy.departments)
        if (const Table* t06 = d.filing->table(TableKind::BasicExpenditure); t06 && t06->block("main"))
            for (const auto& r : t06->block("main")->rows)
                if (is_key_economic_code(r.code) &&
                    t06->block("main")->cell(r, "amount"))
                    economic.emplace(r.code, r.name);
    json economic_links = json::array();
    for (const auto& [code, name] : economic) economic_links.push_back({{"code", code}, {"name", name}});
    v["economic"] = economic_links;
    v["has_economic"] = !economic.empty();

    // Normalised views and where each department sits among its peers.
    json measures = json::array(), stats = json::array();
    for (const auto& m : peer_measures()) {
        std::vector<std::int64_t> values;
        for (const auto& d : cy.departments)
            if (auto x = m.value(d.summary)) values.push_back(*x);
        measures.push_back({{"label", m.label}, {"unit", m.unit}});
        auto q = quartiles(values);
        auto text = [](std::int64_t x) { return format_micro(x, 2); };
        stats.push_back({{"label", m.label}, {"unit", m.unit}, {"count", values.size()},
                         {"min", q ? text(q->min) : "—"}, {"q1", q ? text(q->q1) : "—"}, {"median", q ? text(q->median) : "—"},
                         {"q3", q ? text(q->q3) : "—"}, {"max", q ? text(q->max) : "—"}});
    }
    json peer_rows = json::array();
    for (const auto& d : cy.departments) {
        json cells = json::array();
        for (const auto& m : peer_measures()) {
            std::vector<std::int64_t> values;
            for (const auto& e : cy.departments)
                if (auto x = m.value(e.summary)) values.push_back(*x);
            auto x = m.value(d.summary);
            cells.push_back({{"text", x ? format_micro(*x, 2) : "—"}, {"sort", x ? std::to_string(*x) : ""},
                             {"rank", x ? "第 " + std::to_string(rank_descending(values, *x)) + "/" + std::to_string(values.size()) : ""}});
        }
        peer_rows.push_back({{"name", d.filing->department_name}, {"link", d.filing->slug + "/"}, {"cells", cells}});
    }
    v["peer_measures"] = measures;
    v["peer_rows"] = peer_rows;
    v["peer_stats"] = stats;
    v["charts"] = json::array({
        {{"id", "by-department"}, {"type", "bar"}, {"title", "各部门支出：基本支出与项目支出（万元）"},
         {"data", json_for_script({{"type", "bar"}, {"unit", "万元"}, {"horizontal", true}, {"categories", chart_names},
                                   {"series", json::array({{{"name", "基本支出"}, {"stack", "total"}, {"data", chart_basic}},
                                                           {{"name", "项目支出"}, {"stack", "total"}, {"data", chart_project}}})}})}},
        {{"id", "by-class"}, {"type", "bar"}, {"title", "按功能分类（类）的支出，按部门堆叠（万元）"},
         {"data", json_for_script({{"type", "bar"}, {"unit", "万元"}, {"horizontal", true}, {"categories", class_names},
                                   {"series", class_series}})}},
    });
    return v;
}

}  // namespace gongkai
