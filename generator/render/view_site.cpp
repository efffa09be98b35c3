#include <map>
#include <set>
#include <utility>
#include <vector>

#include "audit/rule_catalog.hpp"
#include "model/money.hpp"
#include "render/escape.hpp"
#include "render/site_glossary.hpp"
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
        json budgets = json::array();
        for (const auto& b : c.budgets_only)
            budgets.push_back({{"year", b.year}, {"department", b.department}, {"link", b.link}});
        // A province-level body (江苏省 江苏省) is named once.
        list.push_back({{"name", c.name}, {"province", c.province == c.name ? "" : c.province}, {"code", c.code}, {"years", years},
                        {"link", c.dir + "/"}, {"has_years", !c.years.empty()}, {"budgets_only", budgets},
                        {"has_budgets_only", !budgets.empty()}});  // link: the county across its years
    }
    v["counties"] = list;
    v["has_counties"] = !counties.empty();
    return v;
}

namespace {

// One wording of a definition for the glossary page, its sources grouped by county and year with links to
// the departments' glossary sections (folded when there are many). `sep` is the separator printed before an
// element ("" for the first), so that the template needs no list logic.
json glossary_variant_view(const GlossaryVariant& v, std::size_t number) {
    std::map<std::pair<std::string, int>, std::pair<std::string, json>> places;  // (county dir, year) -> label, departments
    for (const Filing* f : v.sources) {
        auto& place = places[{f->county_dir, f->year}];
        if (place.first.empty()) {
            place.first = f->county.province + f->county.name + " " + std::to_string(f->year) + " 年";
            place.second = json::array();
        }
        place.second.push_back({{"sep", place.second.empty() ? "" : "、"}, {"name", f->department_name},
                                {"link", "../" + department_path(*f) + "index.html#glossary"}});
    }
    json groups = json::array();
    for (auto& [key, place] : places)
        groups.push_back({{"sep", groups.empty() ? "" : "；"}, {"place", place.first}, {"departments", std::move(place.second)}});
    return {{"number", number}, {"definition", v.definition}, {"derived_term", v.derived_term}, {"count", v.sources.size()},
            {"many", v.sources.size() > 6}, {"groups", groups}};
}

json glossary_variants_view(const std::vector<GlossaryVariant>& variants) {
    json out = json::array();
    for (std::size_t i = 0; i < variants.size(); ++i) out.push_back(glossary_variant_view(variants[i], i + 1));
    return out;
}

// A glossary entry: a term (with an anchor) or none (a definition printed without a term), the site's own
// explanation if any, and the filings' wordings (folded under the explanation when there is one).
json glossary_entry_view(const std::string& anchor, const std::string& term, const std::string& explanation,
                         const std::vector<GlossaryVariant>& variants) {
    json e = {{"has_term", !term.empty()}, {"anchor", anchor}, {"term", term}, {"explanation", explanation},
              {"has_explanation", !explanation.empty()}, {"has_variants", !variants.empty()},
              {"several", variants.size() > 1}, {"variant_count", variants.size()}, {"variants", glossary_variants_view(variants)}};
    return e;
}

}  // namespace

json glossary_view(const std::vector<const Filing*>& filings) {
    GlossaryGroups groups = group_glossary(filings);
    std::map<std::string, const GlossaryTerm*> by_key;
    for (const auto& t : groups.terms) by_key[t.key] = &t;
    std::set<std::string> used_ids;
    // The site's own terms first; a filing term with the same key is shown under it (each term once).
    json site = json::array();
    for (const auto& st : site_terms()) {
        used_ids.insert("term-" + st.id);
        auto filed = by_key.find(st.key);
        static const std::vector<GlossaryVariant> none;
        site.push_back(glossary_entry_view("term-" + st.id, st.term, st.explanation, filed == by_key.end() ? none : filed->second->variants));
        if (filed != by_key.end()) by_key.erase(filed);
    }
    json terms = json::array();
    for (const auto& t : groups.terms) {
        if (!by_key.count(t.key)) continue;  // shown under a site term
        std::string anchor = "term-" + t.key;
        for (int n = 2; !used_ids.insert(anchor).second; ++n) anchor = "term-" + t.key + "-" + std::to_string(n);
        terms.push_back(glossary_entry_view(anchor, t.term, "", t.variants));
    }
    json untitled = json::array();
    for (const auto& v : groups.untitled) untitled.push_back(glossary_entry_view("", "", "", {v}));
    json sections = json::array();
    sections.push_back({{"id", "site-terms"}, {"title", "本站用语"}, {"dl", true},
                        {"intro", "本站页面上的说法，用通俗的话解释。带有“决算原文的解释”的词条，可展开查看各部门决算原文的写法。"},
                        {"entries", site}});
    if (!terms.empty())
        sections.push_back({{"id", "filing-terms"}, {"title", "决算原文中的名词"}, {"dl", true},
                            {"intro", "照录各部门决算“名词解释”部分的原文。各部门说法不同时逐一列出，并注明出处。"},
                            {"entries", terms}});
    if (!untitled.empty())
        sections.push_back({{"id", "untitled-definitions"}, {"title", "未列词条的解释"}, {"dl", false},
                            {"intro", "以下解释在原文中没有写出所解释的词条，按原文照录。"}, {"entries", untitled}});
    return {{"root", "../"}, {"title", "名词解释"},
            {"description", "部门决算中常见名词的解释：本站用语的通俗说明，以及各部门决算原文“名词解释”的不同说法和出处。"},
            {"sections", sections}, {"synthetic", false}};
}

json compare_view(bool synthetic) { return {{"root", "../"}, {"title", "部门对比"}, {"synthetic", synthetic}}; }
json search_view(bool synthetic) {
    return {{"root", "../"}, {"title", "搜索"}, {"synthetic", synthetic},
            {"description", "按部门、地区、支出功能分类、经济分类和“三公”经费查找各部门决算，支持名称和科目编码。"}};
}

json rules_view() {
    json rules = json::array();
    for (const auto& r : rule_catalog())
        rules.push_back({{"id", r.id}, {"title_zh", r.title_zh}, {"title_en", r.title_en}, {"scope", r.scope}, {"reads", r.reads},
                         {"tolerance", r.tolerance}, {"severity", severity_id(r.severity)}, {"severity_label", severity_label(r.severity)},
                         {"explanation", r.explanation},
                         {"tail_applies", rule_compares_amounts(r.id)}});
    // How severe a finding is depends on its size as well as its rule (audit/materiality.hpp).
    json levels = json::array();
    for (const auto& [sev, text] : std::vector<std::pair<Severity, std::string>>{
             {Severity::Error, "四舍五入解释不了的实质性差异：合计算错、说明中的数字与表格不符、方向或单位写反写错。"},
             {Severity::Warning, "可能另有原因、需要核实的差异，如事业单位的机关运行经费与公用经费口径不同、新设单位按惯例写“增长100%”、表格未公开。"},
             {Severity::Minor, "超出四舍五入可解释范围不超过 0.01 万元（或 0.01 个百分点）的差异，例如同一个数在两张表里分别印成 326.71 和 326.72。这是末位的尾差，不是算错，不计入错误。"},
             {Severity::Info, "提示：比例的基数为 0 等无从核对的情况，或所涉单元格本身已被其他规则判定有误时的重复差异。"}})
        levels.push_back({{"severity", severity_id(sev)}, {"label", severity_label(sev)}, {"text", text}});
    return {{"root", "../"}, {"title", "数据核验规则"}, {"rules", rules}, {"count", rules.size()}, {"synthetic", false},
            {"severity_levels", levels}};
}

json not_found_view(const std::string& base_url) {
    // Without a base URL the page finds the site root itself (a script probes upward from its address);
    // "/" is only the fallback without JavaScript.
    std::string home = base_url.empty() ? "/" : base_url;
    if (home.back() != '/') home += '/';
    return {{"title", "页面未找到"}, {"home", home}, {"find_root", base_url.empty()}};
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
