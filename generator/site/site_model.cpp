#include "site/site_model.hpp"

#include <algorithm>
#include <tuple>

#include "site/parallel.hpp"

namespace gongkai {

std::vector<std::optional<std::size_t>> previous_year_filings(const std::vector<Filing>& filings) {
    std::map<std::tuple<std::string, std::string, int>, std::size_t> index;
    for (std::size_t i = 0; i < filings.size(); ++i) index[{filings[i].county_dir, filings[i].slug, filings[i].year}] = i;
    std::vector<std::optional<std::size_t>> previous(filings.size());
    for (std::size_t i = 0; i < filings.size(); ++i)
        if (auto p = index.find({filings[i].county_dir, filings[i].slug, filings[i].year - 1}); p != index.end()) previous[i] = p->second;
    return previous;
}

SiteModel compute_site_model(const std::vector<Filing>& filings, std::vector<FilingDigest>& digests, const std::vector<Filing>& budgets,
                             unsigned jobs, bool take_summaries) {
    SiteModel m;
    m.summaries.resize(filings.size());
    parallel_for(filings.size(), jobs, [&](unsigned, std::size_t i) {
        if (take_summaries) m.summaries[i] = std::move(digests[i].summary);
        else m.summaries[i] = digests[i].summary;
    });

    for (std::size_t i = 0; i < filings.size(); ++i) {
        m.filings_by_county_year[{filings[i].county_dir, filings[i].year}].push_back(i);
        m.filings_by_department[{filings[i].county_dir, filings[i].slug}].push_back(i);
    }
    for (auto& [key, idx] : m.filings_by_department)
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return filings[a].year < filings[b].year; });
    for (std::size_t i = 0; i < budgets.size(); ++i) {
        m.budgets_by_county_year[{budgets[i].county_dir, budgets[i].year}].push_back(i);
        m.budgets_by_department[{budgets[i].county_dir, budgets[i].slug}].push_back(i);
    }

    m.previous = previous_year_filings(filings);
    m.yoy.resize(filings.size());
    parallel_for(filings.size(), jobs, [&](unsigned, std::size_t i) {
        if (m.previous[i]) m.yoy[i] = compare_with_prior_filing(m.summaries[i], m.summaries[*m.previous[i]], filings[i].year - 1);
        else m.yoy[i] = digests[i].stated_yoy;
    });

    m.county_years.resize(m.filings_by_county_year.size());
    std::vector<const std::vector<std::size_t>*> groups;
    for (const auto& [key, idx] : m.filings_by_county_year) groups.push_back(&idx);
    parallel_for(groups.size(), jobs, [&](unsigned, std::size_t g) {
        std::vector<DepartmentEntry> departments;
        departments.reserve(groups[g]->size());
        for (std::size_t i : *groups[g]) departments.push_back({&filings[i], m.summaries[i]});
        m.county_years[g] = aggregate_departments(std::move(departments));
    });

    m.classes = sum_classes(m.county_years);
    for (const auto& p : m.classes.pages)
        (p.economic ? m.economic_codes : m.class_codes)[{p.county_year->county_dir, p.county_year->year}].insert(p.code);
    m.positions = peer_positions(m.county_years);
    return m;
}

}  // namespace gongkai
