#pragma once
// View models of every page type: plain JSON objects handed to the mustache templates.
// Each view carries `root`, the relative prefix to the site root, so that the site works under any sub-path.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/finding.hpp"
#include "compute/county_aggregate.hpp"
#include "compute/year_over_year.hpp"
#include "model/code_mapping.hpp"

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
};

// The department page: headline figures, charts, the nine tables, narrative figures, overview.
// The 数据核验 section shows `audit`; its cells are highlighted in the tables.
nlohmann::json department_view(const Filing& f, const DepartmentSummary& s, const std::optional<YearOverYear>& yoy,
                               const AuditReport& audit);

// The county-year dashboard: totals, the sortable department table, charts by department and class.
// `yoy` holds, per department slug, its year-over-year comparison where known.
// `audits` holds, per department slug, its audit report (disclosure quality column and findings table).
nlohmann::json county_view(const CountyYear& cy, const std::map<std::string, std::optional<YearOverYear>>& yoy,
                           const std::map<std::string, const AuditReport*>& audits);

// A department over time: every year it filed, trends, and its function codes followed across years
// (a code missing in a year is marked as not followable there). `years` ascending, with their summaries.
// `mappings` (data/code-mapping.json) lets a renamed or merged code continue under its new code.
nlohmann::json history_view(const std::vector<const Filing*>& years, const std::vector<const DepartmentSummary*>& summaries,
                            const CodeMappings& mappings);

// One function class (类/款, `economic` false) or economic class (`economic` true) across the departments
// of a county-year; `across_years` holds the county's total for the class in each year it filed.
nlohmann::json class_view(const CountyYear& cy, const std::string& code, const std::string& name, bool economic,
                          const std::vector<std::pair<int, std::int64_t>>& across_years);

// The data every client-side page (compare, search) reads: one entry per filing with its headline figures,
// function classes and link. Serialised deterministically.
std::string site_index_json(const std::vector<Filing>& filings, const std::vector<DepartmentSummary>& summaries);
// The compare page (2–4 departments side by side, selection in the URL) and the search page.
// `synthetic` marks them when the site holds synthetic filings.
nlohmann::json compare_view(bool synthetic);
nlohmann::json search_view(bool synthetic);

// The page that lists and explains every audit rule.
nlohmann::json rules_view();

// The home page: the counties and years available.
nlohmann::json home_view(const std::vector<CountyIndexEntry>& counties, bool synthetic);

// The glossary: every 名词解释 across filings, deduplicated by term and definition.
nlohmann::json glossary_view(const std::vector<const Filing*>& filings);

// The 404 page; links use `base_url` when given (a 404 page is served at any depth).
nlohmann::json not_found_view(const std::string& base_url);

// sitemap.xml for the given page paths (relative to the root, ending in '/').
std::string sitemap_xml(const std::string& base_url, const std::vector<std::string>& paths);

}  // namespace gongkai
