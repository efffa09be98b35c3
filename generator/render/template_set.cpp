#include "render/template_set.hpp"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <boost/filesystem.hpp>

#include "load/json_file.hpp"

namespace fs = boost::filesystem;

namespace gongkai {

std::string inline_script_hashes(const std::string& html) {
    std::string out;
    for (std::size_t at = html.find("<script>"); at != std::string::npos; at = html.find("<script>", at + 1)) {
        const std::size_t start = at + 8, end = html.find("</script>", start);
        if (end == std::string::npos) break;
        const std::string script = html.substr(start, end - start);
        if (script.find("{{") != std::string::npos) continue;  // not static: no hash can name it
        unsigned char digest[SHA256_DIGEST_LENGTH];
        EVP_Digest(script.data(), script.size(), digest, nullptr, EVP_sha256(), nullptr);
        unsigned char base64[4 * ((SHA256_DIGEST_LENGTH + 2) / 3) + 1];
        EVP_EncodeBlock(base64, digest, SHA256_DIGEST_LENGTH);
        out += " 'sha256-" + std::string(reinterpret_cast<const char*>(base64)) + "'";
    }
    return out;
}

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
        std::string text = read_file_bytes(p.string()).value_or("");
        set.sources_ += p.filename().string() + '\0' + std::to_string(text.size()) + '\0' + text;
        kainjow::mustache::mustache m(text);
        if (!m.is_valid()) {
            problems.add({p.string(), "", "a valid mustache template", m.error_message(), ""});
            continue;
        }
        if (std::string hashes = inline_script_hashes(text); !hashes.empty()) set.inline_script_hashes_[p.stem().string()] = hashes;
        set.templates_.emplace(p.stem().string(), std::move(m));
    }
    for (const char* required : {"layout", "home", "county", "department", "glossary", "audit-rules", "compare", "search", "history", "class", "not-found"})
        if (!set.templates_.count(required))
            problems.add({(fs::path(dir) / (std::string(required) + ".mustache")).string(), "", "this template", "no such file", ""});
    if (!problems.empty()) throw BuildFailed(problems);
    return set;
}

// Built bottom-up with moves: kainjow's set() and push_back() copy their argument (and so every subtree below
// it), which made converting a page's view cost far more than rendering it. operator[] hands out the slot to
// move into; a list is sized first and its elements moved into place (the list is ours, so the const_cast
// writes to a non-const object).
kainjow::mustache::data to_mustache(const nlohmann::json& j) {
    using kainjow::mustache::data;
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            data d{data::type::object};
            for (auto it = j.begin(); it != j.end(); ++it) d[it.key()] = to_mustache(it.value());
            return d;
        }
        case nlohmann::json::value_t::array: {
            data d{kainjow::mustache::basic_list<std::string>(j.size(), data{false})};
            auto& items = const_cast<kainjow::mustache::basic_list<std::string>&>(d.list_value());
            std::size_t i = 0;
            for (const auto& e : j) items[i++] = to_mustache(e);
            return d;
        }
        case nlohmann::json::value_t::boolean: return data{j.get<bool>()};
        case nlohmann::json::value_t::null: return data{false};
        case nlohmann::json::value_t::string: {
            // An empty string is falsy, so that {{#field}} sections hide absent text.
            const auto& s = j.get_ref<const std::string&>();
            return s.empty() ? data{false} : data{s};
        }
        default: return data{j.dump()};
    }
}

const char* const kSiteDescription =
    "公开：县级政府部门决算看板。各部门花了多少钱、花在哪里、与上年和同类部门相比如何，数字是否前后一致。";

bool html_has_charts(const std::string& html) {
    // An attribute, not text: preceded by white space and followed by `="` (or `s="`); text in a page
    // cannot contain a bare `"` because templates escape it.
    const std::string name = "data-chart";
    for (std::size_t at = html.find(name); at != std::string::npos; at = html.find(name, at + 1)) {
        if (at == 0 || (html[at - 1] != ' ' && html[at - 1] != '\t' && html[at - 1] != '\n')) continue;
        std::size_t end = at + name.size();
        if (html.compare(end, 2, "=\"") == 0 || html.compare(end, 3, "s=\"") == 0) return true;
    }
    return false;
}

std::string TemplateSet::page_url() const {
    if (base_url_.empty()) return "";
    std::string url = base_url_;
    if (url.back() != '/') url += '/';
    std::string path = page_path_;
    const std::string index = "index.html";
    if (path == index) path.clear();
    else if (path.size() > index.size() && path.compare(path.size() - index.size() - 1, std::string::npos, "/" + index) == 0)
        path.erase(path.size() - index.size());
    return url + path;
}

std::string TemplateSet::render(const std::string& name, const nlohmann::json& view, bool with_layout) {
    auto d = to_mustache(view);
    if (!with_layout) {  // a page of its own: its Content-Security-Policy names its own inline scripts
        auto hashes = inline_script_hashes_.find(name);
        d["csp_scripts"] = kainjow::mustache::data{hashes == inline_script_hashes_.end() ? std::string() : hashes->second};
    }
    std::string body = templates_.at(name).render(d);
    if (!with_layout) return body;
    bool charts = html_has_charts(body);
    d["body"] = kainjow::mustache::data{std::move(body)};
    d["has_charts"] = kainjow::mustache::data{charts};
    auto described = view.find("description");
    if (described == view.end() || !described->is_string() || described->get_ref<const std::string&>().empty())
        d["description"] = kainjow::mustache::data{std::string(kSiteDescription)};
    std::string url = page_url();
    if (!url.empty()) d["page_url"] = kainjow::mustache::data{url};
    return templates_.at("layout").render(d);
}

}  // namespace gongkai
