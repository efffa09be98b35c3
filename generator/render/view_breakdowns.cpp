// Pages that follow one thing across departments or years: a department over time, and a function or
// economic class across the departments of a county-year (and across that county's years).
#include <algorithm>
#include <map>
#include <set>

#include "render/escape.hpp"
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

}  // namespace

json history_view(const std::vector<const Filing*>& years, const std::vector<const DepartmentSummary*>& summaries,
                  const CodeMappings& mappings) {
    const Filing& last = *years.back();
    json v;
    v["root"] = root_prefix(3);
    v["title"] = last.department_name + " 历年决算";
    v["department"] = last.department_name;
    v["county"] = last.county.name;
    v["synthetic"] = false;
    json rows = json::array();
    json cats = json::array(), total = json::array(), basic = json::array(), project = json::array(), three = json::array();
    for (std::size_t i = 0; i < years.size(); ++i) {
        const auto& s = *summaries[i];
        v["synthetic"] = v["synthetic"].get<bool>() || years[i]->synthetic;
        json change = {{"text", "—"}, {"sort", ""}};
        if (i > 0 && summaries[i - 1]->total_expenditure && s.total_expenditure && years[i - 1]->year == years[i]->year - 1) {
            auto pct = percent_micro(*s.total_expenditure - *summaries[i - 1]->total_expenditure, *summaries[i - 1]->total_expenditure);
            change = {{"text", pct_text(pct)}, {"sort", pct ? std::to_string(*pct) : ""}};
        }
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
                            sum += *a;
                            any = true;
                            note += (note.empty() ? "原科目 " : "、") + from;
                        }
                    if (any) amount = sum;
                }
            gap = gap || !amount;
            cells.push_back({{"text", amount ? format_micro(*amount, 2) : "—"}, {"note", note}});
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
    v["year"] = cy.year;
    v["synthetic"] = cy.synthetic;
    json rows = json::array(), cats = json::array(), vals = json::array();
    std::int64_t sum = 0;
    std::vector<std::pair<const DepartmentEntry*, std::int64_t>> present;
    for (const auto& d : cy.departments) {
        MaybeMoney amount = economic ? cell_value(d.filing->table(TableKind::BasicExpenditure), "main", code, "amount")
                                     : spending_of(*d.filing, code);
        if (!amount) continue;
        present.push_back({&d, *amount});
        sum += *amount;
    }
    for (const auto& [d, amount] : present) {
        rows.push_back({{"name", d->filing->department_name}, {"link", "../../" + d->filing->slug + "/index.html"},
                        {"amount", money_cell(amount)}, {"share", share_text(amount, sum)},
                        {"of_department", share_text(amount, d->summary.total_expenditure)}});
        cats.push_back(d->filing->department_name);
        vals.push_back(money_number(amount));
    }
    v["rows"] = rows;
    v["total"] = format_micro(sum, 2);
    v["department_count"] = present.size();
    v["chart"] = json_for_script({{"type", "bar"}, {"unit", "万元"}, {"horizontal", true}, {"categories", cats},
                                  {"series", json::array({{{"name", name}, {"data", vals}}})}});
    json years = json::array();
    for (const auto& [year, amount] : across_years) years.push_back({{"year", year}, {"amount", format_micro(amount, 2)}, {"current", year == cy.year}});
    v["across_years"] = years;
    v["has_years"] = across_years.size() > 1;
    return v;
}

}  // namespace gongkai
