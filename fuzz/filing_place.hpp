#pragma once
// For the targets that decode a filing from fuzz input (fuzz_filing.cpp, fuzz_render.cpp): the place the
// document claims (county code, year, slug, kind), so that a well-formed filing decodes in full and its
// mutations reach the later stages instead of stopping at "not the folder it is in".
#include <string>

#include <nlohmann/json.hpp>

#include "load/data_dir.hpp"

namespace gongkai::fuzz {

inline FilingPath place_claimed(const nlohmann::json& doc, const std::string& path) {
    FilingPath where{path, "000000-fuzz", 2024, "fuzz", "决算"};
    if (!doc.is_object()) return where;
    if (auto y = doc.find("year"); y != doc.end() && y->is_number_integer()) where.year = static_cast<int>(y->get<long long>());
    if (auto k = doc.find("kind"); k != doc.end() && k->is_string()) where.kind = k->get<std::string>();
    if (auto c = doc.find("county"); c != doc.end() && c->is_object())
        if (auto code = c->find("code"); code != c->end() && code->is_string()) where.county_dir = code->get<std::string>() + "-fuzz";
    if (auto d = doc.find("department"); d != doc.end() && d->is_object())
        if (auto slug = d->find("slug"); slug != d->end() && slug->is_string()) where.slug = slug->get<std::string>();
    return where;
}

}  // namespace gongkai::fuzz
