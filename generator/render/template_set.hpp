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

    // Renders template `name` (file name without .mustache) with `view` converted to mustache data; without
    // the layout, `csp_scripts` holds the hashes of the template's inline scripts (inline_script_hashes).
    // The page body is then wrapped in "layout" when `with_layout` is true, with the body as {{{body}}},
    // `has_charts` true when the body holds a chart container (an attribute starting `data-chart`, so
    // the layout loads ECharts only for pages that draw charts), `description` defaulting to the
    // site's description, and `page_url` (absolute) when a base URL and page path are set.
    std::string render(const std::string& name, const nlohmann::json& view, bool with_layout = true);

    // The published site's absolute URL ("" = unknown: no canonical or og:url links are written).
    void set_base_url(const std::string& base_url) { base_url_ = base_url; }
    // The path of the page rendered next (relative to the site root, e.g. "glossary/index.html").
    void set_page_path(const std::string& path) { page_path_ = path; }
    // The absolute URL of the current page ("" without a base URL); "x/index.html" becomes "x/".
    std::string page_url() const;

    bool has(const std::string& name) const { return templates_.count(name) != 0; }
    // Every template file's name and text as read, in name order (what a build's output depends on).
    const std::string& sources() const { return sources_; }

private:
    std::map<std::string, kainjow::mustache::mustache> templates_;
    std::map<std::string, std::string> inline_script_hashes_;  // template -> " 'sha256-…'" of its static inline scripts
    std::string sources_;
    std::string base_url_;
    std::string page_path_;
};

// The Content-Security-Policy source expressions (" 'sha256-…'", each with a leading space) of the static
// inline scripts (`<script>` elements without attributes or mustache tags) of a template's text. A page
// rendered without the layout gets them as {{csp_scripts}}, so that its policy allows exactly those scripts.
std::string inline_script_hashes(const std::string& html);

// The description of the site, used by pages whose view sets none.
extern const char* const kSiteDescription;

// True when rendered HTML contains a chart container (an attribute whose name starts with "data-chart").
bool html_has_charts(const std::string& html);

// Converts JSON to kainjow data: objects to maps, arrays to lists, scalars to strings, booleans kept.
kainjow::mustache::data to_mustache(const nlohmann::json& j);

}  // namespace gongkai
