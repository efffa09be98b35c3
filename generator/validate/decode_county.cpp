#include "validate/decode_county.hpp"


#include "validate/json_reader.hpp"

namespace gongkai {

std::optional<County> decode_county(const JsonFile& file, const CountyPath& where, ProblemList& problems) {
    std::size_t before = problems.size();
    JsonReader r(file.path, problems);
    if (!r.expect_object(file.doc, "")) return std::nullopt;
    r.reject_unknown(file.doc, "", {"format", "name", "code", "province"});
    County c;
    c.path = file.path;
    c.dir = where.dir;
    if (auto f = r.string(file.doc, "", "format", true); f && *f != "gongkai-county/1")
        r.fail("/format", "\"gongkai-county/1\"", "\"" + *f + "\"");
    if (auto v = r.name(file.doc, "", "name", true)) c.name = *v;
    if (auto v = r.name(file.doc, "", "province", true)) c.province = *v;
    if (auto v = r.string(file.doc, "", "code", true)) {
        if (!is_division_code(*v)) r.fail("/code", "a 6-digit division code", "\"" + *v + "\"");
        else if (where.dir.rfind(*v + "-", 0) != 0)
            r.fail("/code", "the code the folder name starts with (" + where.dir.substr(0, 6) + ")", "\"" + *v + "\"");
        c.code = *v;
    }
    if (problems.size() != before) return std::nullopt;
    return c;
}

}  // namespace gongkai
