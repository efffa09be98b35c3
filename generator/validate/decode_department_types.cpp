#include "validate/decode_department_types.hpp"

#include <set>

#include "load/data_dir.hpp"
#include "validate/json_reader.hpp"

namespace gongkai {

namespace {

// A list of non-empty pattern strings; missing is an empty list unless required.
std::vector<std::string> patterns(JsonReader& r, const json& obj, const std::string& ptr, const char* key, bool required) {
    std::vector<std::string> out;
    const json* list = r.member(obj, ptr, key, required);
    if (!list || list->is_null()) return out;
    std::string p = pointer_join(ptr, key);
    if (!r.expect_array(*list, p)) return out;
    for (std::size_t k = 0; k < list->size(); ++k) {
        const json& s = (*list)[k];
        // "*" stands for any text, so a pattern needs at least one character besides it.
        if (!s.is_string() || s.get<std::string>().find_first_not_of('*') == std::string::npos)
            r.fail(pointer_join(p, k), "a non-empty part of a department name", describe_json(s));
        else
            out.push_back(s.get<std::string>());
    }
    return out;
}

}  // namespace

std::optional<DepartmentTypes> decode_department_types(const JsonFile& file, ProblemList& problems) {
    std::size_t before = problems.size();
    JsonReader r(file.path, problems);
    DepartmentTypes out;
    if (!r.expect_object(file.doc, "")) return std::nullopt;
    r.reject_unknown(file.doc, "", {"format", "about", "subordinate_endings", "types"});
    if (auto f = r.string(file.doc, "", "format", true); f && *f != "gongkai-department-types/1")
        r.fail("/format", "\"gongkai-department-types/1\"", "\"" + *f + "\"");
    r.string(file.doc, "", "about", false, false);
    // Optional: name endings that mark a subordinate unit after a matched pattern (see compute/department_types.hpp).
    out.subordinate_endings = patterns(r, file.doc, "", "subordinate_endings", false);
    const json* list = r.member(file.doc, "", "types", true);
    std::set<std::string> ids, names;
    if (list && r.expect_array(*list, "/types")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            std::string p = pointer_join("/types", i);
            const json& t = (*list)[i];
            if (!r.expect_object(t, p)) continue;
            r.reject_unknown(t, p, {"id", "name", "description", "contains", "ends_with", "exclude"});
            DepartmentType dt;
            std::size_t type_before = problems.size();
            if (auto id = r.string(t, p, "id", true)) {
                if (!is_valid_slug(*id)) r.fail(p + "/id", "a slug (lower-case a-z, 0-9 and single dashes)", "\"" + *id + "\"");
                else if (!ids.insert(*id).second) r.fail(p + "/id", "an id used by no other type", "\"" + *id + "\" again");
                dt.id = *id;
            }
            if (auto n = r.name(t, p, "name", true)) {
                if (!names.insert(*n).second) r.fail(p + "/name", "a name used by no other type", "\"" + *n + "\" again");
                dt.name = *n;
            }
            if (auto d = r.string(t, p, "description", true)) dt.description = *d;
            dt.contains = patterns(r, t, p, "contains", false);
            dt.ends_with = patterns(r, t, p, "ends_with", false);
            dt.exclude = patterns(r, t, p, "exclude", false);
            bool has_list = t.contains("contains") || t.contains("ends_with");
            if (dt.contains.empty() && dt.ends_with.empty() && problems.size() == type_before)
                r.fail(has_list ? p + "/contains" : p, "at least one name pattern in \"contains\" or \"ends_with\"",
                       has_list ? "an empty list" : "neither list");
            out.push_back(std::move(dt));
        }
    }
    if (problems.size() != before) return std::nullopt;
    return out;
}

}  // namespace gongkai
