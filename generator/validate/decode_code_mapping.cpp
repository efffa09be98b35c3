#include "validate/decode_code_mapping.hpp"

#include "validate/json_reader.hpp"

namespace gongkai {

static bool is_function_code(const std::string& s) {
    if (s.size() != 3 && s.size() != 5 && s.size() != 7) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

std::optional<CodeMappings> decode_code_mapping(const JsonFile& file, ProblemList& problems) {
    std::size_t before = problems.size();
    JsonReader r(file.path, problems);
    CodeMappings out;
    if (!r.expect_object(file.doc, "")) return std::nullopt;
    r.reject_unknown(file.doc, "", {"format", "mappings"});
    if (auto f = r.string(file.doc, "", "format", true); f && *f != "gongkai-code-mapping/1")
        r.fail("/format", "\"gongkai-code-mapping/1\"", "\"" + *f + "\"");
    const json* list = r.member(file.doc, "", "mappings", true);
    if (list && r.expect_array(*list, "/mappings")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            std::string p = pointer_join("/mappings", i);
            const json& m = (*list)[i];
            if (!r.expect_object(m, p)) continue;
            r.reject_unknown(m, p, {"from", "from_year", "to", "note"});
            CodeMapping cm;
            if (auto y = r.integer(m, p, "from_year", true, 2000, 2100)) cm.from_year = static_cast<int>(*y);
            if (auto t = r.string(m, p, "to", true)) {
                if (!is_function_code(*t)) r.fail(p + "/to", "a 3-, 5- or 7-digit function code", "\"" + *t + "\"");
                cm.to = *t;
            }
            if (auto n = r.string(m, p, "note", false, false)) cm.note = *n;
            const json* from = r.member(m, p, "from", true);
            if (from && r.expect_array(*from, p + "/from")) {
                if (from->empty()) r.fail(p + "/from", "at least one code", "an empty array");
                for (std::size_t k = 0; k < from->size(); ++k) {
                    const json& c = (*from)[k];
                    if (!c.is_string() || !is_function_code(c.get<std::string>()))
                        r.fail(pointer_join(p + "/from", k), "a 3-, 5- or 7-digit function code", describe_json(c));
                    else
                        cm.from.push_back(c.get<std::string>());
                }
            }
            out.push_back(std::move(cm));
        }
    }
    if (problems.size() != before) return std::nullopt;
    return out;
}

}  // namespace gongkai
