// The county across its years (<county_dir>/index.html): totals per year, trend, departments entering and
// leaving, and links to each year's dashboard.
#include "render/escape.hpp"
#include "render/view_common.hpp"
#include "render/views.hpp"

namespace gongkai {

namespace {

json amount_cell(const MaybeMoney& m) { return {{"text", amount_text(m)}, {"sort", m ? std::to_string(*m) : ""}}; }

json department_links(const std::vector<const Filing*>& filings) {
    json out = json::array();
    for (const Filing* f : filings)
        out.push_back({{"name", f->department_name}, {"link", std::to_string(f->year) + "/" + f->slug + "/index.html"}});
    return out;
}

}  // namespace

json county_years_view(const std::vector<const CountyYear*>& years) {
    const CountyYear& last = *years.back();
    json v;
    v["root"] = root_prefix(1);
    v["title"] = last.county_name + " 历年部门决算";
    v["county"] = last.county_name;
    v["province"] = last.province;
    v["description"] = last.county_name + "各部门历年决算：每年的支出合计、趋势，以及各年度新增和不再公开决算的部门。";
    bool synthetic = false;
    json rows = json::array(), cats = json::array();
    json total = json::array(), basic = json::array(), project = json::array(), personnel = json::array();
    for (std::size_t i = 0; i < years.size(); ++i) {
        const CountyYear& cy = *years[i];
        synthetic = synthetic || cy.synthetic;
        // All departments of each year: the change mixes spending with departments that entered or left.
        json change = {{"text", "—"}, {"sort", ""}};
        if (i > 0 && years[i - 1]->total_expenditure != 0) {
            auto pct = percent_micro(cy.total_expenditure - years[i - 1]->total_expenditure, years[i - 1]->total_expenditure);
            change = {{"text", pct ? arrow_pct(*pct) : "—"}, {"sort", pct ? std::to_string(*pct) : ""}};
        }
        rows.push_back({{"year", cy.year}, {"link", std::to_string(cy.year) + "/index.html"}, {"departments", cy.departments.size()},
                        {"synthetic", cy.synthetic},
                        {"cells", json::array({amount_cell(cy.total_expenditure), amount_cell(cy.basic), amount_cell(cy.project),
                                               amount_cell(cy.personnel), amount_cell(cy.public_funds), amount_cell(cy.three_public_actual)})},
                        {"change", change}});
        cats.push_back(std::to_string(cy.year));
        total.push_back(money_number(cy.total_expenditure));
        basic.push_back(money_number(cy.basic));
        project.push_back(money_number(cy.project));
        personnel.push_back(money_number(cy.personnel));
    }
    v["synthetic"] = synthetic;
    v["years"] = rows;
    v["year_count"] = years.size();
    v["first_year"] = years.front()->year;
    v["last_year"] = last.year;
    v["multi_year"] = years.size() > 1;
    AmountDisplay latest = amount_display(last.total_expenditure);
    v["latest"] = {{"year", last.year}, {"value", latest.value}, {"unit", latest.unit}, {"departments", last.departments.size()},
                   {"link", std::to_string(last.year) + "/index.html"}};
    v["chart"] = json_for_script({{"type", "line"}, {"unit", "万元"}, {"categories", cats},
                                  {"series", json::array({{{"name", "支出合计"}, {"data", total}}, {{"name", "基本支出"}, {"data", basic}},
                                                          {{"name", "项目支出"}, {"data", project}}, {{"name", "人员经费"}, {"data", personnel}}})}});
    json turnover = json::array();
    for (const auto& t : department_turnover(years)) {
        std::optional<std::int64_t> like_for_like;
        if (t.continuing_from_total != 0)
            like_for_like = percent_micro(t.continuing_to_total - t.continuing_from_total, t.continuing_from_total);
        turnover.push_back({{"from_year", t.from_year}, {"to_year", t.to_year}, {"continuing", t.continuing},
                            {"entered", department_links(t.entered)}, {"has_entered", !t.entered.empty()},
                            {"entered_count", t.entered.size()},
                            {"left", department_links(t.left)}, {"has_left", !t.left.empty()}, {"left_count", t.left.size()},
                            {"like_for_like", like_for_like ? arrow_pct(*like_for_like) : "—"},
                            {"like_for_like_from", amount_text(t.continuing_from_total)},
                            {"like_for_like_to", amount_text(t.continuing_to_total)}});
    }
    v["turnover"] = turnover;
    return v;
}

}  // namespace gongkai
