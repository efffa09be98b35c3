#include <map>
#include <set>

#include "audit/rule_catalog.hpp"
#include "model/money.hpp"
#include "render/escape.hpp"
#include "render/view_common.hpp"
#include "render/views.hpp"

namespace gongkai {

json home_view(const std::vector<CountyIndexEntry>& counties, bool synthetic) {
    json v;
    v["root"] = "";
    v["title"] = "公开 · 部门决算看板";
    v["synthetic"] = synthetic;
    json list = json::array();
    for (const auto& c : counties) {
        json years = json::array();
        for (const auto& y : c.years)
            years.push_back({{"year", y.year}, {"departments", y.departments}, {"synthetic", y.synthetic},
                             {"link", county_year_path(c.dir, y.year)}});
        list.push_back({{"name", c.name}, {"province", c.province}, {"code", c.code}, {"years", years}});
    }
    v["counties"] = list;
    v["has_counties"] = !counties.empty();
    return v;
}

json glossary_view(const std::vector<const Filing*>& filings) {
    // term+definition -> departments that print it; ordered by term for a stable page.
    std::map<std::pair<std::string, std::string>, std::set<std::string>> entries;
    for (const Filing* f : filings)
        for (const auto& g : f->glossary)
            entries[{g.term, g.definition}].insert(f->department_name + "（" + f->county.name + " " + std::to_string(f->year) + "）");
    json items = json::array();
    json untitled = json::array();  // definitions printed without a term go last
    for (const auto& [key, deps] : entries) {
        std::string who;
        for (const auto& d : deps) who += (who.empty() ? "" : "、") + d;
        json item = {{"term", key.first.empty() ? "（原文未列词条）" : key.first}, {"definition", key.second}, {"sources", who}};
        (key.first.empty() ? untitled : items).push_back(std::move(item));
    }
    for (auto& u : untitled) items.push_back(std::move(u));
    return {{"root", "../"}, {"title", "名词解释"}, {"items", items}, {"synthetic", false}};
}

std::string site_index_json(const std::vector<Filing>& filings, const std::vector<DepartmentSummary>& summaries) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    auto num = [](const MaybeMoney& m) { return m ? nlohmann::ordered_json(static_cast<double>(*m) / kMicro) : nlohmann::ordered_json(nullptr); };
    for (std::size_t i = 0; i < filings.size(); ++i) {
        const Filing& f = filings[i];
        const DepartmentSummary& s = summaries[i];
        MaybeMoney vehicle_operation;
        for (const auto& l : s.three_public)
            if (l.key == "vehicle_operation") vehicle_operation = l.actual;
        nlohmann::ordered_json classes = nlohmann::ordered_json::object();
        for (const auto& c : s.function_classes) classes[c.code + " " + c.name] = static_cast<double>(c.micro) / kMicro;
        list.push_back({{"id", f.county_dir + "/" + std::to_string(f.year) + "/" + f.slug},
                        {"name", f.department_name}, {"county", f.county.name}, {"province", f.county.province}, {"county_code", f.county.code},
                        {"year", f.year}, {"link", department_path(f)}, {"synthetic", f.synthetic},
                        {"total", num(s.total_expenditure)}, {"basic", num(s.basic)}, {"project", num(s.project)},
                        {"personnel", num(s.personnel)}, {"public", num(s.public_funds)},
                        {"three_public_budget", num(s.three_public_budget)}, {"three_public_actual", num(s.three_public_actual)},
                        {"vehicle_operation", num(vehicle_operation)},
                        {"staff", s.staff_actual ? nlohmann::ordered_json(*s.staff_actual) : nlohmann::ordered_json(nullptr)},
                        {"vehicles", s.vehicles_actual ? nlohmann::ordered_json(*s.vehicles_actual) : nlohmann::ordered_json(nullptr)},
                        {"classes", classes}});
    }
    return nlohmann::ordered_json{{"format", "gongkai-site-index/1"}, {"departments", list}}.dump() + "\n";
}

json compare_view(bool synthetic) { return {{"root", "../"}, {"title", "部门对比"}, {"synthetic", synthetic}}; }
json search_view(bool synthetic) { return {{"root", "../"}, {"title", "搜索"}, {"synthetic", synthetic}}; }

json rules_view() {
    json rules = json::array();
    for (const auto& r : rule_catalog())
        rules.push_back({{"id", r.id}, {"title_zh", r.title_zh}, {"title_en", r.title_en}, {"scope", r.scope}, {"reads", r.reads},
                         {"tolerance", r.tolerance}, {"severity", severity_id(r.severity)}, {"severity_label", severity_label(r.severity)},
                         {"explanation", r.explanation}});
    return {{"root", "../"}, {"title", "数据核验规则"}, {"rules", rules}, {"count", rules.size()}, {"synthetic", false}};
}

json not_found_view(const std::string& base_url) {
    std::string home = base_url.empty() ? "/" : base_url;
    if (home.back() != '/') home += '/';
    return {{"title", "页面未找到"}, {"home", home}};
}

std::string sitemap_xml(const std::string& base_url, const std::vector<std::string>& paths) {
    std::string base = base_url;
    if (!base.empty() && base.back() != '/') base += '/';
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& p : paths) out += "  <url><loc>" + xml_escape(base + p) + "</loc></url>\n";
    out += "</urlset>\n";
    return out;
}

}  // namespace gongkai
