#include <map>
#include <set>

#include "compute/function_tree.hpp"
#include "render/csv_export.hpp"
#include "render/escape.hpp"
#include "render/view_common.hpp"
#include "render/view_audit.hpp"
#include "render/views.hpp"

namespace gongkai {

namespace {

json headline(const char* label, const MaybeMoney& v, std::string note = {}) {
    return {{"label", label}, {"value", money_text(v)}, {"unit", v ? "万元" : ""}, {"note", note}};
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

json table_view(const Table& t, const std::map<std::string, std::string>& flagged) {
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
                auto hit = flagged.find(cell_key(std::string(table_kind_id(t.kind)), b.id, r.code.empty() ? r.key : r.code, col));
                cells.push_back({{"text", c ? printed_grouped(c->printed) : ""}, {"blank", !c}, {"col", col}, {"flagged", hit != flagged.end()},
                                 {"finding", hit != flagged.end() ? hit->second : ""}});
            }
            std::string anchor = std::string(table_kind_id(t.kind)) + "-" + b.id + "-" + (r.code.empty() ? r.key : r.code);
            if (r.key == "blank" || r.key == "none") anchor += "-" + std::to_string(ri);
            rows.push_back({{"code", r.code}, {"name", r.name}, {"line", r.line ? std::to_string(*r.line) : ""},
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
            {"absent", t.absent}};
}

json figures_view(const Filing& f, const std::map<std::string, std::string>& flagged) {
    std::vector<std::string> order;
    std::map<std::string, json> groups;
    for (std::size_t i = 0; i < f.figures.size(); ++i) {
        const Figure& fig = f.figures[i];
        std::string sec = fig.section.empty() ? "其他" : fig.section;
        if (!groups.count(sec)) {
            order.push_back(sec);
            groups[sec] = json::array();
        }
        groups[sec].push_back({{"label", metric_label(fig.metric)}, {"metric", fig.metric}, {"code", fig.code},
                               {"value", fig.value.printed}, {"unit", fig.unit}, {"direction", fig.direction},
                               {"sentence", fig.sentence}, {"anchor", "fig-" + std::to_string(i)},
                               {"flagged", flagged.count("fig-" + std::to_string(i)) > 0},
                               {"finding", flagged.count("fig-" + std::to_string(i)) ? flagged.at("fig-" + std::to_string(i)) : ""}});
    }
    json out = json::array();
    for (const auto& s : order) out.push_back({{"section", s}, {"figures", groups[s]}});
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

}  // namespace

json department_view(const Filing& f, const DepartmentSummary& s, const std::optional<YearOverYear>& yoy, const AuditReport& audit) {
    std::map<std::string, std::string> flagged = finding_anchor_by_cell(audit);
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
    v["source"] = {{"title", f.source.title}, {"publisher", f.source.publisher}, {"url", f.source.url},
                   {"file", f.source.file}, {"published", f.source.published}};

    std::string three = s.three_public_budget ? "预算 " + money_text(s.three_public_budget) + " 万元" : "";
    v["headline"] = json::array({
        headline("收支总计", s.grand_total), headline("本年支出合计", s.total_expenditure),
        headline("基本支出", s.basic, share_text(s.basic, s.total_expenditure)),
        headline("项目支出", s.project, share_text(s.project, s.total_expenditure)),
        headline("人员经费", s.personnel), headline("公用经费", s.public_funds),
        headline("“三公”经费决算", s.three_public_actual, three)});

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
            charts.push_back({{"id", "functions"}, {"type", "sunburst"}, {"title", "支出功能分类：类 → 款 → 项（万元）"},
                              {"data", json_for_script({{"type", "sunburst"}, {"unit", "万元"}, {"series", tree_to_chart(tree)}})}});
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
    if (!s.three_public.empty()) {
        json cats = json::array(), budget = json::array(), actual = json::array();
        for (const auto& l : s.three_public) {
            cats.push_back(l.name);
            budget.push_back(money_number(l.budget));
            actual.push_back(money_number(l.actual));
        }
        charts.push_back({{"id", "three-public"}, {"type", "bar"}, {"title", "“三公”经费：预算与决算（万元）"},
                          {"data", json_for_script({{"type", "bar"}, {"unit", "万元"}, {"categories", cats},
                                                    {"series", json::array({{{"name", "预算数"}, {"data", budget}},
                                                                            {{"name", "决算数"}, {"data", actual}}})}})}});
    }
    v["charts"] = charts;
    v["yoy"] = yoy_view(yoy);

    json tables = json::array();
    for (TableKind k : all_table_kinds())
        if (const Table* t = f.table(k)) tables.push_back(table_view(*t, flagged));
    v["tables"] = tables;
    v["figure_sections"] = figures_view(f, flagged);
    v["audit_status"] = audit_status_text(audit);  // the panel itself is audit_html, rendered in site.cpp
    v["audit_clean"] = audit.count(Severity::Error) == 0 && audit.count(Severity::Warning) == 0;
    v["figure_count"] = f.figures.size();
    json sections = json::array();
    for (const auto& sec : f.sections) sections.push_back({{"title", sec.title}, {"text", sec.text}});
    v["sections"] = sections;
    json glossary = json::array();
    for (const auto& g : f.glossary) glossary.push_back({{"term", g.term.empty() ? "（原文未列词条）" : g.term}, {"definition", g.definition}});
    v["glossary"] = glossary;
    v["has_glossary"] = !glossary.empty();
    json attachments = json::array();
    for (const auto& a : f.attachments) attachments.push_back({{"title", a.title}, {"text", a.text}});
    v["attachments"] = attachments;
    v["has_attachments"] = !attachments.empty();
    v["download"] = f.slug + ".json";
    v["slug"] = f.slug;
    return v;
}

}  // namespace gongkai
