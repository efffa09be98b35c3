// Synthetic corpora: 3 counties × 40 departments × 3 years build, pass the audit with zero findings, carry
// the 示例数据 banner on every page, and with injected errors the audit finds every one of them. Their budgets
// (one per department and year, and next year's) are consistent, and 决算 ÷ 预算 spreads realistically; the county
// dashboard ranks execution rates and lists departments that published only one kind.
#include <doctest/doctest.h>

#include <cstdio>
#include <map>
#include <tuple>

#include "audit/audit.hpp"
#include "compute/budget_execution.hpp"
#include "compute/department_summary.hpp"
#include "compute/department_types.hpp"
#include "model/money.hpp"
#include "site/site.hpp"
#include "synth/department_profiles.hpp"
#include "synth/synthetic_corpus.hpp"
#include "validate/decode_department_types.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;
using nlohmann::json;

namespace {
// A 决算 of the corpus: <county>/<year>/<slug>.json (its 预算 is <slug>.budget.json).
bool is_final_accounts(const std::string& path) {
    return std::count(path.begin(), path.end(), '/') == 2 && path.find(".budget.json") == std::string::npos;
}

std::string synth_command(const std::string& out, const std::string& extra) {
    return std::string(GONGKAI_BINARY) + " synth --quiet --out " + out + " --counties 3 --departments 40 --years 3 --seed 11 " + extra;
}

// A cell's amount (millionths of 万元), 0 when blank or absent.
std::int64_t amount_of(const Block& b, const Row& r, std::string_view column) {
    auto c = b.cell(r, column);
    return c ? c->micro : 0;
}

// Every total of a function- or economic-coded table adds up: each row's `parts` add up to its `column`, each 类
// (3 digits) is the sum of its 款, each 款 of its 项, and the 合计 row the sum of the 类.
void check_coded_table(const Filing& f, TableKind kind, const char* column, std::vector<const char*> parts) {
    const Table* t = f.table(kind);
    REQUIRE_MESSAGE(t, f.path);
    const Block* b = t->block("main");
    REQUIRE(b);
    std::map<std::string, std::int64_t> children;
    std::int64_t classes = 0;
    const Row* total = b->row_by_key("total");
    REQUIRE_MESSAGE(total, f.path);
    for (const auto& r : b->rows) {
        std::int64_t sum = 0;
        for (const char* part : parts) sum += amount_of(*b, r, part);
        CHECK_MESSAGE(sum == amount_of(*b, r, column), f.path << " " << table_kind_id(kind) << " " << r.name);
        if (r.code.size() == 3) classes += amount_of(*b, r, column);
        else if (r.code.size() > 3) children[r.code.substr(0, r.code.size() - 2)] += amount_of(*b, r, column);
    }
    for (const auto& r : b->rows)
        if (children.count(r.code)) CHECK_MESSAGE(children[r.code] == amount_of(*b, r, column), f.path << " " << table_kind_id(kind) << " " << r.code);
    CHECK_MESSAGE(classes == amount_of(*b, *total, column), f.path << " " << table_kind_id(kind));
}

// The budgets of the 3 × 40 × 3 corpus: one per department and year and one for the year after the last; valid and
// consistent (the budget rules find nothing, also given the year before for the changes the narrative states, and
// every total adds up); the 决算's 年初预算 and 三公 预算数 are its budget's; 决算 ÷ 预算 spreads as real accounts do:
// most lines within 85–105%, some far off, a few lines not budgeted at all; most departments within 85–105%.
void check_budgets(const Site& site, const std::string& site_dir) {
    using Key = std::tuple<std::string, std::string, int>;
    std::map<Key, const Filing*> budget_of, actual_of;
    for (const auto& f : site.filings()) actual_of[{f.county_dir, f.slug, f.year}] = &f;
    std::map<int, std::size_t> per_year;
    for (const auto& b : site.budgets()) {
        CHECK(b.synthetic);
        CHECK(b.kind == "预算");
        budget_of[{b.county_dir, b.slug, b.year}] = &b;
        ++per_year[b.year];
    }
    CHECK(site.budgets().size() == 3 * 40 * 4);
    CHECK(per_year == std::map<int, std::size_t>{{2022, 120}, {2023, 120}, {2024, 120}, {2025, 120}});  // 2025: next year's plan
    for (const auto& actual : actual_of) CHECK_MESSAGE(budget_of.count(actual.first), actual.second->path);

    std::size_t findings = 0;
    for (const auto& a : site.budget_audits()) findings += a.findings.size();
    CHECK(findings == 0);
    for (const auto& budget : budget_of) {
        const auto& key = budget.first;
        const Filing* b = budget.second;  // not a structured binding: CHECK_MESSAGE captures it (clang 14)
        auto prior = budget_of.find({std::get<0>(key), std::get<1>(key), std::get<2>(key) - 1});
        AuditReport r = audit_filing(*b, prior == budget_of.end() ? nullptr : prior->second);
        CHECK_MESSAGE(r.findings.empty(), b->path << ": " << (r.findings.empty() ? std::string() : r.findings[0].message));
        // The sums, directly.
        check_coded_table(*b, TableKind::BudgetExpenditure, "total", {"basic", "project"});
        check_coded_table(*b, TableKind::BudgetGeneralFunction, "total", {"basic", "project"});
        check_coded_table(*b, TableKind::BudgetIncome, "total", {"fiscal", "business", "operating", "other"});
        check_coded_table(*b, TableKind::BudgetBasicEconomic, "total", {"personnel", "public"});
        MaybeMoney planned = budget_total(*b);
        REQUIRE(planned);
        const Table* summary = b->table(TableKind::BudgetSummary);
        CHECK(cell_value(summary, "income", "grand_total", "amount") == planned);
        std::int64_t classes = 0;
        for (const auto& r : summary->block("expenditure")->rows)
            if (!r.code.empty()) classes += amount_of(*summary->block("expenditure"), r, "amount");
        CHECK(classes == *planned);
        CHECK(cell_value(b->table(TableKind::BudgetFiscalSummary), "expenditure", "grand_total", "total") == planned);
        CHECK(cell_value(b->table(TableKind::BudgetExpenditure), "main", "total", "total") == planned);
        CHECK(cell_value(b->table(TableKind::BudgetBasicEconomic), "main", "total", "total") ==
              cell_value(b->table(TableKind::BudgetExpenditure), "main", "total", "basic"));
        const Table* three = b->table(TableKind::BudgetThreePublic);
        auto t3 = [&](const char* key) { return cell_value(three, "main", key, "budget").value_or(0); };
        CHECK(t3("total") == t3("abroad") + t3("vehicle_subtotal") + t3("reception"));
        CHECK(t3("vehicle_subtotal") == t3("vehicle_purchase") + t3("vehicle_operation"));
        CHECK(cell_value(b->table(TableKind::BudgetBasicEconomic), "main", "30217", "total").value_or(0) == t3("reception"));
        CHECK(cell_value(b->table(TableKind::BudgetBasicEconomic), "main", "total", "public") == t3("operating_cost"));
        // The 决算 of the same year states this budget as its 年初预算, and its 三公 预算数 are this table's.
        if (auto a = actual_of.find(key); a != actual_of.end()) {
            const Figure* stated = a->second->figure("gb.budget");
            REQUIRE(stated);
            CHECK(stated->value.micro == *planned);
            CHECK(cell_value(a->second->table(TableKind::ThreePublic), "main", "total", "budget").value_or(0) == t3("total"));
        }
    }

    // 决算 ÷ 预算, line by line (项 of the 支出决算表 against the 部门支出预算总表) and by department.
    std::size_t lines = 0, within = 0, far = 0, unbudgeted = 0;
    std::map<std::pair<std::string, int>, std::pair<std::vector<const Filing*>, std::vector<const Filing*>>> county_years;
    for (const auto& [key, f] : actual_of) {
        const Filing* b = budget_of.at(key);
        county_years[{f->county_dir, f->year}].first.push_back(f);
        county_years[{f->county_dir, f->year}].second.push_back(b);
        const Block* spent = f->table(TableKind::Expenditure)->block("main");
        const Block* planned = b->table(TableKind::BudgetExpenditure)->block("main");
        for (const auto& r : spent->rows) {
            if (r.code.size() != 7) continue;
            const Row* p = planned->row_by_code(r.code);
            if (!p) {
                ++unbudgeted;
                continue;
            }
            ++lines;
            std::int64_t rate = *percent_micro(amount_of(*spent, r, "total"), amount_of(*planned, *p, "total"));
            within += rate >= 85 * kMicro && rate <= 105 * kMicro;
            far += rate < 70 * kMicro || rate > 130 * kMicro;
        }
    }
    CHECK(lines > 2500);
    CHECK(within * 100 >= lines * 85);  // most lines within 85–105%
    CHECK(far * 100 >= lines);          // some far off
    CHECK(unbudgeted >= 5);             // a few new lines, never budgeted
    CHECK(unbudgeted * 50 <= lines);
    std::size_t departments = 0, in_band = 0, below = 0, above = 0;
    for (const auto& [cy, kinds] : county_years) {
        CountyBudgetExecution e = county_budget_execution(kinds.first, kinds.second);
        CHECK(e.rates.size() == 40);
        CHECK(e.budget_only.empty());
        CHECK(e.actual_only.empty());
        for (const auto& r : e.rates) {
            ++departments;
            in_band += r.rate_pct_micro >= 85 * kMicro && r.rate_pct_micro <= 105 * kMicro;
            below += r.rate_pct_micro < 85 * kMicro;
            above += r.rate_pct_micro > 105 * kMicro;
        }
    }
    CHECK(departments == 360);
    CHECK(in_band * 100 >= departments * 75);
    CHECK(below > 0);
    CHECK(above > 0);

    // The pages: the dashboard ranks the 40 departments by execution rate; the history page follows both lines,
    // next year's budget included, and the budget's files are downloadable.
    std::string county = read_file(site_dir + "/990001-example-1/2024/index.html");
    CHECK(county.find("id=\"execution-h\"") != std::string::npos);
    CHECK(county.find("第 1/40") != std::string::npos);
    CHECK(county.find("第 40/40") != std::string::npos);
    CHECK(county.find("公开了预算、没有公开决算的部门") == std::string::npos);
    {
        std::vector<const Filing*> actuals, plans;
        for (const auto& [key, f] : actual_of)
            if (f->county_dir == "990001-example-1" && f->year == 2024) {
                actuals.push_back(f);
                plans.push_back(budget_of.at(key));
            }
        CountyBudgetExecution e = county_budget_execution(actuals, plans);
        const ExecutionRate& top = e.rates.front();
        std::string table = county.substr(county.find("id=\"execution\""));
        std::string row = table.substr(table.find(">" + top.actual->department_name + "</a>"));
        row = row.substr(0, row.find("</tr>"));
        CHECK(row.find(">第 1/40<") != std::string::npos);
        CHECK(row.find(">" + format_micro(top.rate_pct_micro, 1) + "%<") != std::string::npos);
        CHECK(row.find(">" + format_micro_grouped(top.planned, 2) + "<") != std::string::npos);
    }
    std::string history = read_file(site_dir + "/990001-example-1/departments/finance-bureau/index.html");
    CHECK(history.find("id=\"chart-plan\"") != std::string::npos);
    CHECK(history.find("仅有预算") != std::string::npos);
    CHECK(history.find("href=\"../../2025/finance-bureau/finance-bureau.budget.json\"") != std::string::npos);
    CHECK(read_file(site_dir + "/990001-example-1/2025/finance-bureau/finance-bureau.budget.json").find("\"kind\": \"预算\"") != std::string::npos);
    CHECK(read_file(site_dir + "/990001-example-1/2025/finance-bureau/tables/budget_expenditure.csv").find("合计") != std::string::npos);
}
}  // namespace

TEST_CASE("a consistent synthetic corpus builds, audits clean and is marked everywhere") {
    TempDir d;
    std::string out;
    REQUIRE(run_command(synth_command(d / "corpus", ""), out) == 0);
    BuildOptions o = options_for(d / "corpus", d / "site");
    Site site(o);
    BuildReport report = site.build();
    CHECK(report.filings == 360);
    std::size_t findings = 0;
    for (const auto& a : site.audits()) findings += a.findings.size();
    CHECK(findings == 0);
    for (const auto& f : site.filings()) CHECK(f.synthetic);
    std::size_t pages = 0;
    for (const auto& rel : list_files(d / "site")) {
        if (rel.size() < 5 || rel.substr(rel.size() - 5) != ".html" || rel == "404.html" || rel.rfind("audit-rules", 0) == 0 ||
            rel.rfind("glossary", 0) == 0)
            continue;
        ++pages;
        CHECK_MESSAGE(read_file(d / ("site/" + rel)).find("示例数据") != std::string::npos, rel);
    }
    CHECK(pages >= 360 + 9 + 1 + 2 + 120);  // departments, county-years, home, compare, search, histories, class pages
    // A department over three years: its history page follows every code of every year.
    std::string history = read_file(d / "site/990001-example-1/departments/finance-bureau/index.html");
    CHECK(history.find(">2022<") != std::string::npos);
    CHECK(history.find(">2024<") != std::string::npos);
    CHECK(history.find("chart-history") != std::string::npos);

    // Plausible by department type: the 教育局 spends most on 205 教育 and is on the 205 class page; 卫健 on 210,
    // 公安 on 204, 农业农村 on 213, 财政 on 201; every department pays some 208 and 221.
    std::map<std::string, std::string> largest_class_of = {{"education-bureau", "205"}, {"health-commission", "210"},
        {"public-security-bureau", "204"}, {"agriculture-bureau", "213"}, {"finance-bureau", "201"}};
    std::map<std::pair<std::string, std::string>, std::map<int, std::int64_t>> totals;  // (county, slug) -> year -> 支出合计
    std::size_t checked = 0;
    for (const auto& f : site.filings()) {
        DepartmentSummary s = summarize(f);
        REQUIRE(!s.function_classes.empty());
        auto largest = std::max_element(s.function_classes.begin(), s.function_classes.end(),
                                        [](const ClassAmount& a, const ClassAmount& b) { return a.micro < b.micro; });
        if (auto it = largest_class_of.find(f.slug); it != largest_class_of.end()) {
            CHECK_MESSAGE(largest->code == it->second, f.path);
            ++checked;
        }
        std::set<std::string> codes;
        for (const auto& c : s.function_classes) codes.insert(c.code);
        CHECK_MESSAGE((codes.count("208") && codes.count("221")), f.path);
        totals[{f.county_dir, f.slug}][f.year] = *s.total_expenditure;
    }
    CHECK(checked == 5 * 3 * 3);
    CHECK(read_file(d / "site/990001-example-1/2024/classes/205/index.html").find("示例县1教育局") != std::string::npos);
    // Year-over-year changes of 支出合计 are not whole percentages (as printed, to two decimals) for most departments.
    std::size_t changes = 0, whole = 0;
    for (const auto& [dept, years] : totals)
        for (const auto& [year, total] : years)
            if (auto prior = years.find(year - 1); prior != years.end()) {
                ++changes;
                auto pct = percent_micro(total - prior->second, prior->second);
                REQUIRE(pct);
                std::string printed = format_micro(*pct, 2);  // as the narrative prints it: "4.71"
                whole += printed.size() > 3 && printed.compare(printed.size() - 3, 3, ".00") == 0;
            }
    CHECK(changes == 3 * 40 * 2);
    CHECK(whole * 10 < changes);
    // Every department gets a type, from the corpus's own mapping and the same one from data/department-types.json;
    // each type has its page.
    REQUIRE(!site.department_types().empty());
    ProblemList problems;
    auto real_file = read_json_file(source_dir() + "/data/department-types.json", problems);
    REQUIRE(real_file);
    auto real_types = decode_department_types(*real_file, problems);
    REQUIRE(real_types);
    for (const auto& f : site.filings()) {
        const DepartmentType* own = department_type_of(site.department_types(), f);
        const DepartmentType* real = department_type_of(*real_types, f);
        REQUIRE_MESSAGE(own, f.department_name);
        REQUIRE_MESSAGE(real, f.department_name);
        CHECK_MESSAGE(own->id == real->id, f.department_name);
        CHECK_MESSAGE(own->name == real->name, f.department_name);
    }
    std::string education = read_file(d / "site/types/education/index.html");
    CHECK(education.find("示例县3教育局") != std::string::npos);
    CHECK(education.find("\"type\":\"hbar\"") != std::string::npos);
    CHECK(read_file(d / "site/types/index.html").find("id=\"untyped-h\"") == std::string::npos);
    check_budgets(site, d / "site");
}

namespace {
// The rows of one table of a synthetic document by code or key: kind → id → values.
std::map<std::string, nlohmann::ordered_json> rows_of(const nlohmann::ordered_json& doc, const std::string& kind) {
    std::map<std::string, nlohmann::ordered_json> out;
    for (const auto& t : doc["tables"])
        if (t["kind"] == kind)
            for (const auto& r : t["blocks"][0]["rows"]) out[r.contains("code") ? r["code"].get<std::string>() : r["key"].get<std::string>()] = r["values"];
    return out;
}
std::int64_t micro(const nlohmann::ordered_json& v) {
    if (v.is_null()) return 0;
    auto d = parse_decimal(v.get<std::string>());
    REQUIRE(d);
    return d->micro;
}
}  // namespace

TEST_CASE("more departments than kinds of bureau: distinct plausible names, never a number appended, each typed") {
    SynthOptions o;
    o.counties = 1;
    o.departments = 400;
    o.years = 1;
    SyntheticCorpus corpus = synthesize(o);
    std::set<std::string> slugs, names;
    std::size_t towns = 0, units = 0;
    for (const auto& file : corpus.files) {
        const std::string& path = file.first;
        const auto& doc = file.second;
        if (!is_final_accounts(path)) continue;
        std::string name = doc["department"]["name"], slug = doc["department"]["slug"];
        CHECK_MESSAGE(slugs.insert(slug).second, slug);
        CHECK_MESSAGE(names.insert(name).second, name);
        // No appended number: the only digit in a name is the synthetic county's own ("示例县1").
        CHECK_MESSAGE(std::count_if(name.begin(), name.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) == 1, name);
        CHECK_MESSAGE((slug.back() < '0' || slug.back() > '9'), slug);
        towns += name.size() > 15 && (name.compare(name.size() - 15, 15, "镇人民政府") == 0 || name.compare(name.size() - 15, 15, "街道办事处") == 0 ||
                                      name.compare(name.size() - 15, 15, "乡人民政府") == 0);
        units += name.find("医院") != std::string::npos || name.find("中学") != std::string::npos || name.find("小学") != std::string::npos;
    }
    CHECK(slugs.size() == 400);
    CHECK(towns > 150);
    CHECK(units == 5);  // 人民医院, 中医医院, 第一中学, 第二中学, 实验小学
    // The corpus's own mapping and data/department-types.json give every one of them the same type.
    ProblemList problems;
    auto real_file = read_json_file(source_dir() + "/data/department-types.json", problems);
    REQUIRE(real_file);
    auto real_types = decode_department_types(*real_file, problems);
    REQUIRE(real_types);
    const nlohmann::ordered_json& own_doc = corpus.files.back().second;
    REQUIRE(corpus.files.back().first == "department-types.json");
    auto own_types = decode_department_types(JsonFile{"department-types.json", own_doc.dump(), json::parse(own_doc.dump())}, problems);
    REQUIRE(own_types);
    for (const auto& name : names) {
        const DepartmentType* own = department_type_of(*own_types, name);
        const DepartmentType* real = department_type_of(*real_types, name);
        REQUIRE_MESSAGE(own, name);
        REQUIRE_MESSAGE(real, name);
        CHECK_MESSAGE(own->id == real->id, name);
    }
    // Thousands of departments (the CLI allows 10000) still get distinct names.
    o.departments = 10000;
    std::set<std::string> many;
    for (int d = 0; d < o.departments; ++d) many.insert(synth::department_profile(static_cast<std::size_t>(d)).slug);
    CHECK(many.size() == 10000);
}

TEST_CASE("三公 lines of the 06 table are the 三公 table's figures; line items change plausibly from year to year") {
    SynthOptions o;
    o.counties = 2;
    o.departments = 60;
    o.years = 4;
    o.seed = 7;
    SyntheticCorpus corpus = synthesize(o);
    std::map<std::string, std::map<int, const nlohmann::ordered_json*>> by_dept;  // county/slug -> year -> doc
    for (const auto& file : corpus.files) {
        const std::string& path = file.first;
        const auto& doc = file.second;
        if (!is_final_accounts(path)) continue;
        auto e = rows_of(doc, "basic_expenditure");
        auto t = rows_of(doc, "three_public");
        CHECK_MESSAGE(micro(e["30217"]["amount"]) == micro(t["reception"]["actual"]), path);
        CHECK_MESSAGE(micro(e["30231"]["amount"]) == micro(t["vehicle_operation"]["actual"]), path);
        CHECK_MESSAGE(micro(e["30217"]["amount"]) + micro(e["30231"]["amount"]) <= micro(e["302"]["amount"]) / 3, path);
        CHECK_MESSAGE(micro(t["total"]["actual"]) <= micro(t["total"]["budget"]), path);
        by_dept[path.substr(0, path.find('/')) + "/" + path.substr(path.rfind('/') + 1)][doc["year"].get<int>()] = &doc;
    }
    // Every line of the 03 and 06 tables of at least 5 万元, compared with the same line the year before.
    std::size_t changes = 0, within_30 = 0, beyond_60 = 0;
    for (const auto& [dept, years] : by_dept)
        for (const auto& [year, doc] : years) {
            auto prior = years.find(year - 1);
            if (prior == years.end()) continue;
            for (auto [kind, column] : {std::pair{"expenditure", "total"}, std::pair{"basic_expenditure", "amount"}}) {
                auto now = rows_of(*doc, kind), before = rows_of(*prior->second, kind);
                for (const auto& [code, values] : now) {
                    if (!before.count(code)) continue;
                    std::int64_t a = micro(before[code][column]), b = micro(values[column]);
                    if (a < 5 * kMicro) continue;
                    ++changes;
                    double change = static_cast<double>(b - a) / static_cast<double>(a);
                    within_30 += change >= -0.3 && change <= 0.3;
                    beyond_60 += change < -0.6 || change > 0.6;
                }
            }
        }
    CHECK(changes > 5000);
    CHECK(within_30 * 100 >= changes * 95);  // typically within ±30%
    CHECK(beyond_60 * 1000 <= changes * 5);  // hardly ever a swing of more than 60%
}

TEST_CASE("the same seed gives the same corpus; another seed a different one") {
    SynthOptions o;
    o.counties = 1;
    o.departments = 5;
    o.years = 2;
    o.seed = 3;
    auto a = synthesize(o), b = synthesize(o);
    REQUIRE(a.files.size() == b.files.size());
    for (std::size_t i = 0; i < a.files.size(); ++i) CHECK(a.files[i].second == b.files[i].second);
    o.seed = 4;
    CHECK(synthesize(o).files[1].second != a.files[1].second);
}

TEST_CASE("the audit finds every injected error, at the cell where it was injected") {
    TempDir d;
    std::string out;
    REQUIRE(run_command(synth_command(d / "corpus", "--inject-errors 25"), out) == 0);
    json truth = json::parse(read_file(d / "corpus/.injected-errors.json"));
    REQUIRE(truth.size() == 25);
    Site site(options_for(d / "corpus", d / "site"));
    site.check();
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < site.filings().size(); ++i) index[site.filings()[i].path] = i;
    std::set<std::string> kinds;
    for (const auto& e : truth) {
        std::string file = d / ("corpus/" + e["file"].get<std::string>());
        REQUIRE(index.count(file));
        const AuditReport& r = site.audits()[index[file]];
        bool found = false;
        for (const auto& fd : r.findings)
            for (const auto& c : fd.cells) found = found || (fd.severity != Severity::Info && c.pointer == e["pointer"].get<std::string>());
        CHECK_MESSAGE(found, "missed injected " << e["kind"] << " at " << e["file"] << e["pointer"]);
        kinds.insert(e["kind"].get<std::string>());
    }
    CHECK(kinds.size() == 5);  // every kind of injected error occurs
    // Files without an injected error stay clean.
    std::set<std::string> injected;
    for (const auto& e : truth) injected.insert(d / ("corpus/" + e["file"].get<std::string>()));
    for (std::size_t i = 0; i < site.filings().size(); ++i)
        if (!injected.count(site.filings()[i].path)) CHECK(site.audits()[i].findings.empty());
    // Errors are injected into 决算 only: every budget stays clean.
    REQUIRE(site.budget_audits().size() == site.budgets().size());
    for (std::size_t i = 0; i < site.budgets().size(); ++i) CHECK_MESSAGE(site.budget_audits()[i].findings.empty(), site.budgets()[i].path);
    for (const auto& e : truth) CHECK(e["file"].get<std::string>().find(".budget.json") == std::string::npos);
}

TEST_CASE("the dashboard lists the departments that published only a budget or only final accounts, as text") {
    const std::string evil = "<script>alert(1)</script>";
    TempDir d;
    std::string out;
    REQUIRE(run_command(std::string(GONGKAI_BINARY) + " synth --quiet --out " + (d / "corpus") + " --departments 4 --years 2 --seed 5", out) == 0);
    // 2024: the 财政局 published its budget only (under a hostile name), the 教育局 its final accounts only.
    REQUIRE(std::remove((d / "corpus/990001-example-1/2024/finance-bureau.json").c_str()) == 0);
    REQUIRE(std::remove((d / "corpus/990001-example-1/2024/education-bureau.budget.json").c_str()) == 0);
    edit_json(d / "corpus/990001-example-1/2024/finance-bureau.budget.json", [&](json& j) { j["department"]["name"] = evil; });
    Site site(options_for(d / "corpus", d / "site"));
    site.build();
    std::string county = read_file(d / "site/990001-example-1/2024/index.html");
    auto section = [&](const std::string& heading) {
        auto at = county.find(heading);
        REQUIRE_MESSAGE(at != std::string::npos, heading);
        return county.substr(at, county.find("</ul>", at) - at);
    };
    std::string budget_only = section("公开了预算、没有公开决算的部门");
    CHECK(budget_only.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(budget_only.find("href=\"finance-bureau/finance-bureau.budget.json\"") != std::string::npos);
    CHECK(county.find("<script>alert") == std::string::npos);
    CHECK(read_file(d / "site/990001-example-1/2024/finance-bureau/finance-bureau.budget.json").find("alert") != std::string::npos);
    std::string actual_only = section("公开了决算、没有公开预算的部门");
    CHECK(actual_only.find("href=\"education-bureau/index.html\">示例县1教育局</a>") != std::string::npos);
    // The two departments with both kinds are ranked.
    std::string ranked = county.substr(county.find("id=\"execution\""));
    ranked = ranked.substr(0, ranked.find("</table>"));
    CHECK(ranked.find("第 1/2") != std::string::npos);
    CHECK(ranked.find("示例县1人民政府办公室") != std::string::npos);
    CHECK(ranked.find("示例县1卫生健康局") != std::string::npos);
    CHECK(ranked.find("示例县1教育局") == std::string::npos);
    // 2023 has both kinds for every department: no lists.
    std::string before = read_file(d / "site/990001-example-1/2023/index.html");
    CHECK(before.find("第 4/4") != std::string::npos);
    CHECK(before.find("没有公开决算的部门") == std::string::npos);
    CHECK(before.find("没有公开预算的部门") == std::string::npos);
}

TEST_CASE("code-mapping.json lets a renamed code be followed across years; without it the line is marked") {
    TempDir d;
    std::string out;
    REQUIRE(run_command(std::string(GONGKAI_BINARY) + " synth --quiet --out " + (d / "corpus") + " --departments 1 --years 2 --seed 5", out) == 0);
    std::string filing = d / "corpus/990001-example-1/2023/government-office.json";
    std::string code;
    // Rename the last 项 of the 2023 spending tables, as a classification change would.
    edit_json(filing, [&](json& j) {
        for (auto& t : j["tables"])
            for (auto& b : t["blocks"])
                for (auto& r : b["rows"])
                    if (r.contains("code") && r["code"].get<std::string>().size() == 7) code = r["code"].get<std::string>();
        for (auto& t : j["tables"])
            for (auto& b : t["blocks"])
                for (auto& r : b["rows"])
                    if (r.contains("code") && r["code"] == code) r["code"] = "2290199";
        for (auto& f : j["narrative"]["figures"])
            if (f.contains("code") && f["code"] == code) f["code"] = "2290199";
    });
    REQUIRE(!code.empty());
    auto history = [&] {
        Site(options_for(d / "corpus", d / "site")).build();
        std::string html = read_file(d / "site/990001-example-1/departments/government-office/index.html");
        auto row = html.find("<td class=\"code\">" + code + "</td>");
        REQUIRE(row != std::string::npos);
        return html.substr(row, html.find("</tr>", row) - row);
    };
    std::string unmapped = history();
    CHECK(unmapped.find("⚠") != std::string::npos);
    write_file(d / "corpus/code-mapping.json",
               R"({"format": "gongkai-code-mapping/1", "mappings": [{"from": ["2290199"], "from_year": 2023, "to": ")" + code +
                   R"(", "note": "test rename"}]})");
    std::string mapped = history();
    CHECK(mapped.find("⚠") == std::string::npos);
    CHECK(mapped.find("原科目 2290199") != std::string::npos);
    // A broken mapping file is an input problem with its pointer.
    write_file(d / "corpus/code-mapping.json", R"({"format": "gongkai-code-mapping/1", "mappings": [{"from": ["12"], "from_year": 2023, "to": "201"}]})");
    try {
        Site(options_for(d / "corpus", d / "site")).build();
        FAIL("expected BuildFailed");
    } catch (const BuildFailed& e) {
        CHECK(e.problems().items()[0].pointer == "/mappings/0/from/0");
    }
}
