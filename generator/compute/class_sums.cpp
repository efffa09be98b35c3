#include "compute/class_sums.hpp"

#include "compute/bounded_sum.hpp"
#include "compute/department_summary.hpp"

namespace gongkai {

ClassSums sum_classes(const std::vector<CountyYear>& county_years) {
    ClassSums out;
    for (const auto& cy : county_years) {
        std::map<std::string, std::string> codes;  // code ("e" + code for economic classes) -> name
        std::map<std::pair<bool, std::string>, std::int64_t> sums;
        for (const auto& d : cy.departments) {
            auto describe = [&](const auto& c) {
                return [&] { return c.code + " " + c.name + " of " + cy.county_name + " " + std::to_string(cy.year); };
            };
            for (const auto& c : d.summary.spending_classes) {
                codes.emplace(c.code, c.name);
                add_amount(sums[{false, c.code}], c.micro, *d.filing, describe(c));
            }
            for (const auto& c : d.summary.key_economic) {
                codes.emplace("e" + c.code, c.name);
                add_amount(sums[{true, c.code}], c.micro, *d.filing, describe(c));
            }
        }
        for (const auto& [code, name] : codes) {
            bool economic = code[0] == 'e';
            std::string plain = economic ? code.substr(1) : code;
            out.pages.push_back({&cy, plain, name, economic});
            out.years[{cy.county_dir, economic, plain}].push_back({cy.year, sums[{economic, plain}]});
        }
    }
    return out;
}

}  // namespace gongkai
