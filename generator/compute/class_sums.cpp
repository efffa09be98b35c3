#include "compute/class_sums.hpp"

#include "compute/department_summary.hpp"

namespace gongkai {

ClassSums sum_classes(const std::vector<CountyYear>& county_years) {
    ClassSums out;
    for (const auto& cy : county_years) {
        std::map<std::string, std::string> codes;  // code ("e" + code for economic classes) -> name
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
            out.pages.push_back({&cy, plain, name, economic});
            out.years[{cy.county_dir, economic, plain}].push_back({cy.year, sums[{economic, plain}]});
        }
    }
    return out;
}

}  // namespace gongkai
