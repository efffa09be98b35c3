#include <algorithm>
#include <map>

#include "compute/bounded_sum.hpp"
#include "compute/peer_measures.hpp"
#include "compute/peer_stats.hpp"
#include "render/escape.hpp"
#include "render/view_audit.hpp"
#include "render/view_budget_execution.hpp"
#include "render/view_common.hpp"
#include "render/views.hpp"

namespace gongkai {

namespace {

// A value of a peer measure in the site's format: percentages (millionths of a percent) with the site's
// one precision, amounts grouped with 2 decimals.
std::string measure_text(std::int64_t x, const std::string& unit) {
    if (unit == "%") return share_text(x, 100 * kMicro);  // x / 100% as a share: the value itself, "83.1%"
    return money_text(x);
}

// How many departments the stacked class chart names; the rest are summed into one 其他 series
// (nine series use the nine distinct colours of the chart palette, and the legend fits without paging).
constexpr std::size_t kTopDepartments = 8;

}  // namespace

json county_view(const CountyYear& cy, const std::map<std::string, std::optional<YearOverYear>>& yoy,
                 const std::map<std::string, const AuditReport*>& audits, const CountyBudgetExecution& budgets) {
    json v;
    v["root"] = root_prefix(2);
    v["title"] = cy.county_name + " " + std::to_string(cy.year) + "年度部门决算总览";
    v["county"] = cy.county_name;
    v["province"] = cy.province;
    v["year"] = cy.year;
    v["synthetic"] = cy.synthetic;
    v["home_link"] = "../../";
    v["county_link"] = "../index.html";  // the county across its years
    v["department_count"] = cy.departments.size();
    auto card = [](const char* label, std::int64_t m) {
        AmountDisplay a = amount_display(m);
        return json{{"label", label}, {"value", a.value}, {"unit", a.unit}};
    };
    json three = card("“三公”经费决算", cy.three_public_actual);
    three["note"] = "预算 " + amount_text(cy.three_public_budget);
    v["totals"] = json::array({card("支出合计", cy.total_expenditure), card("基本支出", cy.basic), card("项目支出", cy.project),
                               card("人员经费", cy.personnel), card("公用经费", cy.public_funds), three});

    json rows = json::array();
    json findings = json::array();
    json chart_names = json::array(), chart_totals = json::array();
    for (const auto& d : cy.departments) {
        const auto& s = d.summary;
        // The site's one 较上年 (yoy_cell): 本年支出合计, else 收支总计 named as such; the same on every page.
        auto yoy_it = yoy.find(d.filing->slug);
        json change = yoy_cell(yoy_it == yoy.end() ? std::nullopt : yoy_it->second);
        json quality = {{"text", "—"}, {"sort", ""}};
        if (auto it = audits.find(d.filing->slug); it != audits.end() && it->second) {
            const AuditReport& a = *it->second;
            // Root causes, counted and worded as on the department page (view_audit.hpp); sorts by errors first,
            // then warnings; the share of rules passed is shown beside.
            RootCauseCounts n = root_cause_counts(a);
            quality = {{"text", audit_status_text(a)},
                       {"rules", std::to_string(a.rules_passed()) + "/" + std::to_string(a.rules_applied()) + " 条规则通过"},
                       {"errors", n.errors}, {"warnings", n.warnings}, {"clean", n.errors == 0 && n.warnings == 0},
                       {"sort", std::to_string(n.errors * 1000 + n.warnings)}};
            for (auto& fv : root_cause_views(a, d.filing->slug + "/index.html")) {
                fv["department"] = d.filing->department_name;
                fv["department_link"] = d.filing->slug + "/index.html#audit";
                findings.push_back(std::move(fv));
            }
        }
        rows.push_back({{"name", d.filing->department_name}, {"link", d.filing->slug + "/"}, {"quality", quality},
                        {"synthetic", d.filing->synthetic},
                        {"cells", json::array({sortable_money(s.total_expenditure), sortable_money(s.basic), sortable_money(s.project),
                                               sortable_share(s.project, s.total_expenditure), sortable_money(s.personnel),
                                               sortable_money(s.public_funds), sortable_money(s.three_public_actual),
                                               sortable_money(s.three_public_budget)})},
                        {"yoy", change}});
        if (s.total_expenditure) {  // the ranked chart shows the departments that publish 支出合计, largest first
            chart_names.push_back(d.filing->department_name);
            chart_totals.push_back(money_number(s.total_expenditure));
        }
    }
    v["departments"] = rows;
    v["budget"] = county_budget_view(budgets);
    sort_by_materiality(findings);  // across departments, the most material first
    v["findings"] = findings;
    v["has_findings"] = !findings.empty();

    // Function classes by amount (largest first), each 类 followed by its 款 (largest first).
    std::vector<const ClassTotal*> classes;
    for (const auto& c : cy.classes) classes.push_back(&c);
    auto larger = [](const ClassTotal* a, const ClassTotal* b) { return a->micro != b->micro ? a->micro > b->micro : a->code < b->code; };
    std::sort(classes.begin(), classes.end(), larger);
    json class_rows = json::array();
    for (const ClassTotal* c : classes) {
        class_rows.push_back({{"code", c->code}, {"name", c->name}, {"value", money_text(c->micro)}, {"level", 0},
                              {"share", share_text(c->micro, cy.total_expenditure)}});
        std::vector<const ClassTotal*> subs;
        for (const auto& k : c->subclasses) subs.push_back(&k);
        std::sort(subs.begin(), subs.end(), larger);
        for (const ClassTotal* k : subs)
            class_rows.push_back({{"code", k->code}, {"name", k->name}, {"value", money_text(k->micro)}, {"level", 1},
                                  {"share", share_text(k->micro, cy.total_expenditure)}});
    }
    // Stacked bars per class: the largest departments by name, the rest summed exactly into 其他.
    json class_names = json::array();
    for (const ClassTotal* c : classes) class_names.push_back(c->code + " " + c->name);
    json class_series = json::array();
    std::size_t named = cy.departments.size() > kTopDepartments + 1 ? kTopDepartments : cy.departments.size();
    for (std::size_t i = 0; i < named; ++i) {
        const auto& d = cy.departments[i];
        json data = json::array();
        for (const ClassTotal* c : classes) {
            auto it = c->by_department.find(d.filing->slug);
            data.push_back(it == c->by_department.end() ? json(nullptr) : money_number(it->second));
        }
        class_series.push_back({{"name", d.filing->department_name}, {"stack", "classes"}, {"data", data}});
    }
    if (named < cy.departments.size()) {
        json data = json::array();
        for (const ClassTotal* c : classes) {
            std::int64_t rest = 0;
            bool any = false;
            for (std::size_t i = named; i < cy.departments.size(); ++i)
                if (auto it = c->by_department.find(cy.departments[i].filing->slug); it != c->by_department.end()) {
                    add_amount(rest, it->second, *cy.departments[i].filing,
                               [&] { return c->code + " of the smaller departments of " + cy.county_name + " " + std::to_string(cy.year); });
                    any = true;
                }
            data.push_back(any ? money_number(rest) : json(nullptr));
        }
        class_series.push_back({{"name", "其他 " + std::to_string(cy.departments.size() - named) + " 个部门"}, {"stack", "classes"}, {"data", data}});
    }
    v["other_departments"] = named < cy.departments.size() ? cy.departments.size() - named : 0;
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
        std::string unit = m.unit;
        auto text = [&](std::int64_t x) { return measure_text(x, unit); };
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
            cells.push_back({{"text", x ? measure_text(*x, m.unit) : "—"}, {"sort", x ? std::to_string(*x) : ""},
                             {"rank", x ? "第 " + std::to_string(rank_descending(values, *x)) + "/" + std::to_string(values.size()) : ""}});
        }
        peer_rows.push_back({{"name", d.filing->department_name}, {"link", d.filing->slug + "/"}, {"cells", cells}});
    }
    v["peer_measures"] = measures;
    v["peer_rows"] = peer_rows;
    v["peer_stats"] = stats;
    v["charts"] = json::array({
        {{"id", "by-department"}, {"type", "hbar"}, {"title", "各部门支出合计排名（万元）"},
         {"data", json_for_script({{"type", "hbar"}, {"unit", "万元"}, {"categories", chart_names},
                                   {"series", json::array({{{"name", "支出合计"}, {"data", chart_totals}}})}})}},
    });
    std::string by_class_title = "按功能分类（类）的支出，" +
        (named < cy.departments.size() ? "支出最多的 " + std::to_string(named) + " 个部门及其他部门合计" : std::string("按部门堆叠")) + "（万元）";
    v["class_charts"] = json::array({
        {{"id", "by-class"}, {"type", "bar"}, {"title", by_class_title},
         {"data", json_for_script({{"type", "bar"}, {"unit", "万元"}, {"horizontal", true}, {"categories", class_names},
                                   {"series", class_series}})}},
    });
    return v;
}

}  // namespace gongkai
