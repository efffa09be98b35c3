#include "render/template_set.hpp"

#include <fstream>
#include <sstream>

#include <boost/filesystem.hpp>

namespace fs = boost::filesystem;

namespace gongkai {

TemplateSet TemplateSet::load(const std::string& dir) {
    TemplateSet set;
    ProblemList problems;
    boost::system::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        problems.add({dir, "", "a folder of *.mustache templates", "no such folder", ""});
        throw BuildFailed(problems);
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".mustache") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
        std::ifstream in(p.string(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        kainjow::mustache::mustache m(ss.str());
        if (!m.is_valid()) {
            problems.add({p.string(), "", "a valid mustache template", m.error_message(), ""});
            continue;
        }
        set.templates_.emplace(p.stem().string(), std::move(m));
    }
    for (const char* required : {"layout", "home", "county", "department", "glossary", "audit-rules", "compare", "search", "history", "class", "not-found"})
        if (!set.templates_.count(required))
            problems.add({(fs::path(dir) / (std::string(required) + ".mustache")).string(), "", "this template", "no such file", ""});
    if (!problems.empty()) throw BuildFailed(problems);
    return set;
}

kainjow::mustache::data to_mustache(const nlohmann::json& j) {
    using kainjow::mustache::data;
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            data d{data::type::object};
            for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), to_mustache(it.value()));
            return d;
        }
        case nlohmann::json::value_t::array: {
            data d{data::type::list};
            for (const auto& e : j) d.push_back(to_mustache(e));
            return d;
        }
        case nlohmann::json::value_t::boolean: return j.get<bool>() ? data{data::type::bool_true} : data{data::type::bool_false};
        case nlohmann::json::value_t::null: return data{data::type::bool_false};
        case nlohmann::json::value_t::string: {
            // An empty string is falsy, so that {{#field}} sections hide absent text.
            const auto& s = j.get_ref<const std::string&>();
            return s.empty() ? data{data::type::bool_false} : data{s};
        }
        default: return data{j.dump()};
    }
}

std::string TemplateSet::render(const std::string& name, const nlohmann::json& view, bool with_layout) {
    auto d = to_mustache(view);
    std::string body = templates_.at(name).render(d);
    if (!with_layout) return body;
    d.set("body", body);
    return templates_.at("layout").render(d);
}

}  // namespace gongkai
