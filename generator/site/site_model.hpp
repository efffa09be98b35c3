#pragma once
// What the pages are computed from, once per build: per-filing summaries and year-over-year changes,
// county-years, class sums, peer positions, and the groupings of filings and budgets the pages look up.
// Everything here is derived from the loaded filings; nothing is rendered.
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "compute/class_sums.hpp"
#include "compute/county_aggregate.hpp"
#include "compute/department_summary.hpp"
#include "compute/peer_position.hpp"
#include "compute/year_over_year.hpp"
#include "model/filing.hpp"
#include "site/filing_digest.hpp"

namespace gongkai {

using CountyYearKey = std::pair<std::string, int>;           // county folder, year
using DepartmentKey = std::pair<std::string, std::string>;   // county folder, slug

struct SiteModel {
    std::vector<DepartmentSummary> summaries;                 // per filing, index for index
    std::vector<std::optional<std::size_t>> previous;         // per filing: the same department's previous year
    std::vector<std::optional<YearOverYear>> yoy;             // per filing: against the prior filing, else the narrative
    std::vector<CountyYear> county_years;                     // by county folder, then year
    std::map<CountyYearKey, std::vector<std::size_t>> filings_by_county_year;  // filing indices, in path order
    std::map<DepartmentKey, std::vector<std::size_t>> filings_by_department;   // filing indices, ascending by year
    std::map<CountyYearKey, std::vector<std::size_t>> budgets_by_county_year;  // budget indices, in path order
    std::map<DepartmentKey, std::vector<std::size_t>> budgets_by_department;   // budget indices, in path order
    ClassSums classes;                                        // class pages and their totals over the years
    std::map<CountyYearKey, std::set<std::string>> class_codes;     // function classes with a page, per county-year
    std::map<CountyYearKey, std::set<std::string>> economic_codes;  // economic classes with a page, per county-year
    std::map<PeerKey, PeerPosition> positions;               // each department among its county-year's peers
};

// For each filing, the index of the same department's filing of the previous year (same county folder and
// slug) when it is loaded: the one pairing of years that the audit and the year-over-year figures share.
std::vector<std::optional<std::size_t>> previous_year_filings(const std::vector<Filing>& filings);

// Computes the model of `filings` (with their digests, index for index) and `budgets` (both sorted by path), in
// parallel on `jobs` threads (0 = one per core). Reads the filings' names and the digests, never the documents
// (which may have been released). The model points into `filings`, which must outlive it.
// `take_summaries`: the summaries are moved out of `digests` (which are not needed again), not copied.
SiteModel compute_site_model(const std::vector<Filing>& filings, std::vector<FilingDigest>& digests, const std::vector<Filing>& budgets,
                             unsigned jobs, bool take_summaries = false);

}  // namespace gongkai
