#pragma once
// The site's mustache templates, read and parsed once per build. Rendering is not thread-safe on one
// kainjow object, so each worker thread takes its own copy (copying a parsed template does not re-parse).
#include <map>
#include <string>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "error/problem.hpp"

namespace gongkai {

class TemplateSet {
public:
    // Reads every *.mustache file of `dir`; a missing or unparsable template is a BuildFailed.
    static TemplateSet load(const std::string& dir);

    // Renders template `name` (file name without .mustache) with `view` converted to mustache data.
    // The page body is then wrapped in "layout" when `with_layout` is true, with the body as {{{body}}}.
    std::string render(const std::string& name, const nlohmann::json& view, bool with_layout = true);

    bool has(const std::string& name) const { return templates_.count(name) != 0; }

private:
    std::map<std::string, kainjow::mustache::mustache> templates_;
};

// Converts JSON to kainjow data: objects to maps, arrays to lists, scalars to strings, booleans kept.
kainjow::mustache::data to_mustache(const nlohmann::json& j);

}  // namespace gongkai
