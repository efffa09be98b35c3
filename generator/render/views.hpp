#pragma once
// View models of every page type: plain JSON objects handed to the mustache templates.
// Each view carries `root`, the relative prefix to the site root, so that the site works under any sub-path.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/finding.hpp"
#include "compute/budget_execution.hpp"
#include "compute/budget_vs_actual.hpp"
#include "compute/county_aggregate.hpp"
#include "compute/peer_position.hpp"
#include "compute/year_over_year.hpp"
#include "model/code_mapping.hpp"
#include "model/department_type.hpp"

namespace gongkai {

// One county with the years it has filings for (home page and navigation).
struct CountyIndexEntry {
    std::string dir;
    std::string name;
    std::string province;
    std::string code;
    struct Year {
        int year;
        std::size_t departments;
        bool synthetic;
    };
    std::vector<Year> years;  // ascending
    // Budgets of years without any 决算 page in the county (nothing else links to them): their JSON download.
    struct BudgetOnly {
        int year;
        std::string department;
        std::string link;  // relative to the site root
    };
    std::vector<BudgetOnly> budgets_only;  // by year, then department
};

// What a department page shows of its county-year: its position among the peers, and which class pages
// exist there (so that the page links only to pages that exist).
struct DepartmentContext {
    std::optional<PeerPosition> peers;
    std::set<std::string> class_codes;     // function classes (类 and 款) with a page in the county-year
    std::set<std::string> economic_codes;  // economic classes with a page in the county-year
    std::string type_id;                   // the department's type (data/department-types.json); empty = 未归类
    std::string type_name;
    // The department's budget beside this 决算 (compute/budget_vs_actual.hpp: the same year's, else the next
    // year's), and that budget filing (its source is cited); none when no budget of either year is loaded.
    std::optional<BudgetVsActual> budget;
    const Filing* budget_filing = nullptr;
};

// The department page, story first: a one-sentence summary (also the meta description), headline cards
// with ▲/▼ against last year, charts, position among peers, the nine tables, the audit, the narrative
// figures grouped by sentence, overview, narrative, glossary and the source; with a budget in `context`, a
// 预算与决算 section (#budget) after the year-over-year one. The 数据核验 section shows
// `audit`; its cells are highlighted in the tables and link to their finding.
nlohmann::json department_view(const Filing& f, const DepartmentSummary& s, const std::optional<YearOverYear>& yoy,
                               const AuditReport& audit, const DepartmentContext& context = {});

// The county-year dashboard: totals, the departments ranked by 支出合计 (chart, then the sortable table, largest
// first), spending by function class (类 with its 款; chart of the largest departments plus 其他), peers, findings.
// `yoy` holds, per department slug, its year-over-year comparison where known.
// `audits` holds, per department slug, its audit report (disclosure quality column and findings table).
// `budgets` (compute/budget_execution.hpp) gives the 预算执行 section: execution rates ranked, and the departments
// that published only a budget or only final accounts that year (shown when the county has any budget that year).
nlohmann::json county_view(const CountyYear& cy, const std::map<std::string, std::optional<YearOverYear>>& yoy,
                           const std::map<std::string, const AuditReport*>& audits, const CountyBudgetExecution& budgets = {});

// A department over time: every year it filed, trends, and its function codes followed across years
// (a code missing in a year is marked as not followable there). `years` ascending, with their summaries
// and their year-over-year comparisons (the department page's: prior filing, else the narrative's statement);
// 支出较上年 is the 本年支出合计 change of each. `mappings` (data/code-mapping.json) lets a renamed or merged
// code continue under its new code. `budgets` (the department's 部门预算 of any years) add 预算 and 决算 totals
// per year as two lines (chart and table), next year's budget included.
nlohmann::json history_view(const std::vector<const Filing*>& years, const std::vector<const DepartmentSummary*>& summaries,
                            const std::vector<const std::optional<YearOverYear>*>& yoy, const CodeMappings& mappings,
                            const std::vector<const Filing*>& budgets = {});

// A county across its years (page <county_dir>/index.html): totals per year, a trend chart, the departments
// entering and leaving between consecutive years, and links to each year's dashboard. `years` ascending.
nlohmann::json county_years_view(const std::vector<const CountyYear*>& years);

// One function class (类/款, `economic` false) or economic class (`economic` true) across the departments
// of a county-year, largest amount first, linked to the class above and the classes below that have pages;
// `across_years` holds the county's total for the class in each year it filed (each linked to its page).
nlohmann::json class_view(const CountyYear& cy, const std::string& code, const std::string& name, bool economic,
                          const std::vector<std::pair<int, std::int64_t>>& across_years);

// site-index.json, read by the compare page: one entry per filing with its headline figures, function classes
// and link. Serialised deterministically (in render/search_index.cpp; the search page reads search-index.json).
std::string site_index_json(const std::vector<Filing>& filings, const std::vector<DepartmentSummary>& summaries);
// The compare page (2–4 departments side by side, selection in the URL) and the search page.
// `synthetic` marks them when the site holds synthetic filings.
nlohmann::json compare_view(bool synthetic);
nlohmann::json search_view(bool synthetic);

// The page that lists and explains every audit rule.
nlohmann::json rules_view();

// The home page: the counties and years available.
nlohmann::json home_view(const std::vector<CountyIndexEntry>& counties, bool synthetic);

// The glossary: the site's own terms (anchors "term-<id>", see render/site_glossary.hpp), then every 名词解释 of
// the filings, each term once with its differing wordings and their filings, then definitions without a term.
nlohmann::json glossary_view(const std::vector<const Filing*>& filings);

// The 404 page; links use `base_url` when given (a 404 page is served at any depth).
nlohmann::json not_found_view(const std::string& base_url);

// One filing on a department-type page: the filing, its summary and its year-over-year comparison
// (the department page's; may point to nullopt or be null).
struct TypeMember {
    const Filing* filing = nullptr;
    const DepartmentSummary* summary = nullptr;
    const std::optional<YearOverYear>* yoy = nullptr;
};

// The page of one department type (types/<id>/index.html): every filing of that kind across counties and
// years, one row each sorted by 支出合计 (largest first), a ranked bar chart of the latest year, the median
// 支出合计 per year and its change between consecutive years.
nlohmann::json department_type_view(const DepartmentType& type, const std::vector<TypeMember>& members);

// The index of department types (types/index.html): each type of `types` with its filings (`by_type`, by
// type id), types without filings, and the departments no type matches (未归类, never guessed).
nlohmann::json department_types_index_view(const DepartmentTypes& types, const std::map<std::string, std::vector<TypeMember>>& by_type,
                                           const std::vector<TypeMember>& untyped);

// sitemap.xml for the given page paths (relative to the root, ending in '/').
std::string sitemap_xml(const std::string& base_url, const std::vector<std::string>& paths);

}  // namespace gongkai
