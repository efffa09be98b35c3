#include "compute/county_aggregate.hpp"

#include <algorithm>

namespace gongkai {

CountyYear aggregate_county_year(const std::vector<const Filing*>& filings) {
    CountyYear cy;
    if (filings.empty()) return cy;
    cy.county_dir = filings.front()->county_dir;
    cy.county_name = filings.front()->county.name;
    cy.province = filings.front()->county.province;
    cy.year = filings.front()->year;
    std::map<std::string, ClassTotal> classes;
    for (const Filing* f : filings) {
        DepartmentEntry e{f, summarize(*f)};
        cy.synthetic = cy.synthetic || f->synthetic;
        const auto& s = e.summary;
        auto add = [](std::int64_t& total, const MaybeMoney& v) { if (v) total += *v; };
        add(cy.total_expenditure, s.total_expenditure);
        add(cy.basic, s.basic);
        add(cy.project, s.project);
        add(cy.personnel, s.personnel);
        add(cy.public_funds, s.public_funds);
        add(cy.three_public_budget, s.three_public_budget);
        add(cy.three_public_actual, s.three_public_actual);
        for (const auto& c : s.function_classes) {
            auto& ct = classes[c.code];
            ct.code = c.code;
            if (ct.name.empty()) ct.name = c.name;
            ct.micro += c.micro;
            ct.by_department[f->slug] += c.micro;
        }
        cy.departments.push_back(std::move(e));
    }
    std::sort(cy.departments.begin(), cy.departments.end(),
              [](const DepartmentEntry& a, const DepartmentEntry& b) { return a.filing->slug < b.filing->slug; });
    for (auto& [code, ct] : classes) cy.classes.push_back(std::move(ct));
    return cy;
}

}  // namespace gongkai
