#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>

#include "compute/function_tree.hpp"
#include "render/csv_export.hpp"
#include "render/summary_sentence.hpp"
#include "render/view_budget.hpp"
#include "render/escape.hpp"
#include "render/view_common.hpp"
#include "model/department_type.hpp"
#include "render/view_audit.hpp"
#include "render/views.hpp"

namespace gongkai {

namespace {

// A headline card: the amount in the site's format (亿元 for large totals), and its change on last year
// (▲/▼ with the percentage) from the year-over-year line with one of `yoy_labels`, when there is one.
json headline(const char* label, const MaybeMoney& v, const std::optional<YearOverYear>& yoy,
              std::initializer_list<const char*> yoy_labels, std::string note = {}) {
    AmountDisplay a = amount_display(v);
    json card = {{"label", label}, {"value", a.value}, {"unit", a.unit}, {"note", note}, {"change", ""}, {"direction", ""}};
    if (!yoy) return card;
    for (const char* want : yoy_labels)
        for (const auto& l : yoy->lines) {
            if (l.label != want || !(l.change || l.pct_micro)) continue;
            std::int64_t sign = l.pct_micro ? *l.pct_micro : *l.change;
            bool stated = yoy->source == YoySource::NarrativeStatement;
            std::string what = std::string(want) == label ? "" : l.label;  // e.g. the narrative's “三公”经费
            // The card shows the site's ▲/▼ form; the amount and the source are in its title.
            card["change"] = arrow_change(l);
            card["direction"] = sign > 0 ? "up" : sign < 0 ? "down" : "flat";
            card["change_note"] = what + "较上年" + (stated ? "，据情况说明" : "");
            card["change_title"] = what + "较上年" + change_words(l, stated ? "据情况说明" : "");
            return card;
        }
    return card;
}

json tree_to_chart(const std::vector<FunctionNode>& nodes) {
    json out = json::array();
    for (const auto& n : nodes) {
        json node = {{"name", n.code + " " + n.name}, {"value", money_number(n.micro)}};
        if (!n.children.empty()) node["children"] = tree_to_chart(n.children);
        out.push_back(node);
    }
    return out;
}

int code_level(const std::string& code) { return code.empty() ? 0 : static_cast<int>((code.size() - 3) / 2); }

bool is_total_key(const std::string& key) {
    static const char* const totals[] = {"total", "total_income", "total_expenditure", "grand_total", "personnel_total", "public_total"};
    for (const char* t : totals)
        if (key == t) return true;
    return false;
}

bool is_blank_row(const Row& r) {
    if (r.key != "blank") return false;
    for (const auto& c : r.cells)
        if (c) return false;
    return r.name.empty();
}

// The class page a 科目编码 of `t` links to ("../classes/201/index.html"), or "" when its county-year has none:
// function codes (类 and 款) in every table but the 06 table, whose codes are economic classes.
std::string code_link(const Table& t, const std::string& code, const DepartmentContext& ctx) {
    if (t.kind == TableKind::BasicExpenditure)
        return ctx.economic_codes.count(code) ? "../economic/" + code + "/index.html" : "";
    if ((code.size() == 3 || code.size() == 5) && ctx.class_codes.count(code)) return "../classes/" + code + "/index.html";
    return "";
}

json table_view(const Table& t, const std::map<std::string, std::string>& flagged, const std::set<std::string>& minor,
                const DepartmentContext& ctx) {
    json blocks = json::array();
    for (const auto& b : t.blocks) {
        json cols = json::array();
        for (const auto& c : b.columns) cols.push_back({{"label", c.label}});
        json rows = json::array();
        for (std::size_t ri = 0; ri < b.rows.size(); ++ri) {
            const Row& r = b.rows[ri];
            // Runs of printed empty lines become one marked row instead of a stack of empty rows.
            if (is_blank_row(r)) {
                std::size_t run = 1;
                while (ri + run < b.rows.size() && is_blank_row(b.rows[ri + run])) ++run;
                std::string lines;
                for (std::size_t k = ri; k < ri + run; ++k)
                    if (b.rows[k].line) lines += (lines.empty() ? "" : "、") + std::to_string(*b.rows[k].line);
                rows.push_back({{"gap", true}, {"gap_text", "（原表此处有 " + std::to_string(run) + " 行空行" +
                                                             (lines.empty() ? "" : "，行次 " + lines) + "）"},
                                {"span", b.columns.size() + 3}});
                ri += run - 1;
                continue;
            }
            json cells = json::array();
            for (std::size_t i = 0; i < b.columns.size(); ++i) {
                const Cell& c = i < r.cells.size() ? r.cells[i] : Cell{};
                const std::string& col = b.columns[i].id;
                std::string key = cell_key(std::string(table_kind_id(t.kind)), b.id, r.code.empty() ? r.key : r.code, col);
                auto hit = flagged.find(key);
                cells.push_back({{"text", c ? printed_grouped(c->printed) : ""}, {"blank", !c}, {"col", col}, {"flagged", hit != flagged.end()},
                                 {"minor", minor.count(key) > 0}, {"finding", hit != flagged.end() ? hit->second : ""}});
            }
            std::string anchor = std::string(table_kind_id(t.kind)) + "-" + b.id + "-" + (r.code.empty() ? r.key : r.code);
            if (r.key == "blank" || r.key == "none") anchor += "-" + std::to_string(ri);
            rows.push_back({{"code", r.code}, {"code_link", code_link(t, r.code, ctx)}, {"name", r.name}, {"line", r.line ? std::to_string(*r.line) : ""},
                            {"level", code_level(r.code)}, {"total", is_total_key(r.key)}, {"anchor", anchor}, {"cells", cells}});
        }
        bool has_lines = false, has_codes = false;
        for (const auto& r : b.rows) {
            has_lines = has_lines || r.line.has_value();
            has_codes = has_codes || !r.code.empty();
        }
        blocks.push_back({{"title", b.title.empty() ? (b.id == "income" ? "收入" : b.id == "expenditure" ? "支出" : "") : b.title},
                          {"columns", cols}, {"rows", rows}, {"has_lines", has_lines}, {"has_codes", has_codes}, {"csv", table_csv_name(t, b)}});
    }
    return {{"anchor", std::string(table_kind_id(t.kind))}, {"number", t.number}, {"title", t.title}, {"unit", t.unit},
            {"blocks", blocks}, {"notes", t.notes}, {"empty_explanation", t.empty_explanation}, {"empty", t.is_empty()},
            {"absent", t.absent}, {"page", t.page ? std::to_string(*t.page) : ""}, {"page_link", ""}};
}

// The link to the page of the source publication on which a table starts: "<url>#page=N" (PDF viewers open
// that page; an existing fragment of the URL is replaced); "" when the URL or the page is unknown.
std::string source_page_link(const std::string& url, const std::optional<int>& page) {
    if (url.empty() || !page) return "";
    return url.substr(0, url.find('#')) + "#page=" + std::to_string(*page);
}

// A narrative figure's printed value with its unit: the digits as printed (thousands separators added),
// "%" attached as everywhere on the site ("5.53%"), any other unit after a no-break space ("56.95 万元").
std::string figure_value_text(const Figure& fig) {
    std::string v = printed_grouped(fig.value.printed);
    if (fig.unit.empty()) return v;
    return fig.unit == "%" ? v + "%" : v + "\u00a0" + fig.unit;
}

// The headings of a figures group keyed by the figure's `section` ("五" or "五（三）"): the title of the
// narrative section with that id ("五、一般公共预算财政拨款支出决算情况说明") and, for a subsection, its own
// heading line in the section's text ("（三）一般公共预算财政拨款支出决算具体情况"). A title the filing does
// not give is left empty (no bare "五" heading); figures without a section are headed "其他".
struct FigureHeadings {
    std::string parent_id, title, subtitle;
};
FigureHeadings figure_headings(const Filing& f, const std::string& section) {
    FigureHeadings h;
    if (section.empty()) return {"", "其他", ""};
    static const std::string open = "（", close = "）";
    std::string sub;
    h.parent_id = section;
    if (auto p = section.find(open); p != std::string::npos && p > 0 && section.ends_with(close)) {
        h.parent_id = section.substr(0, p);
        sub = section.substr(p);  // "（三）"
    }
    const NarrativeSection* parent = nullptr;
    for (const auto& sec : f.sections)
        if (sec.id == h.parent_id) parent = &sec;
    if (parent) h.title = parent->title;
    if (sub.empty()) return h;
    h.subtitle = sub;
    if (!parent) return h;
    std::size_t start = 0;
    while (start < parent->text.size()) {
        std::size_t end = parent->text.find('\n', start);
        std::string line = parent->text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        std::size_t lead = line.find_first_not_of(" \t");
        if (lead != std::string::npos && line.compare(lead, sub.size(), sub) == 0) {
            line = line.substr(lead);
            if (auto stop = line.find("。"); stop != std::string::npos) line.resize(stop);
            if (line.size() > sub.size()) h.subtitle = line;
            break;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return h;
}

// The narrative figures by section, and within a section by sentence: each sentence once (in the order it
// first appears), with the figures read from it listed under it. Figure items keep their anchors "fig-N".
// A section's title is shown once, above the first of its groups; subsections are headed by their own line.
json figures_view(const Filing& f, const std::map<std::string, std::string>& flagged) {
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::string>> sentence_order;
    std::map<std::string, std::map<std::string, json>> groups;
    for (std::size_t i = 0; i < f.figures.size(); ++i) {
        const Figure& fig = f.figures[i];
        const std::string& sec = fig.section;
        if (!groups.count(sec)) order.push_back(sec);
        auto& by_sentence = groups[sec];
        if (!by_sentence.count(fig.sentence)) {
            sentence_order[sec].push_back(fig.sentence);
            by_sentence[fig.sentence] = json::array();
        }
        std::string anchor = "fig-" + std::to_string(i);
        auto hit = flagged.find(anchor);
        by_sentence[fig.sentence].push_back({{"label", metric_label(fig.metric)}, {"metric", fig.metric}, {"code", fig.code},
                                             {"value", figure_value_text(fig)}, {"unit", fig.unit},
                                             {"direction", fig.direction}, {"anchor", anchor},
                                             {"flagged", hit != flagged.end()},
                                             {"finding", hit != flagged.end() ? hit->second : ""}});
    }
    json out = json::array();
    std::string previous_parent = "\x01";  // no group yet
    for (const auto& sec : order) {
        json sentences = json::array();
        for (const auto& text : sentence_order[sec])
            sentences.push_back({{"sentence", text}, {"figures", groups[sec][text]}});
        FigureHeadings h = figure_headings(f, sec);
        bool new_parent = h.parent_id != previous_parent;
        previous_parent = h.parent_id;
        out.push_back({{"section", sec}, {"title", new_parent ? h.title : ""}, {"subtitle", h.subtitle}, {"sentences", sentences}});
    }
    return out;
}

json yoy_view(const std::optional<YearOverYear>& yoy) {
    if (!yoy) return nullptr;
    json lines = json::array();
    for (const auto& l : yoy->lines)
        lines.push_back({{"label", l.label}, {"current", money_text(l.current)}, {"prior", money_text(l.prior)},
                         {"change", change_text(l.change)}, {"pct", pct_text(l.pct_micro)}, {"stated", l.stated},
                         {"sentence", l.sentence}});
    bool stated = yoy->source == YoySource::NarrativeStatement;
    return {{"prior_year", yoy->prior_year}, {"from_narrative", stated},
            {"source_label", stated ? "上年数据据本年情况说明所述变动推算（非上年决算表）" : "与上年部门决算对比"},
            {"lines", lines}};
}

// The peer section: rank, quartile and median per measure, links to the class pages of the department's
// biggest function classes (with the biggest 款 of each) and economic classes, and a compare link.
json peers_view(const Filing& f, const DepartmentSummary& s, const DepartmentContext& ctx, const std::string& root) {
    if (!ctx.peers) return nullptr;
    const PeerPosition& p = *ctx.peers;
    static const char* const quartile_words[] = {"", "最高的四分之一", "中位数以上", "中位数以下", "最低的四分之一"};
    json measures = json::array();
    for (const auto& m : p.measures) {
        if (!m.value) continue;  // e.g. 人均支出 where the staff count is not published
        bool pct = m.unit == "%";
        auto text = [&](std::int64_t x) { return pct ? format_micro(x, kPercentDecimals) + "%" : money_text(x) + " " + m.unit; };
        measures.push_back({{"label", m.label}, {"value", text(*m.value)},
                            {"rank", m.count >= 2 ? "第 " + std::to_string(m.rank) + " / " + std::to_string(m.count) : "仅本部门有此数"},
                            {"quartile", !m.quartile ? "" : m.median && *m.median == *m.value ? "等于中位数" : quartile_words[m.quartile]},
                            {"median", m.median ? text(*m.median) : "—"}});
    }
    // The biggest 类 (up to 3), each with its biggest 款, where the county-year has their pages.
    std::vector<ClassAmount> classes = s.function_classes;
    std::stable_sort(classes.begin(), classes.end(), [](const ClassAmount& a, const ClassAmount& b) { return a.micro > b.micro; });
    const Block* spend = spending_block(f);
    json class_links = json::array();
    for (const auto& c : classes) {
        if (class_links.size() == 3) break;
        if (!ctx.class_codes.count(c.code)) continue;
        json link = {{"code", c.code}, {"name", c.name}, {"link", "../classes/" + c.code + "/index.html"},
                     {"amount", amount_text(c.micro)}, {"share", share_text(c.micro, s.total_expenditure)}};
        if (spend) {
            const Row* best = nullptr;
            std::int64_t best_micro = 0;
            for (const auto& r : spend->rows)
                if (r.code.size() == 5 && r.code.compare(0, 3, c.code) == 0 && ctx.class_codes.count(r.code))
                    if (auto v = spend->cell(r, "total"); v && (!best || v->micro > best_micro)) {
                        best = &r;
                        best_micro = v->micro;
                    }
            if (best) link["sub"] = {{"code", best->code}, {"name", best->name}, {"link", "../classes/" + best->code + "/index.html"}};
        }
        class_links.push_back(link);
    }
    json economic_links = json::array();
    if (const Table* t06 = f.table(TableKind::BasicExpenditure); t06 && t06->block("main"))
        for (const auto& r : t06->block("main")->rows)
            if (ctx.economic_codes.count(r.code) && t06->block("main")->cell(r, "amount"))
                economic_links.push_back({{"code", r.code}, {"name", r.name}, {"link", "../economic/" + r.code + "/index.html"}});
    json closest = json::array();
    std::string ids = f.county_dir + "/" + std::to_string(f.year) + "/" + f.slug;
    bool other_county = false;
    for (const auto& c : p.closest) {
        closest.push_back({{"name", c.filing->department_name}, {"link", root + department_path(*c.filing) + "index.html"},
                           {"total", amount_text(c.total)}, {"other_county", !c.same_county},
                           {"county", c.filing->county.name}});
        ids += "," + c.filing->county_dir + "/" + std::to_string(c.filing->year) + "/" + c.filing->slug;
        other_county = other_county || !c.same_county;
    }
    json type = nullptr;
    if (!ctx.type_id.empty())
        type = {{"name", ctx.type_name}, {"link", root + department_type_path(ctx.type_id) + "index.html"}};
    return {{"departments", p.departments}, {"alone", p.departments < 2}, {"measures", measures}, {"type", type},
            {"has_measures", !measures.empty()}, {"classes", class_links}, {"has_classes", !class_links.empty()},
            {"economic", economic_links}, {"has_economic", !economic_links.empty()},
            {"closest", closest}, {"has_closest", !closest.empty()}, {"other_county", other_county},
            {"compare_link", closest.empty() ? "" : root + "compare/index.html?d=" + ids}};
}

// The 来源 block: the publication, its file, link and date, and the downloads of this page's data.
json source_view(const Filing& f) {
    return {{"title", f.source.title}, {"publisher", f.source.publisher}, {"url", f.source.url}, {"file", f.source.file},
            {"file_name", f.source.file.substr(f.source.file.find_last_of('/') == std::string::npos ? 0 : f.source.file.find_last_of('/') + 1)},
            {"published", f.source.published}, {"has_url", !f.source.url.empty()}, {"has_published", !f.source.published.empty()}};
}

}  // namespace

json department_view(const Filing& f, const DepartmentSummary& s, const std::optional<YearOverYear>& yoy, const AuditReport& audit,
                     const DepartmentContext& context) {
    std::map<std::string, std::string> flagged = finding_anchor_by_cell(audit);
    std::set<std::string> minor = minor_only_cells(audit);
    json v;
    v["root"] = root_prefix(3);
    v["title"] = f.department_name + " " + std::to_string(f.year) + "年度部门" + f.kind;
    v["synthetic"] = f.synthetic;
    v["department"] = f.department_name;
    v["county"] = f.county.name;
    v["province"] = f.county.province;
    v["year"] = f.year;
    v["kind"] = f.kind;
    v["county_link"] = "../";
    v["home_link"] = "../../../";
    v["source"] = source_view(f);
    std::string summary = summary_sentence(f, s, yoy, audit);
    v["summary"] = summary;
    v["description"] = summary;

    std::string three = s.three_public_budget ? "预算 " + amount_text(s.three_public_budget) : "";
    // A 决算 the “三公” table leaves blank is shown as the 情况说明 states it (in 万元), and said so — as the summary does.
    MaybeMoney three_actual = s.three_public_actual;
    if (const Figure* stated = f.figure("three_public.total.actual"); !three_actual && stated && stated->unit == "万元") {
        three_actual = stated->value.micro;
        three = (three.empty() ? "" : three + "；") + "决算数取自情况说明（表中未列示）";
    }
    v["headline"] = json::array({
        headline("本年支出合计", s.total_expenditure, yoy, {"本年支出合计"}),
        headline("基本支出", s.basic, yoy, {"基本支出"}, "占 " + share_text(s.basic, s.total_expenditure)),
        headline("项目支出", s.project, yoy, {"项目支出"}, "占 " + share_text(s.project, s.total_expenditure)),
        headline("人员经费", s.personnel, yoy, {"人员经费"}), headline("公用经费", s.public_funds, yoy, {"公用经费"}),
        headline("“三公”经费决算", three_actual, yoy, {"“三公”经费决算", "“三公”经费"}, three),
        headline("收支总计", s.grand_total, yoy, {"收支总计"}, "含结转结余等")});

    // Overview.
    const Overview& o = f.overview;
    json staff = json::array();
    for (const auto& sc : o.staff_authorized) staff.push_back({{"type", sc.type}, {"count", sc.count}});
    json units = json::array();
    for (const auto& u : o.consolidated_units) units.push_back({{"name", u.name}, {"note", u.note}});
    v["overview"] = {{"duties", o.duties}, {"text", o.text},
                     {"internal_unit_count", o.internal_unit_count ? std::to_string(*o.internal_unit_count) : ""},
                     {"internal_unit_names", o.internal_unit_names},
                     {"staff_authorized_total", o.staff_authorized_total ? std::to_string(*o.staff_authorized_total) : ""},
                     {"staff_authorized", staff}, {"has_staff", !staff.empty() || o.staff_authorized_total || o.staff_actual},
                     {"staff_actual", o.staff_actual ? std::to_string(*o.staff_actual) : ""},
                     {"vehicles_authorized", o.vehicles_authorized ? std::to_string(*o.vehicles_authorized) : ""},
                     {"vehicles_actual", o.vehicles_actual ? std::to_string(*o.vehicles_actual) : ""},
                     {"has_vehicles", o.vehicles_authorized || o.vehicles_actual},
                     {"consolidated_units", units}, {"has_units", !units.empty()},
                     {"has_duties", !o.duties.empty()}, {"has_staff_types", !staff.empty()}};

    // Charts: each one's data is embedded as JSON; the tables below carry every number without JavaScript.
    json charts = json::array();
    if (const Block* spend = spending_block(f)) {
        auto tree = build_function_tree(*spend, "total");
        if (!tree.empty())
            charts.push_back({{"id", "functions"}, {"type", "treemap"}, {"title", "支出功能分类：类 → 款 → 项（万元）"},
                              {"data", json_for_script({{"type", "treemap"}, {"unit", "万元"}, {"series", tree_to_chart(tree)}})}});
    }
    if (s.basic || s.project) {
        json d = json::array({{{"name", "基本支出"}, {"value", money_number(s.basic)}}, {{"name", "项目支出"}, {"value", money_number(s.project)}}});
        charts.push_back({{"id", "basic-project"}, {"type", "pie"}, {"title", "基本支出与项目支出（万元）"},
                          {"data", json_for_script({{"type", "pie"}, {"unit", "万元"}, {"series", d}})}});
    }
    if (!s.economic_classes.empty()) {
        json cats = json::array(), vals = json::array();
        for (const auto& c : s.economic_classes) {
            cats.push_back(c.code + " " + c.name);
            vals.push_back(money_number(c.micro));
        }
        charts.push_back({{"id", "economic"}, {"type", "bar"}, {"title", "基本支出经济分类（万元）"},
                          {"data", json_for_script({{"type", "bar"}, {"unit", "万元"}, {"categories", cats},
                                                    {"series", json::array({{{"name", "决算数"}, {"data", vals}}})}})}});
    }
    // “三公” by item: the 合计 and 小计 rows are left out so that totals are not drawn beside their parts.
    {
        json cats = json::array(), budget = json::array(), actual = json::array();
        bool any = false;
        for (const auto& l : s.three_public) {
            if (l.key == "total" || l.key == "vehicle_subtotal") continue;
            cats.push_back(l.name);
            budget.push_back(money_number(l.budget));
            actual.push_back(money_number(l.actual));
            any = any || l.budget || l.actual;
        }
        if (any)
            charts.push_back({{"id", "three-public"}, {"type", "bar"}, {"title", "“三公”经费各项：预算与决算（万元）"},
                              {"data", json_for_script({{"type", "bar"}, {"unit", "万元"}, {"categories", cats},
                                                        {"series", json::array({{{"name", "预算数"}, {"data", budget}},
                                                                                {{"name", "决算数"}, {"data", actual}}})}})}});
    }
    v["charts"] = charts;
    v["has_charts"] = !charts.empty();
    v["yoy"] = yoy_view(yoy);
    v["budget"] = nullptr;
    if (context.budget && context.budget_filing) {
        json b = budget_section_view(*context.budget, *context.budget_filing);
        if (charts.empty()) b["chart"] = nullptr;  // its bar chart only where the page loads ECharts anyway
        v["budget"] = std::move(b);
    }
    v["peers"] = peers_view(f, s, context, v["root"].get<std::string>());

    json tables = json::array();
    for (TableKind k : all_table_kinds())
        if (const Table* t = f.table(k)) {
            json tv = table_view(*t, flagged, minor, context);
            tv["page_link"] = source_page_link(f.source.url, t->page);
            tables.push_back(std::move(tv));
        }
    v["tables"] = tables;
    v["figure_sections"] = figures_view(f, flagged);
    v["audit_status"] = audit_status_text(audit);  // the panel itself is audit_html, rendered in site.cpp
    v["audit_clean"] = audit.count(Severity::Error) == 0 && audit.count(Severity::Warning) == 0;
    v["figure_count"] = f.figures.size();
    json sections = json::array();
    // Ids "section-N" and "attachment-N": the places the text rules' findings link to (audit/text_scan.hpp).
    for (std::size_t i = 0; i < f.sections.size(); ++i)
        sections.push_back({{"title", f.sections[i].title}, {"text", f.sections[i].text}, {"anchor", "section-" + std::to_string(i)}});
    v["sections"] = sections;
    json glossary = json::array();
    for (const auto& g : f.glossary) glossary.push_back({{"term", g.term.empty() ? "（原文未列词条）" : g.term}, {"definition", g.definition}});
    v["glossary"] = glossary;
    v["has_glossary"] = !glossary.empty();
    json attachments = json::array();
    for (std::size_t i = 0; i < f.attachments.size(); ++i)
        attachments.push_back({{"title", f.attachments[i].title}, {"text", f.attachments[i].text}, {"anchor", "attachment-" + std::to_string(i)}});
    v["attachments"] = attachments;
    v["has_attachments"] = !attachments.empty();
    v["download"] = f.slug + ".json";
    v["slug"] = f.slug;
    return v;
}

}  // namespace gongkai
