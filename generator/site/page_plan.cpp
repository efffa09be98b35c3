#include "site/page_plan.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "compute/budget_execution.hpp"
#include "compute/budget_vs_actual.hpp"
#include "compute/department_types.hpp"
#include "render/csv_export.hpp"
#include "render/search_index.hpp"
#include "render/view_audit.hpp"
#include "render/view_common.hpp"
#include "render/views.hpp"

namespace gongkai {

namespace {

using Inputs = std::vector<std::uint32_t>;

std::uint32_t budget_input(const SiteInputs& in, std::size_t budget) { return static_cast<std::uint32_t>(in.filings.size() + budget); }

void add(Inputs& to, const std::vector<std::size_t>& filings) {
    for (std::size_t i : filings) to.push_back(static_cast<std::uint32_t>(i));
}

void add_budgets(const SiteInputs& in, Inputs& to, const std::vector<std::size_t>& budgets) {
    for (std::size_t j : budgets) to.push_back(budget_input(in, j));
}

Inputs sorted(Inputs v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

template <typename Map, typename Key>
const std::vector<std::size_t>& group(const Map& m, const Key& key) {
    static const std::vector<std::size_t> none;
    auto it = m.find(key);
    return it == m.end() ? none : it->second;
}

bool any_synthetic(const SiteInputs& in) {
    return std::any_of(in.model.county_years.begin(), in.model.county_years.end(), [](const CountyYear& cy) { return cy.synthetic; });
}

PlannedOutput page(std::string path, std::string_view kind, Inputs inputs, std::function<std::string(TemplateSet&)> render) {
    PlannedOutput o{std::move(path), kind, sorted(std::move(inputs)), false, std::move(render), "", true};
    return o;
}

PlannedOutput page_of_everything(std::string path, std::string_view kind, std::function<std::string(TemplateSet&)> render) {
    PlannedOutput o{std::move(path), kind, {}, true, std::move(render), "", true};
    return o;
}

PlannedOutput data_file(std::string path, std::string_view kind, Inputs inputs, bool all, std::function<std::string(TemplateSet&)> render) {
    PlannedOutput o{std::move(path), kind, sorted(std::move(inputs)), all, std::move(render), "", false};
    return o;
}

// Marks the outputs from `first` on as made from `county`'s filings.
void in_county(std::vector<PlannedOutput>& out, std::size_t first, std::string_view county) {
    for (std::size_t k = first; k < out.size(); ++k) out[k].county = county;
}

// A filing or budget as published, with one CSV per table block (listed by its digest, rendered from its
// document, which is loaded by then), in `folder`.
void plan_downloads(std::string_view kind, const Filing& f, const FilingDigest& digest, const std::string& source, std::uint32_t input,
                    const std::string& file_name, std::vector<PlannedOutput>& out) {
    const std::string folder = department_path(f);
    const std::size_t first = out.size();
    out.push_back({folder + file_name, kind, {input}, false, {}, source, false});
    for (const auto& csv : digest.csvs)
        out.push_back(data_file(folder + csv.name, kind, {input}, false, [&f, &csv](TemplateSet&) {
            const Table& t = f.tables.at(csv.table);
            return table_csv(t, t.blocks.at(csv.block));
        }));
    in_county(out, first, f.county_dir);
}

void plan_home(const SiteInputs& in, std::vector<PlannedOutput>& out) {
    std::map<std::string, CountyIndexEntry> index;
    for (const auto& c : in.counties) index[c.dir] = {c.dir, c.name, c.province, c.code, {}};
    for (const auto& cy : in.model.county_years) index[cy.county_dir].years.push_back({cy.year, cy.departments.size(), cy.synthetic});
    for (const auto& b : in.budgets) {  // budgets are sorted by path: by county, year, department
        if (!index.count(b.county_dir)) continue;
        auto& entry = index[b.county_dir];
        bool has_page = std::any_of(entry.years.begin(), entry.years.end(), [&](const auto& y) { return y.year == b.year; });
        if (!has_page) entry.budgets_only.push_back({b.year, b.department_name, department_path(b) + b.slug + ".budget.json"});
    }
    std::vector<CountyIndexEntry> counties;
    for (auto& [dir, entry] : index) counties.push_back(std::move(entry));
    bool synthetic = any_synthetic(in);
    out.push_back(page_of_everything("index.html", "home", [counties = std::move(counties), synthetic](TemplateSet& t) {
        return t.render("home", home_view(counties, synthetic));
    }));
}

void plan_glossary(const SiteInputs& in, std::vector<PlannedOutput>& out) {
    out.push_back(page_of_everything("glossary/index.html", "glossary", [&in](TemplateSet& t) {
        std::vector<const Filing*> all;
        for (const auto& f : in.filings) all.push_back(&f);
        return t.render("glossary", glossary_view(all));
    }));
}

void plan_site_downloads(const SiteInputs& in, std::vector<PlannedOutput>& out) {
    out.push_back(data_file("line-items.csv", "site-downloads", {}, true, [&in](TemplateSet&) {
        std::string csv = line_items_header();
        std::size_t size = csv.size();
        for (const auto* digests : {&in.filing_digests, &in.budget_digests})
            for (const auto& d : *digests) size += d.line_items.size();
        csv.reserve(size);
        for (const auto* digests : {&in.filing_digests, &in.budget_digests})
            for (const auto& d : *digests) csv += d.line_items;
        return csv;
    }));
    out.push_back(data_file("datapackage.json", "site-downloads", {}, false, [](TemplateSet&) { return datapackage_json(); }));
    out.push_back(data_file("site-index.json", "site-downloads", {}, true,
                            [&in](TemplateSet&) { return site_index_json(in.filings, in.model.summaries); }));
    out.push_back(data_file("search-index.json", "site-downloads", {}, true, [&in](TemplateSet&) {
        std::vector<ClassPageRef> refs;
        for (const auto& p : in.model.classes.pages) refs.push_back({p.county_year->county_dir, p.county_year->year, p.code, p.name, p.economic});
        std::vector<const SearchDigest*> digests;
        digests.reserve(in.filing_digests.size());
        for (const auto& d : in.filing_digests) digests.push_back(&d.search);
        return search_index_json(in.filings, in.model.summaries, digests, refs);
    }));
}

void plan_budget_downloads(const SiteInputs& in, std::vector<PlannedOutput>& out) {
    for (std::size_t j = 0; j < in.budgets.size(); ++j)
        plan_downloads("budget-downloads", in.budgets[j], in.budget_digests[j], in.budgets[j].path, budget_input(in, j), in.budgets[j].slug + ".budget.json",
                       out);
}

void plan_fixed_pages(const SiteInputs& in, std::vector<PlannedOutput>& out) {
    bool synthetic = any_synthetic(in);
    // compare and search say whether the site holds synthetic data, which any filing can change.
    out.push_back(page_of_everything("compare/index.html", "fixed", [synthetic](TemplateSet& t) { return t.render("compare", compare_view(synthetic)); }));
    out.push_back(page_of_everything("search/index.html", "fixed", [synthetic](TemplateSet& t) { return t.render("search", search_view(synthetic)); }));
    out.push_back(page("audit-rules/index.html", "fixed", {}, [](TemplateSet& t) { return t.render("audit-rules", rules_view()); }));
    PlannedOutput not_found = page("404.html", "fixed", {}, [&in](TemplateSet& t) { return t.render("not-found", not_found_view(in.base_url), false); });
    not_found.listed = false;
    out.push_back(std::move(not_found));
}

void plan_county_years(const SiteInputs& in, std::vector<PlannedOutput>& out) {
    const SiteModel& m = in.model;
    for (const auto& cy : m.county_years) {
        const auto& filings = group(m.filings_by_county_year, CountyYearKey{cy.county_dir, cy.year});
        const auto& budgets = group(m.budgets_by_county_year, CountyYearKey{cy.county_dir, cy.year});
        Inputs inputs;
        add(inputs, filings);
        for (std::size_t i : filings)
            if (m.previous[i]) inputs.push_back(static_cast<std::uint32_t>(*m.previous[i]));  // the year-over-year column
        add_budgets(in, inputs, budgets);
        std::string path = county_year_path(cy.county_dir, cy.year);
        const std::size_t first = out.size();
        out.push_back(data_file(path + "departments.csv", "county-year", inputs, false, [&cy](TemplateSet&) { return departments_csv(cy); }));
        out.push_back(page(path + "index.html", "county-year", inputs, [&in, &cy, &filings, &budgets](TemplateSet& t) {
            std::map<std::string, std::optional<YearOverYear>> yoy;
            std::map<std::string, const AuditReport*> audits;
            std::vector<const Filing*> actuals, plans;
            for (std::size_t i : filings) {
                yoy[in.filings[i].slug] = in.model.yoy[i];
                audits[in.filings[i].slug] = &in.audit(i);
                actuals.push_back(&in.filings[i]);
            }
            for (std::size_t j : budgets) plans.push_back(&in.budgets[j]);
            return t.render("county", county_view(cy, yoy, audits, county_budget_execution(actuals, plans)));
        }));
        in_county(out, first, cy.county_dir);
    }
}

void plan_counties(const SiteInputs& in, std::vector<PlannedOutput>& out) {
    std::map<std::string, std::pair<std::vector<const CountyYear*>, Inputs>> counties;  // by county folder
    for (const auto& cy : in.model.county_years) {
        auto& [years, inputs] = counties[cy.county_dir];
        years.push_back(&cy);
        add(inputs, group(in.model.filings_by_county_year, CountyYearKey{cy.county_dir, cy.year}));
    }
    for (auto& [dir, c] : counties) {
        out.push_back(page(dir + "/index.html", "county", std::move(c.second),
                           [years = c.first](TemplateSet& t) { return t.render("county-years", county_years_view(years)); }));
        in_county(out, out.size() - 1, c.first.front()->county_dir);
    }
}

void plan_histories(const SiteInputs& in, std::vector<PlannedOutput>& out) {
    for (const auto& department : in.model.filings_by_department) {
        const auto& key = department.first;
        const auto& filings = department.second;  // a reference, not a structured binding: lambdas capture it
        const auto& budgets = group(in.model.budgets_by_department, key);
        Inputs inputs;
        add(inputs, filings);
        add_budgets(in, inputs, budgets);
        out.push_back(page(key.first + "/departments/" + key.second + "/index.html", "history", inputs, [&in, &filings, &budgets](TemplateSet& t) {
            std::vector<const Filing*> years, plans;
            std::vector<const DepartmentSummary*> sums;
            std::vector<const std::optional<YearOverYear>*> changes;
            for (std::size_t i : filings) {
                years.push_back(&in.filings[i]);
                sums.push_back(&in.model.summaries[i]);
                changes.push_back(&in.model.yoy[i]);
            }
            for (std::size_t j : budgets) plans.push_back(&in.budgets[j]);
            return t.render("history", history_view(years, sums, changes, in.code_mappings, plans));
        }));
        in_county(out, out.size() - 1, in.filings[filings.front()].county_dir);
    }
}

void plan_classes(const SiteInputs& in, std::vector<PlannedOutput>& out) {
    std::map<std::string, Inputs> county_inputs;  // a class page shows the class over all the county's years
    for (const auto& [key, filings] : in.model.filings_by_county_year) add(county_inputs[key.first], filings);
    for (const auto& p : in.model.classes.pages) {
        const CountyYear& cy = *p.county_year;
        std::string path = county_year_path(cy.county_dir, cy.year) + (p.economic ? "economic/" : "classes/") + p.code + "/index.html";
        const auto& years = in.model.classes.years.at({cy.county_dir, p.economic, p.code});
        out.push_back(page(path, "class", county_inputs[cy.county_dir], [&p, &years](TemplateSet& t) {
            return t.render("class", class_view(*p.county_year, p.code, p.name, p.economic, years));
        }));
        in_county(out, out.size() - 1, cy.county_dir);
    }
}

void plan_department_types(const SiteInputs& in, std::vector<PlannedOutput>& out) {
    std::map<std::string, std::vector<TypeMember>> by_type;
    std::map<std::string, Inputs> type_inputs;  // a type's filings, and the previous years their changes are read from
    std::vector<TypeMember> untyped;
    for (std::size_t i = 0; i < in.filings.size(); ++i) {
        TypeMember member{&in.filings[i], &in.model.summaries[i], &in.model.yoy[i]};
        if (const DepartmentType* type = department_type_of(in.department_types, in.filings[i])) {
            by_type[type->id].push_back(member);
            Inputs& inputs = type_inputs[type->id];
            inputs.push_back(static_cast<std::uint32_t>(i));
            if (in.model.previous[i]) inputs.push_back(static_cast<std::uint32_t>(*in.model.previous[i]));
        } else untyped.push_back(member);
    }
    for (const auto& type : in.department_types) {
        auto it = by_type.find(type.id);
        if (it == by_type.end()) continue;
        out.push_back(page(department_type_path(type.id) + "index.html", "department-type", std::move(type_inputs[type.id]),
                           [&type, members = it->second](TemplateSet& t) { return t.render("department-type", department_type_view(type, members)); }));
    }
    out.push_back(page_of_everything("types/index.html", "department-type", [&in, by_type, untyped](TemplateSet& t) {
        return t.render("department-types", department_types_index_view(in.department_types, by_type, untyped));
    }));
}

void plan_departments(const SiteInputs& in, std::vector<PlannedOutput>& out) {
    const SiteModel& m = in.model;
    for (std::size_t i = 0; i < in.filings.size(); ++i) {
        const Filing& f = in.filings[i];
        // Its peers and class pages are its county-year's; its year-over-year and across-years audit need the
        // previous year; its 预算与决算 the department's budget of this or the next year.
        Inputs inputs;
        add(inputs, group(m.filings_by_county_year, CountyYearKey{f.county_dir, f.year}));
        if (m.previous[i]) inputs.push_back(static_cast<std::uint32_t>(*m.previous[i]));
        add_budgets(in, inputs, group(m.budgets_by_department, DepartmentKey{f.county_dir, f.slug}));
        out.push_back(page(department_path(f) + "index.html", "department", std::move(inputs), [&in, i](TemplateSet& t) {
            const Filing& f = in.filings[i];
            const SiteModel& m = in.model;
            DepartmentContext context;
            if (auto c = m.class_codes.find({f.county_dir, f.year}); c != m.class_codes.end()) context.class_codes = c->second;
            if (auto c = m.economic_codes.find({f.county_dir, f.year}); c != m.economic_codes.end()) context.economic_codes = c->second;
            if (const DepartmentType* type = department_type_of(in.department_types, f)) {
                context.type_id = type->id;
                context.type_name = type->name;
            }
            if (auto p = m.positions.find({f.county_dir, f.year, f.slug}); p != m.positions.end()) context.peers = p->second;
            // 预算与决算: the department's budget of the same year, else of the next year (compute/budget_vs_actual.hpp).
            if (auto match = match_budget(f, [&](int year) { return in.budget(f.county_dir, f.slug, year); }))
                if ((context.budget = compare_budget_actual(f, *match->budget))) context.budget_filing = match->budget;
            const AuditReport& audit = in.audit(i);
            nlohmann::json view = department_view(f, m.summaries[i], m.yoy[i], audit, context);
            view["audit_html"] = t.render("audit-panel", audit_panel_view(audit, root_prefix(3)), false);
            return t.render("department", view);
        }));
        in_county(out, out.size() - 1, f.county_dir);
        plan_downloads("filing-downloads", f, in.filing_digests[i], f.path, static_cast<std::uint32_t>(i), f.slug + ".json", out);
    }
}

}  // namespace

const std::vector<PageKind>& page_kinds() {
    static const std::vector<PageKind> kinds = {
        {"home", "every filing and budget (counties, years, budget-only years)", plan_home},
        {"glossary", "every filing (the terms they use)", plan_glossary},
        {"site-downloads", "every filing and budget (line-items.csv, site-index.json, search-index.json); none (datapackage.json)",
         plan_site_downloads},
        {"budget-downloads", "the budget itself", plan_budget_downloads},
        {"fixed", "every filing (compare and search say whether the data are synthetic); none (audit-rules, 404)", plan_fixed_pages},
        {"county-year", "the county-year's filings, their previous years and the county-year's budgets", plan_county_years},
        {"county", "the county's filings of every year", plan_counties},
        {"history", "the department's filings and budgets of every year", plan_histories},
        {"class", "the county's filings of every year (the class over the years)", plan_classes},
        {"department-type", "a type's page: its filings of all counties and years, and their previous years; the index: every filing",
         plan_department_types},
        {"department", "its county-year's filings (peers, classes), its previous year, its budgets; downloads: the filing itself",
         plan_departments},
    };
    return kinds;
}

std::vector<PlannedOutput> plan_site(const SiteInputs& in) {
    std::vector<PlannedOutput> out;
    for (const auto& kind : page_kinds()) kind.plan(in, out);
    // The department downloads were planned with their pages; the order of unlisted files does not matter.
    std::unordered_set<std::string_view> owned;
    owned.reserve(out.size());
    ProblemList clashes;
    for (std::size_t i = 0; i < out.size(); ++i)
        if (!owned.insert(out[i].path).second) clashes.add({in.data_dir, "", "one input per output path", "two inputs for " + out[i].path, ""});
    if (!clashes.empty()) throw BuildFailed(clashes);
    if (!in.base_url.empty()) {
        std::vector<std::string> paths;
        for (const auto& o : out)
            if (o.listed) paths.push_back(o.path == "index.html" ? "" : o.path.substr(0, o.path.size() - std::string("index.html").size()));
        out.push_back(data_file("sitemap.xml", "sitemap", {}, true, [base = in.base_url, paths](TemplateSet&) { return sitemap_xml(base, paths); }));
    }
    return out;
}

}  // namespace gongkai
