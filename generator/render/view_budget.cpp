#include "render/view_budget.hpp"

#include "render/escape.hpp"
#include "render/view_common.hpp"

namespace gongkai {

namespace {

bool same_year(const BudgetVsActual& v) { return v.pairing == BudgetPairing::SameYear; }

std::string year_text(int y) { return std::to_string(y) + " 年"; }

// The four numeric cells of a line in the pairing's column order; sort values are exact integers (the 差额
// column sorts by its size, so that sorting it reproduces the page's largest-deviation-first order).
json line_cells(const BudgetActualLine& l, const BudgetVsActual& v) {
    auto money = [](const MaybeMoney& m) { return json{{"text", money_text(m)}, {"sort", m ? std::to_string(*m) : ""}}; };
    json diff = {{"text", change_text(l.difference)}, {"sort", std::to_string(l.difference < 0 ? -l.difference : l.difference)}};
    std::string rate = "—";
    if (l.rate_pct_micro) rate = same_year(v) ? format_micro(*l.rate_pct_micro, kPercentDecimals) + "%" : pct_text(l.rate_pct_micro);
    json rate_cell = {{"text", rate}, {"sort", l.rate_pct_micro ? std::to_string(*l.rate_pct_micro) : ""}};
    if (same_year(v)) return json::array({money(l.planned), money(l.spent), diff, rate_cell});
    return json::array({money(l.spent), money(l.planned), diff, rate_cell});
}

// The lines depth-first, each 款/项 right beneath its 类/款 and naming it (data-parent), so that sorting keeps them there.
void flatten(const std::vector<BudgetActualLine>& lines, const std::string& table_id, const std::string& parent,
             const BudgetVsActual& v, json& rows) {
    for (const auto& l : lines) {
        std::string id = "budget-" + table_id + "-" + l.code;
        rows.push_back({{"id", id}, {"parent", parent}, {"level", l.level}, {"code", l.code}, {"name", l.name},
                        {"cells", line_cells(l, v)}});
        flatten(l.children, table_id, id, v, rows);
    }
}

json table_view(const BudgetActualSection& s, const std::string& id, const std::string& title, const BudgetVsActual& v,
                const Filing& budget, TableKind budget_kind) {
    json rows = json::array();
    flatten(s.lines, id, "", v, rows);
    json parts = json::array();
    for (const auto& p : s.parts) parts.push_back({{"name", "其中：" + p.name}, {"cells", line_cells(p, v)}});
    const Table* bt = budget.table(budget_kind);
    bool yuan = bt && bt->unit == "元";
    return {{"id", "budget-" + id}, {"title", title}, {"scope", s.scope},
            {"sources", "预算：" + s.budget_table + "；决算：" + s.actual_table},
            {"yuan", yuan}, {"rows", rows}, {"total", {{"name", s.total.name}, {"cells", line_cells(s.total, v)}}},
            {"parts", parts}, {"has_parts", !parts.empty()}};
}

// "增加 181.37 万元" / "减少 …" / "持平" for a change; "多"/"少" wording for a same-year difference.
std::string change_words(std::int64_t d, const char* more, const char* less) {
    if (d == 0) return "持平";
    return std::string(d > 0 ? more : less) + " " + amount_text(d < 0 ? -d : d);
}

// The lead: both totals, their difference and rate, then the function (else economic) class that moved most.
std::string lead_sentence(const BudgetVsActual& v) {
    const BudgetActualSection* s = v.functions ? &*v.functions : &*v.economic;
    std::string scope = !v.functions ? "一般公共预算财政拨款基本支出" : s->scope == "一般公共预算财政拨款支出" ? s->scope : "支出";
    const BudgetActualLine& t = s->total;
    std::string out;
    std::string by = year_text(v.actual_year) + "决算";
    if (t.planned && t.spent) {
        if (same_year(v)) {
            out = year_text(v.budget_year) + "预算" + scope + " " + amount_text(t.planned) + "，决算" + scope + " " + amount_text(t.spent);
            if (t.rate_pct_micro) out += "，执行率 " + format_micro(*t.rate_pct_micro, kPercentDecimals) + "%";
            out += t.difference == 0 ? "；决算与预算相同。" : "；决算比预算" + change_words(t.difference, "多", "少") + "。";
        } else {
            out = by + scope + " " + amount_text(t.spent) + "，" + year_text(v.budget_year) + "预算 " + amount_text(t.planned) + "，" +
                  (t.difference == 0 ? "与上年决算持平" : "比 " + by + change_words(t.difference, "增加", "减少")) +
                  (t.rate_pct_micro && t.difference != 0 ? "（" + pct_text(t.rate_pct_micro) + "）" : "") + "。";
        }
    }
    if (!s->lines.empty() && s->lines.front().difference != 0) {
        const BudgetActualLine& l = s->lines.front();
        std::string what = v.functions ? "功能分类" : "经济分类";
        if (same_year(v))
            out += "偏差最大的" + what + "是“" + l.code + " " + l.name + "”：预算 " + amount_text(l.planned.value_or(0)) + "，决算 " +
                   amount_text(l.spent.value_or(0)) + "。";
        else
            out += "变化最大的" + what + "是“" + l.code + " " + l.name + "”：" + by + " " + amount_text(l.spent.value_or(0)) + "，" +
                   year_text(v.budget_year) + "预算 " + amount_text(l.planned.value_or(0)) + "（" +
                   change_words(l.difference, "增加", "减少") + "）。";
    }
    return out;
}

// The bar chart of the function classes (类), in the tables' order: budget and 决算 side by side.
json chart_view(const BudgetVsActual& v) {
    if (!v.functions || v.functions->lines.empty()) return nullptr;
    json cats = json::array(), planned = json::array(), spent = json::array();
    for (const auto& l : v.functions->lines) {
        cats.push_back(l.code + " " + l.name);
        planned.push_back(money_number(l.planned));
        spent.push_back(money_number(l.spent));
    }
    json p = {{"name", year_text(v.budget_year) + "预算数"}, {"data", planned}};
    json s = {{"name", year_text(v.actual_year) + "决算数"}, {"data", spent}};
    json series = same_year(v) ? json::array({p, s}) : json::array({s, p});
    std::string title = "按功能分类（类）：" + std::string(same_year(v) ? "预算数与决算数" : "本年决算数与下一年预算数") + "（万元）";
    return {{"id", "budget"}, {"title", title},
            {"data", json_for_script({{"type", "bar"}, {"unit", "万元"}, {"horizontal", true}, {"categories", cats}, {"series", series}})}};
}

}  // namespace

json budget_section_view(const BudgetVsActual& v, const Filing& budget) {
    bool same = same_year(v);
    std::string by = year_text(v.actual_year), bb = year_text(v.budget_year);
    json columns = json::array();
    for (const std::string& label : same ? std::vector<std::string>{"预算数", "决算数", "差额", "执行率"}
                                         : std::vector<std::string>{by + "决算数", bb + "预算数", "增减", "增减率"})
        columns.push_back({{"label", label}, {"sorted", columns.size() == 2}});  // the page's order: by the 差额's size
    json tables = json::array();
    if (v.functions)
        tables.push_back(table_view(*v.functions, "functions", "按支出功能分类", v, budget,
                                    v.functions->scope == "一般公共预算财政拨款支出" ? TableKind::BudgetGeneralFunction : TableKind::BudgetExpenditure));
    if (v.economic) tables.push_back(table_view(*v.economic, "economic", "按支出经济分类（基本支出）", v, budget, TableKind::BudgetBasicEconomic));
    bool yuan = false;
    for (const auto& t : tables) yuan = yuan || t["yuan"].get<bool>();
    std::string explain = same ? "执行率 = 决算数 ÷ 预算数；差额 = 决算数 − 预算数，负数表示决算少于预算。"
                               : "本年度的预算尚未收录，这里把 " + bb + "预算（计划数）与 " + by + "决算（实际支出）并列：看的是下一年的安排比上一年实际花的多还是少，不是预算执行率。增减 = " +
                                     bb + "预算数 − " + by + "决算数；增减率 = 增减 ÷ " + by + "决算数。";
    return {{"same_year", same}, {"next_year", !same},
            {"subtitle", same ? bb + "预算执行" : "下一年预算与本年决算：" + bb + "预算对比 " + by + "决算"},
            {"link_text", same ? bb + "预算执行情况" : "与 " + bb + "预算对比"},
            {"lead", lead_sentence(v)}, {"explain", explain}, {"columns", columns}, {"tables", tables},
            {"yuan", yuan}, {"chart", chart_view(v)},
            {"source", {{"title", budget.source.title.empty() ? budget.department_name + " " + bb + "部门预算" : budget.source.title},
                        {"url", budget.source.url}, {"has_url", !budget.source.url.empty()}}}};
}

}  // namespace gongkai
