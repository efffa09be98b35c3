// Pages that follow one thing across departments or years: a department over time, and a function or
// economic class across the departments of a county-year (and across that county's years).
#include <algorithm>
#include <map>
#include <set>

#include "compute/bounded_sum.hpp"
#include "render/escape.hpp"
#include "render/view_budget_execution.hpp"
#include "render/view_common.hpp"
#include "render/views.hpp"

namespace gongkai {

namespace {

json money_cell(const MaybeMoney& m) { return {{"text", money_text(m)}, {"sort", m ? std::to_string(*m) : ""}}; }

// Amount of a coded row of the spending table (03, else 05) in its total column.
MaybeMoney spending_of(const Filing& f, const std::string& code) {
    const Block* b = spending_block(f);
    const Row* r = b ? b->row_by_code(code) : nullptr;
    if (!r) return std::nullopt;
    auto c = b->cell(*r, "total");
    return c ? MaybeMoney(c->micro) : std::nullopt;
}

// The amount a department spends on a function class (spending table) or key economic class (table 06).
MaybeMoney class_amount(const Filing& f, const std::string& code, bool economic) {
    return economic ? cell_value(f.table(TableKind::BasicExpenditure), "main", code, "amount") : spending_of(f, code);
}

// The classes of a county-year that have a page (code -> printed name): function 类 and 款 that some department
// prints with an amount in its spending table, or key economic classes with an amount in table 06.
// The same rule as the class page jobs of the site build.
std::map<std::string, std::string> class_pages_of(const CountyYear& cy, bool economic) {
    std::map<std::string, std::string> out;
    for (const auto& d : cy.departments) {
        const Block* b = nullptr;
        if (!economic) b = spending_block(*d.filing);
        else if (const Table* t06 = d.filing->table(TableKind::BasicExpenditure)) b = t06->block("main");
        if (!b) continue;
        for (const auto& r : b->rows) {
            bool eligible = economic ? is_key_economic_code(r.code) : (r.code.size() == 3 || r.code.size() == 5);
            if (eligible && b->cell(r, economic ? "amount" : "total")) out.emplace(r.code, r.name);
        }
    }
    return out;
}

}  // namespace

json history_view(const std::vector<const Filing*>& years, const std::vector<const DepartmentSummary*>& summaries,
                  const std::vector<const std::optional<YearOverYear>*>& yoy, const CodeMappings& mappings,
                  const std::vector<const Filing*>& budgets) {
    const Filing& last = *years.back();
    json v;
    v["root"] = root_prefix(3);
    v["title"] = last.department_name + " 历年决算";
    v["department"] = last.department_name;
    v["county"] = last.county.name;
    v["county_link"] = "../../index.html";  // <county_dir>/departments/<slug>/ → <county_dir>/index.html
    v["synthetic"] = false;
    json rows = json::array();
    json cats = json::array(), total = json::array(), basic = json::array(), project = json::array(), three = json::array();
    for (std::size_t i = 0; i < years.size(); ++i) {
        const auto& s = *summaries[i];
        v["synthetic"] = v["synthetic"].get<bool>() || years[i]->synthetic;
        json change = yoy_cell(i < yoy.size() && yoy[i] ? *yoy[i] : std::nullopt);  // the site's one 较上年
        rows.push_back({{"year", years[i]->year}, {"link", "../../" + std::to_string(years[i]->year) + "/" + years[i]->slug + "/index.html"},
                        {"cells", json::array({money_cell(s.total_expenditure), money_cell(s.basic), money_cell(s.project), money_cell(s.personnel),
                                               money_cell(s.public_funds), money_cell(s.three_public_budget), money_cell(s.three_public_actual)})},
                        {"change", change}});
        cats.push_back(std::to_string(years[i]->year));
        total.push_back(money_number(s.total_expenditure));
        basic.push_back(money_number(s.basic));
        project.push_back(money_number(s.project));
        three.push_back(money_number(s.three_public_actual));
    }
    v["years"] = rows;
    v["budget"] = history_budget_view(plan_and_spending_by_year(years, budgets), last.slug);
    v["chart"] = json_for_script({{"type", "line"}, {"unit", "万元"}, {"categories", cats},
                                  {"series", json::array({{{"name", "支出合计"}, {"data", total}}, {{"name", "基本支出"}, {"data", basic}},
                                                          {{"name", "项目支出"}, {"data", project}}, {{"name", "“三公”经费决算"}, {"data", three}}})}});
    // Function codes followed across years: a code missing in a year cannot be followed there.
    std::map<std::string, std::string> names;
    std::vector<std::string> order;
    for (const Filing* f : years)
        if (const Block* b = spending_block(*f))
            for (const auto& r : b->rows)
                if (!r.code.empty() && !names.count(r.code)) {
                    names[r.code] = r.name;
                    order.push_back(r.code);
                }
    std::sort(order.begin(), order.end());
    // A code printed in a year only to be continued under another code (a documented rename or merge)
    // has no row of its own: its amounts appear under the new code.
    auto continued_in = [&](const std::string& code, int year) {
        for (const auto& m : mappings)
            if (m.from_year == year && std::find(m.from.begin(), m.from.end(), code) != m.from.end()) return true;
        return false;
    };
    json codes = json::array();
    int unfollowed = 0;
    for (const auto& code : order) {
        bool only_continued = true;
        for (const Filing* f : years)
            if (spending_of(*f, code) && !continued_in(code, f->year)) only_continued = false;
        if (only_continued && years.size() > 1) continue;
        json cells = json::array();
        bool gap = false;
        for (std::size_t i = 0; i < years.size(); ++i) {
            auto amount = spending_of(*years[i], code);
            std::string note;
            if (!amount)
                for (const auto& m : mappings) {
                    if (m.to != code || m.from_year != years[i]->year) continue;
                    std::int64_t sum = 0;
                    bool any = false;
                    for (const auto& from : m.from)
                        if (auto a = spending_of(*years[i], from)) {
                            add_amount(sum, *a, *years[i], [&] { return code + " as the sum of its former codes"; });
                            any = true;
                            note += (note.empty() ? "原科目 " : "、") + from;
                        }
                    if (any) amount = sum;
                }
            gap = gap || !amount;
            cells.push_back({{"text", money_text(amount)}, {"note", note}});
        }
        unfollowed += gap && years.size() > 1;
        codes.push_back({{"code", code}, {"name", names[code]}, {"level", (code.size() - 3) / 2}, {"cells", cells},
                         {"gap", gap && years.size() > 1}});
    }
    v["codes"] = codes;
    v["year_labels"] = cats;
    v["unfollowed"] = unfollowed;
    v["has_unfollowed"] = unfollowed > 0;
    v["multi_year"] = years.size() > 1;
    return v;
}

json class_view(const CountyYear& cy, const std::string& code, const std::string& name, bool economic,
                const std::vector<std::pair<int, std::int64_t>>& across_years) {
    json v;
    v["root"] = root_prefix(4);
    v["title"] = cy.county_name + " " + std::to_string(cy.year) + "年度 " + code + " " + name;
    v["heading"] = code + " " + name;
    v["kind_label"] = economic ? "经济分类（基本支出明细表）" : "支出功能分类（支出决算表）";
    v["county"] = cy.county_name;
    v["county_link"] = "../../../index.html";
    v["year"] = cy.year;
    v["synthetic"] = cy.synthetic;
    v["description"] = cy.county_name + " " + std::to_string(cy.year) + " 年度各部门在 " + code + " " + name + " 上的支出，由大到小。";
    json rows = json::array(), cats = json::array(), vals = json::array();
    std::int64_t sum = 0;
    std::vector<std::pair<const DepartmentEntry*, std::int64_t>> present;
    for (const auto& d : cy.departments) {
        MaybeMoney amount = class_amount(*d.filing, code, economic);
        if (!amount) continue;
        present.push_back({&d, *amount});
        add_amount(sum, *amount, *d.filing, [&] { return code + " of " + cy.county_name + " " + std::to_string(cy.year); });
    }
    // Largest first; equal amounts keep the dashboard's order (支出合计, then slug).
    std::stable_sort(present.begin(), present.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [d, amount] : present) {
        rows.push_back({{"name", d->filing->department_name}, {"link", "../../" + d->filing->slug + "/index.html"},
                        {"amount", money_cell(amount)}, {"share", share_text(amount, sum)},
                        {"of_department", share_text(amount, d->summary.total_expenditure)}});
        cats.push_back(d->filing->department_name);
        vals.push_back(money_number(amount));
    }
    v["rows"] = rows;
    v["total"] = amount_text(sum);
    v["department_count"] = present.size();
    v["chart"] = json_for_script({{"type", "hbar"}, {"unit", "万元"}, {"categories", cats},
                                  {"series", json::array({{{"name", name}, {"data", vals}}})}});
    // The class above (款 → 类, 30217 → 302) and the classes below that have pages in this county-year.
    std::map<std::string, std::string> with_pages = class_pages_of(cy, economic);
    std::string kind_dir = economic ? "economic" : "classes";
    v["parent"] = nullptr;
    if (code.size() == 5)
        if (auto it = with_pages.find(code.substr(0, 3)); it != with_pages.end())
            v["parent"] = {{"code", it->first}, {"name", it->second}, {"link", "../" + it->first + "/index.html"}};
    std::vector<std::pair<std::string, std::int64_t>> subs;  // code, county total
    for (const auto& page : with_pages) {
        const std::string& c = page.first;
        if (c.size() != code.size() + 2 || c.compare(0, code.size(), code) != 0) continue;
        std::int64_t total = 0;
        for (const auto& d : cy.departments)
            if (auto a = class_amount(*d.filing, c, economic))
                add_amount(total, *a, *d.filing, [&] { return c + " of " + cy.county_name + " " + std::to_string(cy.year); });
        subs.push_back({c, total});
    }
    std::stable_sort(subs.begin(), subs.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    json children = json::array();
    for (const auto& [c, total] : subs)
        children.push_back({{"code", c}, {"name", with_pages[c]}, {"link", "../" + c + "/index.html"},
                            {"amount", money_text(total)}, {"share", share_text(total, sum)}});
    v["children"] = children;
    v["has_children"] = !subs.empty();
    v["children_label"] = economic ? "其中设有专页的明细科目" : "下设各款";
    json years = json::array();
    for (const auto& [year, amount] : across_years)
        years.push_back({{"year", year}, {"amount", money_text(amount)}, {"current", year == cy.year},
                         {"link", "../../../" + std::to_string(year) + "/" + kind_dir + "/" + code + "/index.html"}});
    v["across_years"] = years;
    v["has_years"] = across_years.size() > 1;
    return v;
}

}  // namespace gongkai
