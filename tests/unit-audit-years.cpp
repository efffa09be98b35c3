// The across-years rules (audit/rules_years.cpp): the narrative's 上年 figures and changes against the same
// department's previous-year filing. Only 2024 real filings exist, so each test makes a "previous year" copy of a
// real filing whose tables carry the prior-year figures its own narrative implies (computed here from the
// narrative's figures), checks that nothing is found, then perturbs one figure and checks the finding.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "audit/audit.hpp"
#include "model/money.hpp"
#include "render/view_audit.hpp"
#include "site/site.hpp"
#include "synth/synthetic_corpus.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;

namespace {

using K = TableKind;

struct Line {
    K kind;
    std::string block, row, column;
};

// The test's own map of the stated changes of the real filings to the table line that publishes them
// (机关运行经费 is published by the narrative only), and the metric stating this year's amount.
struct Published {
    std::optional<Line> line;
    std::string current_metric;
};
const std::map<std::string, Published>& published() {
    static const std::map<std::string, Published> m = {
        {"total", {Line{K::IncomeExpenditureSummary, "income", "grand_total", "amount"}, "total.amount"}},
        {"fiscal", {Line{K::FiscalSummary, "income", "grand_total", "amount"}, "fiscal.total"}},
        {"gb", {Line{K::GeneralBudgetExpenditure, "main", "total", "total"}, "gb.total"}},
        {"expenditure.project", {Line{K::Expenditure, "main", "total", "project"}, "expenditure.project.amount"}},
        {"three_public.total", {Line{K::ThreePublic, "main", "total", "actual"}, "three_public.total.actual"}},
        {"three_public.reception", {Line{K::ThreePublic, "main", "reception", "actual"}, "three_public.reception.actual"}},
        {"three_public.vehicle", {Line{K::ThreePublic, "main", "vehicle_subtotal", "actual"}, "three_public.vehicle.actual"}},
        {"operating_cost", {std::nullopt, "operating_cost.amount"}},
    };
    return m;
}

Row* row_of(Filing& f, const Line& l) {
    for (auto& t : f.tables)
        if (t.kind == l.kind)
            for (auto& b : t.blocks)
                if (b.id == l.block)
                    for (auto& r : b.rows)
                        if (r.key == l.row || (!r.code.empty() && r.code == l.row)) return &r;
    return nullptr;
}

std::optional<std::int64_t> cell_value(Filing& f, const Line& l) {
    Row* r = row_of(f, l);
    if (!r) return std::nullopt;
    for (auto& t : f.tables)
        if (t.kind == l.kind)
            if (const Block* b = t.block(l.block)) return b->cell(*r, l.column) ? std::optional(b->cell(*r, l.column)->micro) : std::optional<std::int64_t>(0);
    return std::nullopt;
}

void set_cell(Filing& f, const Line& l, std::int64_t micro) {
    Row* r = row_of(f, l);
    REQUIRE(r);
    for (auto& t : f.tables)
        if (t.kind == l.kind)
            for (auto& b : t.blocks)
                if (b.id == l.block) {
                    int ci = b.column_index(l.column);
                    REQUIRE(ci >= 0);
                    r->cells[static_cast<std::size_t>(ci)] = *parse_decimal(format_micro(micro, 2));
                }
}

Figure* figure_of(Filing& f, const std::string& metric, const std::string& unit = "万元") {
    for (auto& g : f.figures)
        if (g.metric == metric && g.code.empty() && g.unit == unit) return &g;
    return nullptr;
}

int sign_of(const std::string& d) { return d == "增加" || d == "增长" ? 1 : d == "减少" || d == "下降" ? -1 : 0; }

// This year's amount of a stated change: as the narrative states it, else from the tables.
std::int64_t current_of(Filing& f, const std::string& prefix) {
    const Published& p = published().at(prefix);
    if (Figure* g = figure_of(f, p.current_metric)) return g->value.micro;
    REQUIRE(p.line);
    auto v = cell_value(f, *p.line);
    REQUIRE(v);
    return *v;
}

// The prior-year amount each stated change implies, by prefix: this year ∓ the change; where only a rate is
// stated, this year ÷ (1 ± rate), rounded to the cent.
std::map<std::string, std::int64_t> implied_priors(Filing& f) {
    std::map<std::string, std::int64_t> out;
    for (const auto& g : f.figures) {
        const std::string tail = ".yoy_change";
        if (g.metric.size() > tail.size() && g.metric.compare(g.metric.size() - tail.size(), tail.size(), tail) == 0 && g.unit == "万元") {
            std::string prefix = g.metric.substr(0, g.metric.size() - tail.size());
            REQUIRE_MESSAGE(published().count(prefix), prefix);
            out[prefix] = current_of(f, prefix) - sign_of(g.direction) * g.value.micro;
        }
    }
    for (const auto& g : f.figures) {
        const std::string tail = ".yoy_pct";
        if (g.metric.size() > tail.size() && g.metric.compare(g.metric.size() - tail.size(), tail.size(), tail) == 0) {
            std::string prefix = g.metric.substr(0, g.metric.size() - tail.size());
            if (out.count(prefix)) continue;
            REQUIRE_MESSAGE(published().count(prefix), prefix);
            Int128 cur = current_of(f, prefix), base = 100 * kMicro + sign_of(g.direction) * g.value.micro;
            Int128 cents = (cur * 100 * kMicro / base + 5'000) / 10'000;
            out[prefix] = static_cast<std::int64_t>(cents * 10'000);
        }
    }
    return out;
}

// Writes a prior-year amount into the previous-year copy where last year's publication shows it.
void publish(Filing& prev, const std::string& prefix, std::int64_t micro) {
    const Published& p = published().at(prefix);
    if (p.line) {
        set_cell(prev, *p.line, micro);
        return;
    }
    Figure* g = figure_of(prev, p.current_metric);
    REQUIRE(g);
    g->value = *parse_decimal(format_micro(micro, 2));
}

// A "previous year" copy of `f`: year − 1, the same department and folder, its tables carrying the prior-year
// figures that `f`'s narrative states.
Filing previous_year_of(Filing f) {
    auto priors = implied_priors(f);
    Filing prev = f;
    prev.year = f.year - 1;
    prev.path = f.county_dir + "/" + std::to_string(prev.year) + "/" + f.slug + ".json";
    for (const auto& [prefix, micro] : priors) publish(prev, prefix, micro);
    return prev;
}

// The across-years findings (copies: the report may be a temporary).
std::vector<Finding> years_findings(const AuditReport& r) {
    std::vector<Finding> out;
    for (const auto& fd : r.findings)
        if (fd.rule.rfind("y-", 0) == 0) out.push_back(fd);
    return out;
}

int years_checks(const AuditReport& r) {
    int n = 0;
    for (const auto& [rule, count] : r.checks_by_rule)
        if (rule.rfind("y-", 0) == 0) n += count;
    return n;
}

// The finding's cells from last year's filing.
std::vector<const CellRef*> last_year_cells(const Finding& fd, int year) {
    std::vector<const CellRef*> out;
    for (const auto& c : fd.cells)
        if (c.table.rfind(std::to_string(year) + "/", 0) == 0) out.push_back(&c);
    return out;
}

std::vector<std::string> rule_list(const AuditReport& r) {
    std::vector<std::string> out;
    for (const auto& fd : r.findings) out.push_back(fd.rule + "|" + fd.message);
    return out;
}

}  // namespace

TEST_CASE("a previous year that publishes what the narrative states as 上年 gives no finding, on every real filing") {
    for (const auto& rel : real_filing_paths()) {
        CAPTURE(rel);
        Filing f = real_filing(rel);
        Filing prev = previous_year_of(f);
        AuditReport alone = audit_filing(f), paired = audit_filing(f, &prev);
        CHECK(years_findings(paired).empty());
        CHECK(years_checks(paired) > 0);     // the family ran
        CHECK(years_checks(alone) == 0);     // and runs only with a previous year
        CHECK(rule_list(paired) == rule_list(alone));  // nothing else changes
    }
}

TEST_CASE("last year's figure changed: the finding names the narrative's statement and last year's publication, on every real filing") {
    for (const auto& rel : real_filing_paths()) {
        CAPTURE(rel);
        Filing f = real_filing(rel);
        Filing prev = previous_year_of(f);
        auto priors = implied_priors(f);
        REQUIRE(priors.count("total"));  // every real filing states its 收入支出总计's change
        std::int64_t published_prior = priors.at("total") + 10 * kMicro;
        publish(prev, "total", published_prior);
        AuditReport r = audit_filing(f, &prev);
        auto found = years_findings(r);
        REQUIRE(found.size() == 1);
        const Finding fd = found.front();
        CHECK(fd.rule == "y-change");
        CHECK(fd.severity == Severity::Warning);
        CHECK(fd.found == format_micro(priors.at("total"), 2));  // the prior the narrative implies
        CHECK(fd.expected == format_micro(published_prior, 2));  // what last year published
        CHECK(fd.difference == 10 * kMicro);
        // This year's side: the stated change (a narrative figure) and this year's amount.
        const Figure* change = f.figure("total.yoy_change");
        REQUIRE(change);
        CHECK(fd.cells.front().table == "narrative");
        CHECK(fd.cells.front().block == "total.yoy_change");
        CHECK(fd.sentence == change->sentence);
        // Last year's side: marked with its year, pointing into last year's file and page.
        auto last = last_year_cells(fd, prev.year);
        REQUIRE(last.size() == 1);
        CHECK(last[0]->table == std::to_string(prev.year) + "/income_expenditure_summary");
        CHECK(last[0]->label.rfind(std::to_string(prev.year) + "年度决算 收入支出决算总表", 0) == 0);
        CHECK(last[0]->printed == format_micro(published_prior, 2));
        CHECK(last[0]->pointer.rfind(f.county_dir + "/" + std::to_string(prev.year) + "/" + f.slug + ".json#/tables/", 0) == 0);
        CHECK(last[0]->anchor == "../../" + std::to_string(prev.year) + "/" + f.slug + "/#income_expenditure_summary-income-grand_total");
        // The headline names both sides and both values.
        std::string h = finding_headline(fd);
        CHECK(contains(h, "上年（" + std::to_string(prev.year) + "年度）公开的收入支出决算总表"));
        CHECK(contains(h, "推得的上年收入支出总计"));
        CHECK(contains(fd.message, fd.found));
        CHECK(contains(fd.message, fd.expected));
    }
}

TEST_CASE("a change within rounding is silent; a cent beyond it is a 尾差; an explained change of basis is a note") {
    Filing f = real_filing(kPutuoFiling);
    auto priors = implied_priors(f);
    Filing prev = previous_year_of(f);
    // total.amount, the change and last year's cell are printed to the cent: ±0.015 is rounding.
    publish(prev, "total", priors.at("total") + 10'000);
    CHECK(years_findings(audit_filing(f, &prev)).empty());
    publish(prev, "total", priors.at("total") + 20'000);
    auto found = years_findings(audit_filing(f, &prev));
    REQUIRE(found.size() == 1);
    CHECK(found.front().severity == Severity::Minor);

    publish(prev, "total", priors.at("total") + 500 * kMicro);
    for (auto& g : f.figures)
        if (g.metric == "total.yoy_change") g.sentence += "上年数已按机构改革后的可比口径调整。";
    found = years_findings(audit_filing(f, &prev));
    REQUIRE(found.size() == 1);
    CHECK(found.front().severity == Severity::Info);
}

TEST_CASE("the operating cost's change is checked against last year's narrative") {
    Filing f = real_filing(kPutuoFiling);
    Filing prev = previous_year_of(f);
    auto priors = implied_priors(f);
    REQUIRE(priors.count("operating_cost"));
    publish(prev, "operating_cost", priors.at("operating_cost") - 3 * kMicro);
    auto found = years_findings(audit_filing(f, &prev));
    REQUIRE(found.size() == 1);
    CHECK(found.front().rule == "y-change");
    auto last = last_year_cells(found.front(), prev.year);
    REQUIRE(last.size() == 1);
    CHECK(last[0]->table == std::to_string(prev.year) + "/narrative");
    CHECK(last[0]->column.empty());
    CHECK(contains(last[0]->plain, "上年（" + std::to_string(prev.year) + "年度）公开的情况说明中的机关运行经费"));
    CHECK(last[0]->anchor.rfind("../../" + std::to_string(prev.year) + "/" + f.slug + "/#fig-", 0) == 0);
}

TEST_CASE("a rate stated without an amount: its direction and size against last year's publication") {
    Filing f = real_filing(kXiangtanFiling);
    const Figure* rate = f.figure("fiscal.yoy_pct");
    REQUIRE(rate);
    REQUIRE(!f.figure("fiscal.yoy_change"));  // the real narrative states only “减少5.53%”
    REQUIRE(sign_of(rate->direction) < 0);
    Filing prev = previous_year_of(f);
    CHECK(years_findings(audit_filing(f, &prev)).empty());
    std::int64_t current = current_of(f, "fiscal");

    // Last year smaller than this year: the narrative's 减少 is contradicted.
    publish(prev, "fiscal", current - 50 * kMicro);
    auto found = years_findings(audit_filing(f, &prev));
    REQUIRE(found.size() == 1);
    CHECK(found.front().rule == "y-rate");
    CHECK(found.front().check == CheckKind::Flag);
    CHECK(contains(found.front().headline, "实际是增加 50.00 万元"));
    CHECK(contains(found.front().headline, "减少" + rate->value.printed + "%"));
    CHECK(!last_year_cells(found.front(), prev.year).empty());

    // A decrease, but of 10%: the rate does not fit.
    publish(prev, "fiscal", current * 10 / 9);
    found = years_findings(audit_filing(f, &prev));
    REQUIRE(found.size() == 1);
    CHECK(found.front().rule == "y-rate");
    CHECK(found.front().check == CheckKind::Ratio);
    CHECK(found.front().found == rate->value.printed + "%");
    CHECK(!last_year_cells(found.front(), prev.year).empty());
}

TEST_CASE("stated prior-year figures, also of a function line, against last year's tables and code renames") {
    Filing f = real_filing(kPutuoFiling);
    Filing prev = previous_year_of(f);
    // The first function item (7 digits) of table 05 with an amount.
    const Block* b = f.table(K::GeneralBudgetExpenditure)->block("main");
    const Row* item = nullptr;
    for (const auto& r : b->rows)
        if (r.code.size() == 7 && b->cell(r, "total") && b->cell(r, "total")->micro > 0) {
            item = &r;
            break;
        }
    REQUIRE(item);
    std::string code = item->code;
    Line line{K::GeneralBudgetExpenditure, "main", code, "total"};
    std::int64_t last_amount = *cell_value(prev, line);
    auto state = [&](Filing& g, const std::string& metric, const std::string& c, std::int64_t micro) {
        g.figures.push_back({metric, c, *parse_decimal(format_micro(micro, 2)), "万元", "", "五（二）", "上年决算数为" + format_micro(micro, 2) + "万元。"});
    };
    std::int64_t gb_prior = *cell_value(prev, published().at("gb").line.value());
    state(f, "gb.prior", "", gb_prior);
    state(f, "gb.item.prior", code, last_amount);
    CHECK(years_findings(audit_filing(f, &prev)).empty());

    // Each stated prior against its own line.
    Filing wrong = f;
    wrong.figures[wrong.figures.size() - 2].value = *parse_decimal(format_micro(gb_prior + kMicro, 2));
    wrong.figures.back().value = *parse_decimal(format_micro(last_amount + 2 * kMicro, 2));
    auto found = years_findings(audit_filing(wrong, &prev));
    REQUIRE(found.size() == 2);
    std::map<std::string, const Finding*> by_rule;
    for (const auto& fd : found) by_rule[fd.rule] = &fd;
    REQUIRE(by_rule.count("y-prior"));
    REQUIRE(by_rule.count("y-function-prior"));
    CHECK(by_rule["y-prior"]->expected == format_micro(gb_prior, 2));
    CHECK(parse_decimal(by_rule["y-function-prior"]->expected)->micro == last_amount);
    CHECK(contains(by_rule["y-function-prior"]->found_label, code));
    REQUIRE(last_year_cells(*by_rule["y-function-prior"], prev.year).size() == 1);
    CHECK(last_year_cells(*by_rule["y-function-prior"], prev.year)[0]->row == code);

    // Last year printed the line under another code: without a documented rename it is not followed.
    Filing renamed = prev;
    row_of(renamed, line)->code = "2019999";
    for (auto& t : renamed.tables)
        for (auto& b : t.blocks) b.index_rows();  // a code changed: the blocks' code index is built again
    found = years_findings(audit_filing(f, &renamed));
    REQUIRE(found.size() == 1);
    CHECK(found.front().rule == "y-function-prior");
    CHECK(found.front().severity == Severity::Warning);
    CHECK(contains(found.front().headline, "没有这个科目"));
    // With data/code-mapping.json's rename, the old line is last year's figure.
    CodeMappings mappings = {{{"2019999"}, prev.year, code, "test"}};
    CHECK(years_findings(audit_filing(f, &renamed, &mappings)).empty());
    found = years_findings(audit_filing(wrong, &renamed, &mappings));
    REQUIRE(found.size() == 2);
    bool named_old_code = false;
    for (const auto& fd : found)
        if (fd.rule == "y-function-prior") named_old_code = contains(fd.expected_label, "原科目 2019999");
    CHECK(named_old_code);
}

TEST_CASE("only the same department's filing of the year just before is compared") {
    Filing f = real_filing(kPutuoFiling);
    Filing prev = previous_year_of(f);
    publish(prev, "total", implied_priors(f).at("total") + 100 * kMicro);
    Filing older = prev;
    older.year = f.year - 2;
    CHECK(years_checks(audit_filing(f, &older)) == 0);
    Filing other = prev;
    other.slug = "another-department";
    CHECK(years_checks(audit_filing(f, &other)) == 0);
    CHECK(years_findings(audit_filing(f, &prev)).size() == 1);
}

TEST_CASE("links to last year's cells go to last year's department page, from the department page and from elsewhere") {
    Filing f = real_filing(kPutuoFiling);
    Filing prev = previous_year_of(f);
    publish(prev, "total", implied_priors(f).at("total") + 10 * kMicro);
    auto found = years_findings(audit_filing(f, &prev));
    REQUIRE(found.size() == 1);
    std::string page = "../../" + std::to_string(prev.year) + "/" + f.slug + "/#income_expenditure_summary-income-grand_total--amount";
    auto links = [&](const std::string& prefix) {
        std::vector<std::string> out;
        nlohmann::json view = finding_view(found.front(), prefix);
        for (const auto& c : view["cells"]) out.push_back(c["link"].get<std::string>());
        return out;
    };
    auto here = links("");
    CHECK(std::find(here.begin(), here.end(), page) != here.end());
    CHECK(std::find(here.begin(), here.end(), "#fig-" + std::to_string(f.figure("total.yoy_change") - f.figures.data())) != here.end());
    auto from_county = links(f.slug + "/index.html");
    CHECK(std::find(from_county.begin(), from_county.end(), f.slug + "/" + page) != from_county.end());
}

TEST_CASE("the site pairs each filing with its department's previous year: a synthetic corpus agrees with itself, a changed year does not") {
    TempDir d;
    SynthOptions o;
    o.counties = 1;
    o.departments = 3;
    o.years = 3;
    o.seed = 7;
    write_synthetic_corpus(o, d / "corpus");
    {
        Site site(options_for(d / "corpus", d / "site"));
        site.check();
        for (std::size_t i = 0; i < site.filings().size(); ++i) {
            CAPTURE(site.filings()[i].path);
            CHECK(site.audits()[i].findings.empty());
            CHECK((years_checks(site.audits()[i]) > 0) == (site.filings()[i].year > 2022));
        }
    }
    // Last year's 总计 of one department changed: this year's narrative no longer agrees with it.
    std::string slug;
    for (const auto& rel : list_files(d / "corpus"))
        if (rel.find("/2023/") != std::string::npos && !contains(rel, ".budget.json") && slug.empty())  // a 决算, not its budget
            slug = rel.substr(rel.rfind('/') + 1, rel.size() - rel.rfind('/') - 6);
    REQUIRE(!slug.empty());
    std::string county;
    for (const auto& rel : list_files(d / "corpus"))
        if (contains(rel, "/2023/" + slug + ".json")) county = rel.substr(0, rel.find('/'));
    edit_json(d / ("corpus/" + county + "/2023/" + slug + ".json"), [](nlohmann::json& doc) {
        for (auto& row : doc["tables"][0]["blocks"][0]["rows"])
            if (row["key"] == "grand_total") row["values"]["amount"] = format_micro(parse_decimal(row["values"]["amount"].get<std::string>())->micro + 10 * kMicro, 2);
    });
    Site site(options_for(d / "corpus", d / "site"));
    site.check();
    bool seen = false;
    for (std::size_t i = 0; i < site.filings().size(); ++i) {
        const Filing& f = site.filings()[i];
        auto found = years_findings(site.audits()[i]);
        if (f.slug == slug && f.year == 2024) {
            REQUIRE(found.size() == 1);
            CHECK(found.front().rule == "y-change");
            auto last = last_year_cells(found.front(), 2023);
            REQUIRE(last.size() == 1);
            CHECK(last[0]->pointer.rfind(county + "/2023/" + slug + ".json#", 0) == 0);
            seen = true;
        } else {
            CHECK(found.empty());
        }
    }
    CHECK(seen);
}

TEST_CASE("this year's amount read from a table cell that a table rule finds wrong: the mismatch is only a note (湘潭县 三公 小计)") {
    Filing f = real_filing(kXiangtanFiling);
    Filing prev = previous_year_of(f);  // last year carries the 42.56 that 25.8 + 16.76 implies
    // Without its stated 决算数, this year's 公务用车 amount is the 三公 table's 小计, which t09 finds wrong (0 against
    // items of 25.8): the prior year it implies (0 + 16.76) disagrees with last year, but only as a note.
    std::erase_if(f.figures, [](const Figure& g) { return g.metric == "three_public.vehicle.actual"; });
    AuditReport r = audit_filing(f, &prev);
    bool table_rule_names_it = false;
    for (const auto& fd : r.findings)
        if (fd.rule == "t09-three-public" && fd.severity == Severity::Error)
            for (const auto& c : fd.cells) table_rule_names_it = table_rule_names_it || (c.row == "vehicle_subtotal" && c.column == "actual");
    REQUIRE(table_rule_names_it);
    auto found = years_findings(r);
    REQUIRE(found.size() == 1);
    CHECK(found.front().rule == "y-change");
    CHECK(found.front().severity == Severity::Info);
}
