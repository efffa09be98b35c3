#include "compute/county_aggregate.hpp"

#include <algorithm>

#include "compute/bounded_sum.hpp"

namespace gongkai {

CountyYear aggregate_county_year(const std::vector<const Filing*>& filings) {
    std::vector<DepartmentEntry> departments;
    departments.reserve(filings.size());
    for (const Filing* f : filings) departments.push_back({f, summarize(*f)});
    return aggregate_departments(std::move(departments));
}

CountyYear aggregate_departments(std::vector<DepartmentEntry> departments) {
    CountyYear cy;
    if (departments.empty()) return cy;
    const Filing* first = departments.front().filing;
    cy.county_dir = first->county_dir;
    cy.county_name = first->county.name;
    cy.province = first->county.province;
    cy.year = first->year;
    std::map<std::string, ClassTotal> classes;
    std::map<std::string, ClassTotal> subclasses;  // 款 by code
    const std::string of = " of " + cy.county_name + " " + std::to_string(cy.year);
    for (auto& e : departments) {
        const Filing& f = *e.filing;
        cy.synthetic = cy.synthetic || f.synthetic;
        const auto& s = e.summary;
        auto add = [&](std::int64_t& total, const MaybeMoney& v, const char* what) {
            if (v) add_amount(total, *v, f, [&] { return what + of; });
        };
        add(cy.total_expenditure, s.total_expenditure, "支出合计");
        add(cy.basic, s.basic, "基本支出");
        add(cy.project, s.project, "项目支出");
        add(cy.personnel, s.personnel, "人员经费");
        add(cy.public_funds, s.public_funds, "公用经费");
        add(cy.three_public_budget, s.three_public_budget, "“三公”经费预算");
        add(cy.three_public_actual, s.three_public_actual, "“三公”经费支出");
        auto add_class = [&](std::map<std::string, ClassTotal>& into, const auto& c) {
            auto& ct = into[c.code];
            ct.code = c.code;
            if (ct.name.empty()) ct.name = c.name;
            add_amount(ct.micro, c.micro, f, [&] { return c.code + " " + ct.name + of; });
            add_amount(ct.by_department[f.slug], c.micro, f, [&] { return c.code + " " + ct.name + " of " + f.department_name; });
        };
        for (const auto& c : s.function_classes) add_class(classes, c);
        // 款 from the same table as the class pages (the spending table's total column).
        for (const auto& c : s.spending_classes)
            if (c.code.size() == 5) add_class(subclasses, c);
        cy.departments.push_back(std::move(e));
    }
    std::sort(cy.departments.begin(), cy.departments.end(), [](const DepartmentEntry& a, const DepartmentEntry& b) {
        const auto &x = a.summary.total_expenditure, &y = b.summary.total_expenditure;
        if (x.has_value() != y.has_value()) return x.has_value();
        if (x && y && *x != *y) return *x > *y;
        return a.filing->slug < b.filing->slug;
    });
    for (auto& [code, ct] : subclasses) {
        auto parent = classes.find(code.substr(0, 3));
        if (parent != classes.end()) parent->second.subclasses.push_back(std::move(ct));
    }
    for (auto& [code, ct] : classes) cy.classes.push_back(std::move(ct));
    return cy;
}

std::vector<DepartmentTurnover> department_turnover(const std::vector<const CountyYear*>& years) {
    std::vector<DepartmentTurnover> out;
    for (std::size_t i = 1; i < years.size(); ++i) {
        const CountyYear& a = *years[i - 1];
        const CountyYear& b = *years[i];
        std::map<std::string, const DepartmentEntry*> before, after;
        for (const auto& d : a.departments) before[d.filing->slug] = &d;
        for (const auto& d : b.departments) after[d.filing->slug] = &d;
        DepartmentTurnover t;
        t.from_year = a.year;
        t.to_year = b.year;
        for (const auto& [slug, d] : after) {
            auto was = before.find(slug);
            if (was == before.end()) {
                t.entered.push_back(d->filing);
                continue;
            }
            ++t.continuing;
            // Like for like: only departments that publish 支出合计 in both years.
            if (d->summary.total_expenditure && was->second->summary.total_expenditure) {
                auto continuing = [](const CountyYear& cy) {
                    return [&cy] { return "支出合计 of the departments of " + cy.county_name + " " + std::to_string(cy.year) + " filed the year before or after"; };
                };
                add_amount(t.continuing_to_total, *d->summary.total_expenditure, *d->filing, continuing(b));
                add_amount(t.continuing_from_total, *was->second->summary.total_expenditure, *was->second->filing, continuing(a));
            }
        }
        for (const auto& [slug, d] : before)
            if (!after.count(slug)) t.left.push_back(d->filing);
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace gongkai
