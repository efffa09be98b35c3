#include "site/site.hpp"

#include <algorithm>
#include <map>
#include <mutex>

#include <boost/filesystem.hpp>

#include "audit/audit.hpp"
#include "compute/budget_execution.hpp"
#include "compute/budget_vs_actual.hpp"
#include "compute/county_aggregate.hpp"
#include "compute/department_types.hpp"
#include "compute/peer_position.hpp"
#include "compute/year_over_year.hpp"
#include "load/data_dir.hpp"
#include "render/csv_export.hpp"
#include "render/search_index.hpp"
#include "render/template_set.hpp"
#include "render/view_audit.hpp"
#include "render/view_common.hpp"
#include "render/views.hpp"
#include "site/parallel.hpp"
#include "validate/corpus_checks.hpp"
#include "validate/decode_code_mapping.hpp"
#include "validate/decode_department_types.hpp"
#include "validate/decode_county.hpp"
#include "validate/decode_filing.hpp"
#include "write/staged_output.hpp"

namespace fs = boost::filesystem;

namespace gongkai {

template <typename Step>
void Site::step(const char* name, Step&& fn) {
    auto start = std::chrono::steady_clock::now();
    fn();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    report_.step_ms.emplace_back(name, ms);
    if (options_.log) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%8.1f ms", ms);
        options_.log(std::string(buf) + "  " + name);
    }
}

BuildReport Site::build() {
    step("load and validate filings", [&] { load_inputs(); });
    step("cross-file checks", [&] { check_inputs(); check_output_location(); });
    step("audit filings", [&] { audit_filings(); });
    step("compute and render pages", [&] { render_pages(); });
    step("collect static assets", [&] { add_static_files(); });
    step("write site", [&] { write_output(); });
    return report_;
}

void Site::check() {
    load_inputs(true);
    check_inputs(true);
    audit_filings();
}

const Filing* Site::budget(const std::string& county_dir, const std::string& slug, int year) const {
    for (const auto& b : budgets_)
        if (b.year == year && b.slug == slug && b.county_dir == county_dir) return &b;
    return nullptr;
}

namespace {
// For each filing, the index of the same department's filing of the previous year (same county folder and
// slug) when it is loaded: the one pairing of years that the audit and the year-over-year figures share.
std::vector<std::optional<std::size_t>> previous_year_filings(const std::vector<Filing>& filings) {
    std::map<std::tuple<std::string, std::string, int>, std::size_t> index;
    for (std::size_t i = 0; i < filings.size(); ++i) index[{filings[i].county_dir, filings[i].slug, filings[i].year}] = i;
    std::vector<std::optional<std::size_t>> previous(filings.size());
    for (std::size_t i = 0; i < filings.size(); ++i)
        if (auto p = index.find({filings[i].county_dir, filings[i].slug, filings[i].year - 1}); p != index.end()) previous[i] = p->second;
    return previous;
}
}  // namespace

// Every filing is audited independently (in parallel), with its department's previous-year filing where
// loaded (the across-years rules) and its budget of the same year (x-budget-final); every budget is audited with
// the budget rules. Findings never block publishing.
void Site::audit_filings() {
    audits_.assign(filings_.size(), {});
    budget_audits_.assign(budgets_.size(), {});
    auto previous = previous_year_filings(filings_);
    parallel_for(filings_.size() + budgets_.size(), options_.jobs, [&](unsigned, std::size_t i) {
        if (i >= filings_.size()) {
            budget_audits_[i - filings_.size()] = audit_filing(budgets_[i - filings_.size()], nullptr, &code_mappings_);
            return;
        }
        const Filing& f = filings_[i];
        audits_[i] = audit_filing(f, previous[i] ? &filings_[*previous[i]] : nullptr, &code_mappings_, budget(f.county_dir, f.slug, f.year));
    });
}

// Reads and decodes `paths` in parallel, one problem list per file (appended to `problems` in path order); a
// file with a problem is left out and listed in invalid_filings_, the others go to `out` with their bytes.
void Site::decode_filings(const std::vector<FilingPath>& paths, std::vector<Filing>& out, std::vector<JsonFile>& out_files,
                          ProblemList& problems) {
    std::vector<ProblemList> per_file(paths.size());
    std::vector<std::optional<JsonFile>> files(paths.size());
    std::vector<std::optional<Filing>> decoded(paths.size());
    parallel_for(paths.size(), options_.jobs, [&](unsigned, std::size_t i) {
        files[i] = read_json_file(paths[i].path, per_file[i]);
        if (files[i]) {
            decoded[i] = decode_filing(*files[i], paths[i], per_file[i]);
            files[i]->doc = nullptr;  // only the bytes are kept (for the download copy)
        }
    });
    for (std::size_t i = 0; i < paths.size(); ++i) {
        problems.append(per_file[i]);
        if (!per_file[i].empty()) invalid_filings_.push_back(paths[i].path);
        else if (decoded[i]) {
            out.push_back(std::move(*decoded[i]));
            out_files.push_back(std::move(*files[i]));
        }
    }
}

// Reads every county.json and filing; decoding runs in parallel, one problem list per file so that
// the report is complete and in a deterministic order.
void Site::load_inputs(bool keep_going) {
    ProblemList problems;
    DataLayout layout = scan_data_dir(options_.data_dir, problems);
    if (!layout.code_mapping.empty())
        if (auto f = read_json_file(layout.code_mapping, problems))
            if (auto m = decode_code_mapping(*f, problems)) code_mappings_ = std::move(*m);
    if (!layout.department_types.empty())
        if (auto f = read_json_file(layout.department_types, problems))
            if (auto t = decode_department_types(*f, problems)) department_types_ = std::move(*t);
    for (const auto& c : layout.counties) {
        if (auto f = read_json_file(c.path, problems))
            if (auto county = decode_county(*f, c, problems)) counties_.push_back(*county);
    }
    decode_filings(layout.filings, filings_, filing_files_, problems);
    decode_filings(layout.budgets, budgets_, budget_files_, problems);
    std::sort(invalid_filings_.begin(), invalid_filings_.end());
    report_.filings = filings_.size();
    report_.counties = counties_.size();
    if (layout.filings.empty() && problems.empty() && options_.log)
        options_.log("warning: no filings found under " + options_.data_dir + " (expected <code>-<county>/<year>/<slug>.json)");
    if (keep_going) problems_.append(problems);
    else if (!problems.empty()) throw BuildFailed(problems);
}

void Site::check_inputs(bool keep_going) {
    ProblemList problems;
    check_corpus(counties_, filings_, problems);
    if (keep_going) problems_.append(problems);
    else if (!problems.empty()) throw BuildFailed(problems);
}

void Site::check_output_location() {
    ProblemList problems;
    // Replacing --out deletes what it holds, and writing into an input folder would feed the output back
    // in: the two must not overlap in either direction, also through symbolic links.
    if (options_.out_dir.empty()) problems.add({"", "", "an output folder", "an empty path", "--out"});
    fs::path out = fs::weakly_canonical(fs::absolute(options_.out_dir));
    auto within = [](const fs::path& inner, const fs::path& outer) {
        auto rel = inner.lexically_relative(outer);
        return !rel.empty() && *rel.begin() != "..";
    };
    for (const auto& [flag, in] : {std::pair{"--data", options_.data_dir}, std::pair{"--templates", options_.templates_dir},
                                   std::pair{"--assets", options_.assets_dir}}) {
        fs::path p = fs::weakly_canonical(fs::absolute(in));
        if (within(p, out))
            problems.add({options_.out_dir, "", "an output folder that does not contain " + std::string(flag) + " (" + in + ")",
                          "it is inside the output folder", "--out"});
        else if (within(out, p))
            problems.add({options_.out_dir, "", "an output folder outside " + std::string(flag) + " (" + in + ")",
                          "the output folder is inside it", "--out"});
    }
    if (!problems.empty()) throw BuildFailed(problems);
}

void Site::render_pages() {
    TemplateSet templates = TemplateSet::load(options_.templates_dir);
    templates.set_base_url(options_.base_url);  // canonical and og:url links need the published address

    // Compute: per-filing summaries, then county-years and year-over-year.
    std::vector<DepartmentSummary> summaries(filings_.size());
    parallel_for(filings_.size(), options_.jobs, [&](unsigned, std::size_t i) { summaries[i] = summarize(filings_[i]); });

    std::map<std::tuple<std::string, std::string, int>, std::size_t> by_department_year;
    std::map<std::pair<std::string, int>, std::vector<const Filing*>> by_county_year;
    for (std::size_t i = 0; i < filings_.size(); ++i) {
        const Filing& f = filings_[i];
        by_department_year[{f.county_dir, f.slug, f.year}] = i;
        by_county_year[{f.county_dir, f.year}].push_back(&f);
    }
    std::vector<std::optional<YearOverYear>> yoy(filings_.size());
    auto previous = previous_year_filings(filings_);
    for (std::size_t i = 0; i < filings_.size(); ++i) {
        const Filing& f = filings_[i];
        if (previous[i]) yoy[i] = compare_with_prior_filing(summaries[i], summaries[*previous[i]], f.year - 1);
        else yoy[i] = from_narrative(f, summaries[i]);
    }
    std::vector<CountyYear> county_years;
    for (const auto& [key, list] : by_county_year) county_years.push_back(aggregate_county_year(list));
    // 部门预算 by county-year and by department: execution rates on the dashboards, two lines on the history pages.
    std::map<std::pair<std::string, int>, std::vector<const Filing*>> budgets_by_county_year;
    std::map<std::pair<std::string, std::string>, std::vector<const Filing*>> budgets_by_department;
    for (const auto& b : budgets_) {
        budgets_by_county_year[{b.county_dir, b.year}].push_back(&b);
        budgets_by_department[{b.county_dir, b.slug}].push_back(&b);
    }

    // Pages: each one is an independent job, rendered in parallel with a template copy per worker.
    struct Job {
        std::string path;
        std::function<std::string(TemplateSet&)> render;
    };
    std::vector<Job> jobs;
    std::vector<std::string> page_paths;

    std::map<std::string, CountyIndexEntry> index;
    for (const auto& c : counties_) index[c.dir] = {c.dir, c.name, c.province, c.code, {}};
    bool any_synthetic = false;
    for (const auto& cy : county_years) {
        index[cy.county_dir].years.push_back({cy.year, cy.departments.size(), cy.synthetic});
        any_synthetic = any_synthetic || cy.synthetic;
    }
    for (const auto& b : budgets_) {  // budgets_ is sorted by path: by county, year, department
        if (!index.count(b.county_dir)) continue;
        auto& entry = index[b.county_dir];
        bool has_page = std::any_of(entry.years.begin(), entry.years.end(), [&](const auto& y) { return y.year == b.year; });
        if (!has_page) entry.budgets_only.push_back({b.year, b.department_name, department_path(b) + b.slug + ".budget.json"});
    }
    std::vector<CountyIndexEntry> counties;
    for (auto& [dir, entry] : index) counties.push_back(std::move(entry));

    jobs.push_back({"index.html", [&, counties, any_synthetic](TemplateSet& t) { return t.render("home", home_view(counties, any_synthetic)); }});
    page_paths.push_back("");
    std::vector<const Filing*> all;
    for (const auto& f : filings_) all.push_back(&f);
    jobs.push_back({"glossary/index.html", [all](TemplateSet& t) { return t.render("glossary", glossary_view(all)); }});
    page_paths.push_back("glossary/");
    std::string base_url = options_.base_url;
    outputs_.push_back({"line-items.csv", line_items_csv(filings_, budgets_)});
    // Each budget as published and its tables as CSV, in its department's folder of that year.
    for (std::size_t i = 0; i < budgets_.size(); ++i) {
        std::string path = department_path(budgets_[i]);
        outputs_.push_back({path + budgets_[i].slug + ".budget.json", budget_files_[i].bytes});
        for (const auto& t : budgets_[i].tables)
            for (const auto& b : t.blocks) outputs_.push_back({path + table_csv_name(t, b), table_csv(t, b)});
    }
    outputs_.push_back({"datapackage.json", datapackage_json()});
    outputs_.push_back({"site-index.json", site_index_json(filings_, summaries)});
    jobs.push_back({"compare/index.html", [any_synthetic](TemplateSet& t) { return t.render("compare", compare_view(any_synthetic)); }});
    page_paths.push_back("compare/");
    jobs.push_back({"search/index.html", [any_synthetic](TemplateSet& t) { return t.render("search", search_view(any_synthetic)); }});
    page_paths.push_back("search/");
    jobs.push_back({"audit-rules/index.html", [](TemplateSet& t) { return t.render("audit-rules", rules_view()); }});
    page_paths.push_back("audit-rules/");
    jobs.push_back({"404.html", [base_url](TemplateSet& t) { return t.render("not-found", not_found_view(base_url), false); }});

    for (const auto& cy : county_years) {
        std::map<std::string, std::optional<YearOverYear>> cy_yoy;
        std::map<std::string, const AuditReport*> cy_audits;
        for (const auto& d : cy.departments) {
            std::size_t i = by_department_year.at({d.filing->county_dir, d.filing->slug, d.filing->year});
            cy_yoy[d.filing->slug] = yoy[i];
            cy_audits[d.filing->slug] = &audits_[i];
        }
        std::string path = county_year_path(cy.county_dir, cy.year);
        outputs_.push_back({path + "departments.csv", departments_csv(cy)});
        CountyBudgetExecution execution =
            county_budget_execution(by_county_year[{cy.county_dir, cy.year}], budgets_by_county_year[{cy.county_dir, cy.year}]);
        jobs.push_back({path + "index.html", [&cy, cy_yoy, cy_audits, execution](TemplateSet& t) {
                            return t.render("county", county_view(cy, cy_yoy, cy_audits, execution));
                        }});
        page_paths.push_back(path);
    }
    // A county across its years: one page per county at <county_dir>/index.html (county_years is ordered
    // by county, then year).
    std::map<std::string, std::vector<const CountyYear*>> years_of_county;
    for (const auto& cy : county_years) years_of_county[cy.county_dir].push_back(&cy);
    for (const auto& [dir, list] : years_of_county) {
        jobs.push_back({dir + "/index.html", [list = list](TemplateSet& t) { return t.render("county-years", county_years_view(list)); }});
        page_paths.push_back(dir + "/");
    }
    // A department over time: one page per county and slug with every year it filed.
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> by_department;
    for (std::size_t i = 0; i < filings_.size(); ++i) by_department[{filings_[i].county_dir, filings_[i].slug}].push_back(i);
    for (auto& [key, idx] : by_department) {
        std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return filings_[a].year < filings_[b].year; });
        std::string path = key.first + "/departments/" + key.second + "/";
        std::vector<const Filing*> years;
        std::vector<const DepartmentSummary*> sums;
        std::vector<const std::optional<YearOverYear>*> changes;  // the department page's year-over-year, per year
        for (std::size_t i : idx) {
            years.push_back(&filings_[i]);
            sums.push_back(&summaries[i]);
            changes.push_back(&yoy[i]);
        }
        std::vector<const Filing*> plans = budgets_by_department[key];
        jobs.push_back({path + "index.html", [this, years, sums, changes, plans](TemplateSet& t) {
                            return t.render("history", history_view(years, sums, changes, code_mappings_, plans));
                        }});
        page_paths.push_back(path);
    }
    // Function classes (类 and 款) and key economic classes across the departments of each county-year.
    std::map<std::tuple<std::string, bool, std::string>, std::vector<std::pair<int, std::int64_t>>> class_years;
    std::vector<std::tuple<const CountyYear*, std::string, std::string, bool>> class_pages;
    for (const auto& cy : county_years) {
        std::map<std::string, std::string> codes;  // code -> name
        std::map<std::pair<bool, std::string>, std::int64_t> sums;
        for (const auto& d : cy.departments) {
            if (const Block* b = spending_block(*d.filing))
                for (const auto& r : b->rows)
                    if (r.code.size() == 3 || r.code.size() == 5)
                        if (auto c = b->cell(r, "total")) {
                            codes.emplace(r.code, r.name);
                            sums[{false, r.code}] += c->micro;
                        }
            if (const Table* t06 = d.filing->table(TableKind::BasicExpenditure); t06 && t06->block("main"))
                for (const auto& r : t06->block("main")->rows)
                    if (is_key_economic_code(r.code))
                        if (auto c = t06->block("main")->cell(r, "amount")) {
                            codes.emplace("e" + r.code, r.name);
                            sums[{true, r.code}] += c->micro;
                        }
        }
        for (const auto& [code, name] : codes) {
            bool economic = code[0] == 'e';
            std::string plain = economic ? code.substr(1) : code;
            class_pages.emplace_back(&cy, plain, name, economic);
            class_years[{cy.county_dir, economic, plain}].push_back({cy.year, sums[{economic, plain}]});
        }
    }
    for (const auto& [cy, code, name, economic] : class_pages) {
        std::string path = county_year_path(cy->county_dir, cy->year) + (economic ? "economic/" : "classes/") + code + "/";
        auto years = class_years[{cy->county_dir, economic, code}];
        jobs.push_back({path + "index.html", [cy = cy, code = code, name = name, economic = economic, years](TemplateSet& t) {
                            return t.render("class", class_view(*cy, code, name, economic, years));
                        }});
        page_paths.push_back(path);
    }
    {  // The search page's data: departments with their codes and 三公 lines, and the class pages above.
        std::vector<ClassPageRef> refs;
        for (const auto& [cy, code, name, economic] : class_pages) refs.push_back({cy->county_dir, cy->year, code, name, economic});
        outputs_.push_back({"search-index.json", search_index_json(filings_, summaries, refs)});
    }
    // Department types (data/department-types.json): one page per type with filings, and the index of types.
    {
        std::map<std::string, std::vector<TypeMember>> by_type;
        std::vector<TypeMember> untyped;
        for (std::size_t i = 0; i < filings_.size(); ++i) {
            TypeMember m{&filings_[i], &summaries[i], &yoy[i]};
            if (const DepartmentType* type = department_type_of(department_types_, filings_[i])) by_type[type->id].push_back(m);
            else untyped.push_back(m);
        }
        for (const auto& type : department_types_) {
            auto it = by_type.find(type.id);
            if (it == by_type.end()) continue;
            std::string path = department_type_path(type.id);
            jobs.push_back({path + "index.html", [&type, members = it->second](TemplateSet& t) {
                                return t.render("department-type", department_type_view(type, members));
                            }});
            page_paths.push_back(path);
        }
        jobs.push_back({"types/index.html", [this, by_type, untyped](TemplateSet& t) {
                            return t.render("department-types", department_types_index_view(department_types_, by_type, untyped));
                        }});
        page_paths.push_back("types/");
    }
    // Department pages: each with its position among its county-year's departments and the class pages there.
    std::map<std::pair<std::string, int>, DepartmentContext> class_context;  // per county-year: codes with a page
    for (const auto& [cy, code, name, economic] : class_pages)
        (economic ? class_context[{cy->county_dir, cy->year}].economic_codes
                  : class_context[{cy->county_dir, cy->year}].class_codes).insert(code);
    std::map<PeerKey, PeerPosition> positions = peer_positions(county_years);
    for (std::size_t i = 0; i < filings_.size(); ++i) {
        std::string path = department_path(filings_[i]);
        DepartmentContext context = class_context[{filings_[i].county_dir, filings_[i].year}];
        if (const DepartmentType* type = department_type_of(department_types_, filings_[i])) {
            context.type_id = type->id;
            context.type_name = type->name;
        }
        if (auto p = positions.find({filings_[i].county_dir, filings_[i].year, filings_[i].slug}); p != positions.end())
            context.peers = std::move(p->second);
        // 预算与决算: the department's budget of the same year, else of the next year (compute/budget_vs_actual.hpp).
        const Filing& f = filings_[i];
        if (auto m = match_budget(f, [&](int year) { return budget(f.county_dir, f.slug, year); }))
            if ((context.budget = compare_budget_actual(f, *m->budget))) context.budget_filing = m->budget;
        jobs.push_back({path + "index.html", [this, i, &summaries, &yoy, context = std::move(context)](TemplateSet& t) {
                            nlohmann::json view = department_view(filings_[i], summaries[i], yoy[i], audits_[i], context);
                            view["audit_html"] = t.render("audit-panel", audit_panel_view(audits_[i], root_prefix(3)), false);
                            return t.render("department", view);
                        }});
        page_paths.push_back(path);
        outputs_.push_back({path + filings_[i].slug + ".json", filing_files_[i].bytes});
        for (const auto& t : filings_[i].tables)
            for (const auto& b : t.blocks) outputs_.push_back({path + table_csv_name(t, b), table_csv(t, b)});
    }

    // Two output files for one path would silently overwrite each other: refuse instead.
    std::map<std::string, std::string> owners;
    ProblemList clashes;
    for (const auto& j : jobs)
        if (!owners.emplace(j.path, j.path).second) clashes.add({options_.data_dir, "", "one input per output path", "two inputs for " + j.path, ""});
    if (!clashes.empty()) throw BuildFailed(clashes);

    unsigned workers = options_.jobs == 0 ? default_jobs() : options_.jobs;
    std::vector<TemplateSet> per_worker(workers, templates);
    std::vector<OutputFile> rendered(jobs.size());
    parallel_for(jobs.size(), workers, [&](unsigned w, std::size_t i) {
        per_worker[w].set_page_path(jobs[i].path);
        rendered[i] = {jobs[i].path, jobs[i].render(per_worker[w])};
    });
    report_.pages = rendered.size();
    for (auto& r : rendered) outputs_.push_back(std::move(r));
    if (!options_.base_url.empty()) outputs_.push_back({"sitemap.xml", sitemap_xml(options_.base_url, page_paths)});
}

// Site CSS and JS from assets/, and Apache ECharts from the npm install in assets/node_modules.
void Site::add_static_files() {
    ProblemList problems;
    fs::path assets(options_.assets_dir);
    for (const char* sub : {"css", "js"}) {
        fs::path dir = assets / sub;
        if (!fs::is_directory(dir)) {
            problems.add({dir.string(), "", "the site's " + std::string(sub) + " folder", "no such folder", "--assets"});
            continue;
        }
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(dir))
            if (fs::is_regular_file(e.path())) files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) copies_.emplace_back(f.string(), "assets/" + f.filename().string());
    }
    fs::path echarts = assets / "node_modules" / "echarts" / "dist" / "echarts.min.js";
    if (!fs::is_regular_file(echarts))
        problems.add({echarts.string(), "", "Apache ECharts installed from npm", "no such file", "run: npm ci --prefix " + assets.string()});
    else {
        copies_.emplace_back(echarts.string(), "assets/echarts.min.js");
        fs::path license = assets / "node_modules" / "echarts" / "LICENSE";
        if (fs::is_regular_file(license)) copies_.emplace_back(license.string(), "assets/echarts-LICENSE.txt");
    }
    if (!problems.empty()) throw BuildFailed(problems);
}

void Site::write_output() {
    StagedOutput out(options_.out_dir);
    parallel_for(outputs_.size(), options_.jobs, [&](unsigned, std::size_t i) { out.write(outputs_[i].path, outputs_[i].bytes); });
    for (const auto& [from, to] : copies_) out.copy_file(from, to);
    out.commit();
    report_.files = outputs_.size() + copies_.size();
}

}  // namespace gongkai
