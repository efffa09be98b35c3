#include "render/view_audit.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "audit/grouping.hpp"
#include "audit/materiality.hpp"
#include "audit/rule_catalog.hpp"
#include "model/money.hpp"
#include "render/view_common.hpp"

namespace gongkai {

using nlohmann::json;

namespace {

const char* const kNbsp = "\u00a0";

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// (A place of the printed text, table "text", is named by its label: audit/text_scan.hpp.)
bool is_table_cell(const CellRef& c) { return c.table != "narrative" && c.table != "overview" && c.table != "text"; }
bool is_figure(const CellRef& c) { return c.table == "narrative"; }

// The link from a finding to the cell it names (table cells have one id per column).
std::string cell_link(const CellRef& c, const std::string& prefix) {
    std::string column = c.table == "narrative" || c.column.empty() ? "" : "--" + c.column;
    // A cell of last year's filing carries its page, relative to this year's department page
    // ("../../2023/<slug>/#…"); from another page, it is reached through the department page's folder.
    if (c.anchor.rfind("../", 0) == 0) return prefix.substr(0, prefix.rfind('/') + 1) + c.anchor + column;
    return prefix + "#" + c.anchor + column;
}

// A narrative figure's metric in words: "“三公”经费中公务接待费的预算数", "一般公共预算财政拨款支出".
std::string figure_name(const std::string& metric, const std::string& code) {
    static const std::map<std::string, std::string> items = {
        {"total", "“三公”经费"}, {"abroad", "因公出国（境）费"}, {"vehicle", "公务用车购置及运行维护费"},
        {"vehicle_purchase", "公务用车购置费"}, {"vehicle_operation", "公务用车运行维护费"}, {"reception", "公务接待费"}};
    static const std::map<std::string, std::string> sides = {
        {"budget", "预算数"}, {"actual", "决算数"}, {"completion", "完成预算比例"}, {"yoy_change", "较上年变动"},
        {"yoy_pct", "较上年变动率"}, {"share", "占比"}};
    std::string name;
    const std::string tp = "three_public.";
    if (metric.rfind(tp, 0) == 0) {
        std::string rest = metric.substr(tp.size());
        std::size_t dot = rest.find('.');
        auto item = items.find(rest.substr(0, dot));
        auto side = dot == std::string::npos ? sides.end() : sides.find(rest.substr(dot + 1));
        if (item != items.end() && side != sides.end())
            name = (item->first == "total" ? item->second : "“三公”经费中" + item->second) + "的" + side->second;
    }
    if (name.empty()) {
        name = metric_label(metric);
        // "收入·财政拨款·金额" reads as one phrase without the dots.
        for (std::size_t p; (p = name.find("·")) != std::string::npos;) name.erase(p, std::string("·").size());
        // "gb.yoy_pct" is labelled "较上年变动率": say whose.
        const std::string gb = "一般公共预算财政拨款";
        if (metric.rfind("gb.", 0) == 0 && code.empty() && name.rfind(gb, 0) != 0) name = gb + "支出" + name;
    }
    return code.empty() ? name : name + "（" + code + "）";
}

// A coded figure whose code the tables name: "说明中“抚恤”（20808）的支出决算"; "" for other metrics.
std::string coded_figure_name(const CellRef& c) {
    static const std::vector<std::pair<std::string, std::string>> tails = {
        {".full_year.budget", "的全年预算"}, {".full_year.completion", "完成全年预算的比例"}, {".share", "的占比"},
        {".completion", "完成年初预算的比例"}, {".budget", "的年初预算"}, {".actual", "的支出决算"},
        {".item.amount", "的预算数"},  // (a 部门预算's item: 决算 items state .actual)
        {".amount", "的支出决算"}};
    if (c.plain.empty() || c.row.empty()) return "";
    for (const auto& [tail, words] : tails)
        if (ends_with(c.block, tail)) return "说明中“" + c.plain + "”（" + c.row + "）" + words;
    return "";
}

// A cell in words: a table cell as "支出决算表里“合计”的基本支出", a figure as "说明中的人员经费".
std::string ref_name(const CellRef& c) {
    if (is_table_cell(c)) return c.plain.empty() ? c.label : c.plain;
    if (is_figure(c)) {
        std::string coded = coded_figure_name(c);
        return coded.empty() ? "说明中的" + figure_name(c.block, c.row) : coded;
    }
    return c.label;
}

// The digits of a printed value without a unit after them ("0.3万元" -> "0.3").
std::string digits_of(const std::string& printed) {
    std::size_t last = printed.find_last_of("0123456789");
    return last == std::string::npos ? printed : printed.substr(0, last + 1);
}

// A value with its unit: the printed digits of a single cell where there is one (a quote of the document,
// with separators), else the computed value in the site's number format.
std::string value_text(const std::string& unit, const std::optional<std::int64_t>& value, const CellRef* single) {
    if (single) {
        if (single->printed.empty()) return "空白";
        std::string d = digits_of(single->printed);
        if (unit == "万元") return printed_grouped(d) + kNbsp + (single->unit.empty() ? "万元" : single->unit);  // a cell of a 元 table
        if (unit == "%") return d + "%";
        return d + (unit.empty() ? "" : kNbsp + unit);
    }
    if (!value) return "—";
    if (unit == "万元") return money_text(value) + kNbsp + "万元";
    if (unit == "%") return format_micro(*value, 2) + "%";
    return format_micro(*value, 0) + (unit.empty() ? "" : kNbsp + unit);
}

// "是 12.00 万元", or "是空白" for a blank cell.
std::string is_value(const std::string& value) { return value == "空白" ? "是空白" : "是 " + value; }

std::string difference_text(const Finding& f) {
    if (!f.difference) return "";
    if (f.unit == "万元") return money_text(f.difference) + kNbsp + "万元";
    if (f.unit == "%") return format_micro(*f.difference, 2) + kNbsp + "个百分点";
    return format_micro(*f.difference, 0) + (f.unit.empty() ? "" : kNbsp + f.unit);
}

// The size of the difference against the amount involved: "0.003%", "99.9%".
std::string relative_text(const Finding& f) {
    if (!f.difference) return "";
    std::int64_t micro_pct = f.relative_ppm * 100;  // millionths of a percent
    return format_micro(micro_pct, micro_pct < kMicro / 10 ? 3 : 1) + "%";
}

// The difference against the filing's 本年支出合计: "0.0003%", "1.2%"; "" when not known.
std::string total_share_text(const Finding& f) {
    if (!f.total_share_ppm) return "";
    std::int64_t micro_pct = *f.total_share_ppm * 100;
    return format_micro(micro_pct, micro_pct < kMicro / 10 ? 4 : 1) + "%";
}

// Sorts ascending with the most material finding first (the report's own order, materiality.hpp).
std::int64_t materiality_key(const Finding& f) { return materiality_rank(f); }

// How a ratio is recomputed, by what the percentage states.
std::string ratio_basis(const CellRef* pct) {
    std::string metric = pct ? pct->block : "";
    if (ends_with(metric, ".share")) return "按相关金额算";
    if (ends_with(metric, ".completion")) return "按决算数除以预算数算";
    if (ends_with(metric, ".yoy_pct")) return "按变化金额除以上年数算";
    return "按相关数字算";
}

// The kind of problem a root cause is, for the status line.
enum class Kind { Table, Missing, Section, NarrativeVsTable, NarrativeItself, Text, Check, Tail, Note };

Kind kind_of(const Finding& f) {
    if (f.severity == Severity::Info) return Kind::Note;
    if (f.severity == Severity::Minor) return Kind::Tail;
    if (f.rule == "empty-table-explained" || f.rule == "s-table-absent") return Kind::Missing;
    if (f.rule.rfind("s-", 0) == 0) return Kind::Section;
    if (f.severity == Severity::Warning) return Kind::Check;
    auto family = [&](const char* prefix) { return f.rule.rfind(prefix, 0) == 0; };
    // The printed words (a placeholder, a heading's year); 元 for 万元 in an attachment is text against a table.
    if (family("text-") && f.rule != "text-unit") return Kind::Text;
    // Narrative figures, the words comparing them (c-) and last year's publication (y-, warnings so far); everything
    // else compares printed table cells.
    if (!family("n-") && !family("c-") && !family("y-") && !family("b-narrative-") && f.rule != "text-unit") return Kind::Table;
    bool names_table = std::any_of(f.cells.begin(), f.cells.end(), [](const CellRef& c) { return is_table_cell(c); });
    return names_table ? Kind::NarrativeVsTable : Kind::NarrativeItself;
}

}  // namespace

namespace {

// The headline without its closing remark (headline_remark).
std::string headline_body(const Finding& f) {
    const auto& cells = f.cells;
    std::size_t n = std::min(f.found_cells, cells.size());
    std::size_t rest = cells.size() - n;
    const CellRef* a = n == 1 ? &cells[0] : nullptr;
    const CellRef* b = rest == 1 ? &cells[n] : nullptr;
    std::string A = a ? ref_name(*a) : f.found_label;
    bool all_figures = n > 0 && std::all_of(cells.begin(), cells.begin() + static_cast<long>(n), [](const CellRef& c) { return is_figure(c); });
    if (!a && all_figures && A.rfind("说明", 0) != 0 && A.rfind("情况说明", 0) != 0) A = "说明中" + A;
    std::string B = b ? ref_name(*b) : f.expected_label;
    std::string F = value_text(f.unit, f.found_value, a);
    std::string D = difference_text(f);
    std::string h;
    switch (f.check) {
        case CheckKind::Sum: {
            std::string verb = a && is_table_cell(*a) ? "印成 " : a && is_figure(*a) ? "写的是 " : "是 ";
            h = A + verb + F + "，但各项加起来是 " + value_text(f.unit, f.expected_value, nullptr) + "，相差 " + D;
            break;
        }
        case CheckKind::Same: {
            std::string E = value_text(f.unit, f.expected_value, b);
            if (rest == 0)
                h = A + "是 " + F + "，但" + f.expected_label + "中没有对应的数";
            else if (a && b && is_table_cell(*a) && is_table_cell(*b))
                h = "同一个数在两张表里印得不一样：" + A + is_value(F) + "，" + B + is_value(E) + "，相差 " + D;
            else
                h = A + (a && is_figure(*a) ? "写的是 " + F : is_value(F)) + "，但" + B + is_value(E) + "，相差 " + D;
            break;
        }
        case CheckKind::Ratio:
            h = A + "写的是 " + F + "，" + ratio_basis(a) + "应为 " + value_text(f.unit, f.expected_value, nullptr) + "，相差 " + D;
            break;
        case CheckKind::NoBase: {
            // The base is one cell, or derived (the prior year = this year's amount ∓ the change): then say so.
            const CellRef* whole = f.base_cells == 1 && !cells.empty() ? &cells.back() : nullptr;
            bool prior = ends_with(a ? a->block : "", ".yoy_pct");
            std::string base_name = whole ? ref_name(*whole) : prior ? std::string("按本年数和变化金额推得的上年数") : f.expected_label;
            h = A + "写的是 " + F + "，但算这个比例的基数——" + base_name + "——" + is_value(value_text("万元", f.expected_value, whole)) +
                "，比例算不出来";
            if (f.severity == Severity::Warning && prior) h += "（新设单位常按惯例写作 100%，请核实）";
            break;
        }
        case CheckKind::Unit:
            h = A + "写成 " + (a ? digits_of(a->printed) : F) + kNbsp + "元，但" + B + "是 " + value_text("万元", f.expected_value, b) +
                "，单位应为万元";
            break;
        case CheckKind::Exceeds:
            h = A + "（" + F + "）比" + B + "（" + value_text(f.unit, f.expected_value, b) + "）还大，部分不应超过整体";
            break;
        case CheckKind::Flag:
            h = f.headline.empty() ? f.message : f.headline;
            break;
    }
    return h;
}

// What closes a headline: that it is a 尾差, or only a note.
std::string headline_remark(const Finding& f) {
    if (f.severity == Severity::Minor) return "（尾差）";
    // A narrative figure against a cell that a table rule already finds wrong: a note, said as such.
    if (f.severity == Severity::Info && f.check == CheckKind::Same) return "（表中这个数本身已被判定有误，此处只作提示）";
    return "";
}

// The sections of the narrative where a finding's figures stand ("七（二）"), each once, in cell order.
std::vector<std::string> sections_of(const Finding& f) {
    std::vector<std::string> out;
    for (const auto& c : f.cells) {
        std::string s = is_figure(c) ? narrative_section(c.label) : "";
        if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
    return out;
}

std::string joined(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
    return out;
}

// One display line: the findings it shows (a finding and its repeats elsewhere) and its headline.
struct Line {
    std::vector<std::size_t> members;
    std::string headline;
    int number = 0;
};

struct GroupItem {
    const FindingGroup* group = nullptr;
    std::vector<Line> lines;
};

// The headline of a line: a finding's, or for repeats the one headline with how often and where it is said.
std::string line_headline(const AuditReport& audit, const std::vector<std::size_t>& line) {
    const Finding& lead = audit.findings[line.front()];
    if (line.size() == 1) return finding_headline(lead);
    std::vector<std::string> sections;
    for (std::size_t i : line)
        for (const auto& s : sections_of(audit.findings[i]))
            if (std::find(sections.begin(), sections.end(), s) == sections.end()) sections.push_back(s);
    std::string where = "；说明中共有 " + std::to_string(line.size()) + " 处这样写";
    if (!sections.empty()) where += "，见" + joined(sections, "、");
    return headline_body(lead) + where + headline_remark(lead);
}

// Where a finding stands, to tell apart two lines that would read the same: the narrative's sections, else the
// tables of its cells, else its rule.
std::string place_of(const Finding& f) {
    auto sections = sections_of(f);
    if (!sections.empty()) return "说明" + joined(sections, "、");
    std::vector<std::string> tables;
    for (const auto& c : f.cells) {
        std::string name = is_table_cell(c) ? c.label.substr(0, c.label.find("“")) : "";
        if (!name.empty() && std::find(tables.begin(), tables.end(), name) == tables.end()) tables.push_back(name);
    }
    if (!tables.empty()) return joined(tables, "、");
    for (const auto& r : rule_catalog())
        if (r.id == f.rule) return r.title_zh;
    return f.rule;
}

// The report as displayed: its groups, each with its lines, numbered in display order; no two lines read the
// same (a line whose headline another line already has says where it stands, then its number if need be).
std::vector<GroupItem> display_items(const AuditReport& audit, const std::vector<FindingGroup>& groups) {
    auto number = display_numbers(groups, audit.findings.size());
    std::vector<GroupItem> items;
    for (const auto& g : groups) {
        GroupItem item;
        item.group = &g;
        for (const auto& members : g.lines) {
            Line l;
            l.members = members;
            l.headline = line_headline(audit, members);
            l.number = number[members.front()];
            item.lines.push_back(std::move(l));
        }
        items.push_back(std::move(item));
    }
    std::map<std::string, int> seen;
    for (auto& item : items)
        for (auto& l : item.lines) ++seen[l.headline];
    std::set<std::string> used;
    for (auto& item : items)
        for (auto& l : item.lines) {
            if (seen[l.headline] > 1) l.headline += "（" + place_of(audit.findings[l.members.front()]) + "）";
            if (!used.insert(l.headline).second) {
                l.headline += "（第 " + std::to_string(l.number) + " 条）";
                used.insert(l.headline);
            }
        }
    return items;
}

// The view of one line: the view of its first finding under the line's headline; for repeats, the cells and
// sentences of all of them.
json line_view(const AuditReport& audit, const Line& l, const std::string& link_prefix) {
    json fv = finding_view(audit.findings[l.members.front()], link_prefix);
    fv["headline"] = l.headline;
    fv["anchor"] = "finding-" + std::to_string(l.number);
    fv["number"] = l.number;
    fv["repeats"] = l.members.size();
    if (l.members.size() > 1) {
        json cells = json::array();
        std::set<std::string> pointers;
        std::vector<std::string> sentences;
        for (std::size_t i : l.members) {
            const Finding& fd = audit.findings[i];
            for (const auto& c : fd.cells)
                if (pointers.insert(c.pointer + "|" + c.anchor).second)
                    cells.push_back({{"label", c.label}, {"printed", c.printed.empty() ? "空白" : c.printed},
                                     {"link", cell_link(c, link_prefix)}});
            if (!fd.sentence.empty() && std::find(sentences.begin(), sentences.end(), fd.sentence) == sentences.end())
                sentences.push_back(fd.sentence);
        }
        fv["cells"] = cells;
        fv["sentence"] = joined(sentences, "”“");
    }
    return fv;
}

}  // namespace

std::string finding_headline(const Finding& f) { return headline_body(f) + headline_remark(f); }

json finding_view(const Finding& fd, const std::string& link_prefix) {
    json cells = json::array();
    for (const auto& c : fd.cells)
        cells.push_back({{"label", c.label}, {"printed", c.printed.empty() ? "空白" : c.printed}, {"link", cell_link(c, link_prefix)}});
    std::string rule_title;
    for (const auto& r : rule_catalog())
        if (r.id == fd.rule) rule_title = r.title_zh;
    std::int64_t key = materiality_key(fd);
    return {{"rule", fd.rule}, {"rule_title", rule_title}, {"severity", severity_id(fd.severity)},
            {"severity_label", severity_label(fd.severity)}, {"minor", fd.severity == Severity::Minor},
            {"headline", finding_headline(fd)}, {"message", fd.message}, {"expected", fd.expected}, {"found", fd.found},
            {"tolerance", fd.tolerance}, {"difference", difference_text(fd)}, {"relative", relative_text(fd)},
            {"total_share", total_share_text(fd)},
            {"cells", cells}, {"sentence", fd.sentence}, {"materiality", key}, {"materiality_sort", std::to_string(key)}};
}

void sort_by_materiality(json& views) {
    if (!views.is_array()) return;
    std::stable_sort(views.begin(), views.end(), [](const json& a, const json& b) {
        return a.value("materiality", std::int64_t{0}) < b.value("materiality", std::int64_t{0});
    });
}

RootCauseCounts root_cause_counts(const AuditReport& audit) {
    RootCauseCounts n;
    for (const auto& g : group_findings(audit)) switch (audit.findings[g.members.front()].severity) {
            case Severity::Error: ++n.errors; break;
            case Severity::Warning: ++n.warnings; break;
            case Severity::Minor: ++n.minors; break;
            case Severity::Info: ++n.notes; break;
        }
    return n;
}

json root_cause_views(const AuditReport& audit, const std::string& link_prefix) {
    auto groups = group_findings(audit);
    json out = json::array();
    for (const auto& item : display_items(audit, groups)) {
        const FindingGroup& g = *item.group;
        if (audit.findings[g.members.front()].severity == Severity::Info) continue;
        const Line& lead = item.lines.front();
        json fv = line_view(audit, lead, link_prefix);
        std::size_t related = g.members.size() - lead.members.size();
        if (related > 0) fv["headline"] = lead.headline + "（与此同源的另有 " + std::to_string(related) + " 处）";
        fv["related"] = related;
        fv["finding_link"] = link_prefix + "#" + fv["anchor"].get<std::string>();
        out.push_back(std::move(fv));
    }
    return out;
}

json audit_panel_view(const AuditReport& audit, const std::string& root) {
    auto groups = group_findings(audit);
    json items = json::array();
    for (const auto& shown : display_items(audit, groups)) {
        const FindingGroup& g = *shown.group;
        json members = json::array();
        for (const auto& l : shown.lines) members.push_back(line_view(audit, l, ""));
        const Finding& lead = audit.findings[g.members.front()];
        json item = {{"grouped", g.cause.has_value()}, {"severity", severity_id(lead.severity)}, {"count", g.members.size()},
                     {"members", members}};
        if (g.cause) {
            item["cause_name"] = ref_name(*g.cause);
            const std::string& printed = g.cause->printed;
            std::string digits = digits_of(printed);
            item["cause_value"] = is_table_cell(*g.cause) ? value_text("万元", std::nullopt, &*g.cause)
                                  : printed.empty()       ? std::string("空白")
                                                          : printed_grouped(digits) + kNbsp + printed.substr(digits.size());
            item["cause_link"] = cell_link(*g.cause, "");
        }
        items.push_back(std::move(item));
    }
    RootCauseCounts n = root_cause_counts(audit);
    return {{"root", root}, {"rules_applied", audit.rules_applied()}, {"rules_passed", audit.rules_passed()},
            {"status", audit_status_text(audit)}, {"errors", n.errors}, {"warnings", n.warnings},
            {"minors", n.minors}, {"notes", n.notes}, {"items", items},
            {"has_findings", !audit.findings.empty()}, {"clean", n.errors == 0 && n.warnings == 0},
            {"only_tail", n.errors == 0 && n.warnings == 0 && n.minors > 0}};
}

std::string audit_status_text(const AuditReport& audit) {
    std::map<Kind, int> counts;
    for (const auto& g : group_findings(audit)) ++counts[kind_of(audit.findings[g.members.front()])];
    static const std::vector<std::pair<Kind, std::string>> words = {
        {Kind::NarrativeVsTable, " 处说明与表格不符"}, {Kind::NarrativeItself, " 处说明中的数字前后不一"},
        {Kind::Table, " 处表格数字对不上"},
        {Kind::Missing, " 张表缺失或空表无说明"}, {Kind::Section, " 处缺少应有的部分"}, {Kind::Text, " 处文字错误"},
        {Kind::Check, " 处需要核实"}, {Kind::Tail, " 处尾差"}};
    std::string out;
    for (const auto& [kind, text] : words)
        if (counts[kind] > 0) out += (out.empty() ? "" : "，") + std::to_string(counts[kind]) + text;
    return out.empty() ? "未发现不一致" : out;
}

std::map<std::string, std::string> finding_anchor_by_cell(const AuditReport& audit) {
    std::map<std::string, std::string> out;
    auto groups = group_findings(audit);
    auto number = display_numbers(groups, audit.findings.size());
    for (const auto& g : groups)
        for (std::size_t i : g.members) {
            const Finding& fd = audit.findings[i];
            if (fd.severity == Severity::Info) continue;
            for (const auto& c : fd.cells)
                out.emplace(c.table == "narrative" ? c.anchor : cell_key(c.table, c.block, c.row, c.column),
                            "finding-" + std::to_string(number[i]));
        }
    return out;
}

std::set<std::string> minor_only_cells(const AuditReport& audit) {
    std::set<std::string> minor, material;
    for (const auto& fd : audit.findings) {
        if (fd.severity == Severity::Info) continue;
        for (const auto& c : fd.cells)
            (fd.severity == Severity::Minor ? minor : material).insert(c.table == "narrative" ? c.anchor : cell_key(c.table, c.block, c.row, c.column));
    }
    std::set<std::string> out;
    for (const auto& k : minor)
        if (!material.count(k)) out.insert(k);
    return out;
}

}  // namespace gongkai
