#include "validate/corpus_checks.hpp"

#include <map>
#include <tuple>

namespace gongkai {

void check_corpus(const std::vector<County>& counties, const std::vector<Filing>& filings, ProblemList& problems) {
    std::map<std::string, const County*> by_dir;
    std::map<std::string, const County*> by_code;
    for (const auto& c : counties) {
        by_dir[c.dir] = &c;
        auto [it, fresh] = by_code.emplace(c.code, &c);
        if (!fresh)
            problems.add({c.path, "/code", "a division code used by one county folder only",
                          "\"" + c.code + "\", also used by " + it->second->path, ""});
    }
    std::map<std::tuple<std::string, int, std::string>, const Filing*> by_name;
    for (const auto& f : filings) {
        auto c = by_dir.find(f.county_dir);
        if (c != by_dir.end()) {
            if (f.county.name != c->second->name)
                problems.add({f.path, "/county/name", "the county's name in " + c->second->path + " (\"" + c->second->name + "\")",
                              "\"" + f.county.name + "\"", ""});
            if (f.county.province != c->second->province)
                problems.add({f.path, "/county/province", "the province in " + c->second->path + " (\"" + c->second->province + "\")",
                              "\"" + f.county.province + "\"", ""});
        }
        auto [it, fresh] = by_name.emplace(std::make_tuple(f.county_dir, f.year, f.department_name), &f);
        if (!fresh)
            problems.add({f.path, "/department/name", "one filing per department and year",
                          "\"" + f.department_name + "\", already filed in " + it->second->path, ""});
    }
}

}  // namespace gongkai
