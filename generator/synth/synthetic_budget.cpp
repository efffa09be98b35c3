#include "synth/synthetic_budget.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "model/money.hpp"
#include "synth/class_totals.hpp"
#include "synth/department_profiles.hpp"

namespace gongkai::synth {

namespace {

// Splits `total` in proportion to `weights` (any size: 128-bit products); the parts add up exactly.
std::vector<Yuan> split_exact(Yuan total, const std::vector<std::int64_t>& weights) {
    Int128 sum = 0;
    for (auto w : weights) sum += w;
    std::vector<Yuan> out(weights.size(), 0);
    if (weights.empty()) return out;
    if (sum <= 0) {
        out.back() = total;
        return out;
    }
    Yuan used = 0;
    for (std::size_t i = 0; i + 1 < weights.size(); ++i) used += (out[i] = static_cast<Yuan>(static_cast<Int128>(total) * weights[i] / sum));
    out.back() = total - used;
    return out;
}

// `amount` planned so that spending `amount` executes it at `rate_bp` basis points (10000 = 100%).
Yuan planned_for(Yuan spent, std::int64_t rate_bp) { return spent * 10'000 / rate_bp; }

// Takes `by` away from the largest of `amounts` (by pointer), so that their sum becomes a multiple of 100 元.
void round_sum_to_hundreds(const std::vector<Yuan*>& amounts) {
    Yuan sum = 0;
    Yuan* largest = nullptr;
    for (Yuan* a : amounts) {
        sum += *a;
        if (!largest || *a > *largest) largest = a;
    }
    if (largest) *largest -= sum % 100;
}

}  // namespace

std::int64_t project_tilt(Rng& rng) {
    std::int64_t kind = rng.range(0, 99);
    return kind < 10 ? rng.range(7'000, 8'800) : kind < 20 ? rng.range(11'000, 12'500) : rng.range(9'700, 10'300);
}

BudgetPlan plan_budget(Rng& rng, const DepartmentYear& d, std::int64_t tilt) {
    BudgetPlan p;
    Cents spent_total = 0;
    for (const auto& item : d.items) spent_total += item.basic + item.project;
    for (const auto& item : d.items) {
        Yuan spent_basic = item.basic * 100, spent_project = item.project * 100;
        // Small lines swing most: a small project line may have arisen during the year (spent, never budgeted),
        // and only lines below a third of the department's spending are far off their plan.
        Cents size = item.basic + item.project;
        bool project_line = item.project > 0 && !is_running_cost(item.name);
        if (project_line && size * 12 < spent_total && rng.range(0, 99) < 12) continue;
        bool may_swing = size * 3 < spent_total;
        PlannedLine line{item.code, item.name, item.section_code, item.section_name, 0, 0};
        if (spent_basic > 0) line.basic = planned_for(spent_basic, rng.range(9'600, 10'200));
        if (spent_project > 0) {
            std::int64_t c = may_swing ? rng.range(0, 99) : 0;
            std::int64_t rate = c < 75 ? rng.range(8'500, 10'500) : c < 88 ? rng.range(4'500, 7'000) : rng.range(12'500, 17'000);
            line.project = planned_for(spent_project, std::max<std::int64_t>(1'000, rate * tilt / 10'000));
        }
        if (line.basic + line.project > 0) p.items.push_back(line);
    }
    // Basic and project totals in whole hundreds of 元, so that the 万元 figures of the narrative are exact.
    std::vector<Yuan*> basics, projects;
    for (auto& l : p.items) {
        if (l.basic > 0) basics.push_back(&l.basic);
        if (l.project > 0) projects.push_back(&l.project);
    }
    round_sum_to_hundreds(basics);
    round_sum_to_hundreds(projects);
    for (const auto& l : p.items) {
        p.basic += l.basic;
        p.project += l.project;
    }

    // The 三公 budget is the 决算's 预算数 of the same year.
    std::copy(std::begin(d.three_budget), std::end(d.three_budget), std::begin(p.three));
    Yuan fixed = (p.three[2] + p.three[3]) * 100;  // 30231 公务用车运行费, 30217 公务接待费
    Yuan public_funds = d.public_funds * 10'000 / rng.range(9'500, 10'300) * 100;
    public_funds = std::clamp<Yuan>(public_funds, fixed + 100'000, std::max<Yuan>(fixed + 100'000, p.basic / 200 * 100));
    p.public_funds = public_funds;
    p.personnel = p.basic - p.public_funds;
    // Economic lines in the 决算's proportions of the year.
    std::map<std::string, std::vector<std::pair<const char*, Cents>>> spent;
    for (const auto& [cls, items] : d.economic) spent[cls] = items;
    auto weights_of = [&](const std::string& cls, bool skip_three) {
        std::vector<std::pair<std::string, std::int64_t>> w;
        for (const auto& [code, v] : spent[cls])
            if (!skip_three || (std::string(code) != "30217" && std::string(code) != "30231")) w.push_back({code, std::max<Cents>(1, v)});
        return w;
    };
    auto w301 = weights_of("301", false), w303 = weights_of("303", false), w302 = weights_of("302", true);
    std::vector<std::int64_t> personnel_weights;
    for (const auto& x : w301) personnel_weights.push_back(x.second);
    for (const auto& x : w303) personnel_weights.push_back(x.second);
    auto personnel_parts = split_exact(p.personnel, personnel_weights);
    std::vector<std::int64_t> goods_weights;
    for (const auto& x : w302) goods_weights.push_back(x.second);
    auto goods_parts = split_exact(p.public_funds - fixed, goods_weights);
    std::vector<std::pair<std::string, Yuan>> e301, e302, e303;
    for (std::size_t i = 0; i < w301.size(); ++i) e301.push_back({w301[i].first, personnel_parts[i]});
    for (std::size_t i = 0; i < w303.size(); ++i) e303.push_back({w303[i].first, personnel_parts[w301.size() + i]});
    for (std::size_t i = 0; i < w302.size(); ++i) e302.push_back({w302[i].first, goods_parts[i]});
    e302.push_back({"30217", p.three[3] * 100});
    e302.push_back({"30231", p.three[2] * 100});
    std::sort(e302.begin(), e302.end());
    p.economic = {{"301", e301}, {"302", e302}, {"303", e303}};

    auto planned = [&](Cents spent_cents) { return spent_cents * rng.range(100, 115) / 100; };
    p.procurement_goods = planned(d.procurement_goods);
    p.procurement_works = planned(d.procurement_works);
    p.procurement_services = planned(d.procurement_services);
    return p;
}

namespace {

// 元 as the budget tables print them ("16231840.00"); 0 stays blank in the function tables.
std::string yuan(Yuan y) { return std::to_string(y) + ".00"; }
ojson yuan_cell(Yuan y) { return y == 0 ? ojson(nullptr) : ojson(yuan(y)); }
// 元 in 万元 with two decimals, rounded half away from zero, as the narrative states them.
std::string wan(Yuan y) { return format_micro(y * 100, 2); }

// "一", "二", … "十六": the printed numbering of the classes in the summary tables.
std::string numeral(std::size_t n) {
    static const char* digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 10) return digits[n];
    if (n == 10) return "十";
    if (n < 20) return std::string("十") + digits[n - 10];
    return std::string(digits[n / 10]) + "十" + (n % 10 ? digits[n % 10] : "");
}

ojson budget_table(const char* kind, int year, const char* title, const char* unit, ojson blocks) {
    return {{"kind", kind}, {"number", nullptr}, {"title", std::to_string(year) + "年" + title}, {"unit", unit}, {"blocks", std::move(blocks)}};
}

}  // namespace

ojson budget_document(const std::string& county_name, const std::string& county_code, const std::string& dept_name,
                      const std::string& slug, int year, const BudgetPlan& p, std::optional<Yuan> prior_total) {
    ClassTotals t = class_totals(p.items);
    const Yuan total = p.total();
    const std::string y = std::to_string(year);
    ojson doc;
    doc["format"] = "gongkai-filing/1";
    doc["synthetic"] = true;
    doc["county"] = {{"name", county_name}, {"code", county_code}, {"province", "示例省"}};
    doc["department"] = {{"name", dept_name}, {"slug", slug}};
    doc["year"] = year;
    doc["kind"] = "预算";
    doc["unit"] = "元";
    doc["source"] = {{"title", "示例数据：" + dept_name + y + "年部门预算"}, {"publisher", "gongkai synth（合成数据，非真实公开）"},
                     {"url", nullptr}, {"file", nullptr}};
    doc["overview"] = {{"duties", {"（示例数据）负责本部门职责范围内的各项工作。"}},
                       {"text", dept_name + "部门预算包括本部门本级的综合收支计划。"}};

    ojson tables = ojson::array();
    std::vector<std::string> classes;
    for (const auto& code : t.order)
        if (code.size() == 3) classes.push_back(code);
    auto class_label = [&](std::size_t i) { return numeral(i + 1) + "、" + t.names[classes[i]]; };
    // 部门财务收支预算总表
    {
        ojson inc = ojson::array(), exp = ojson::array();
        inc.push_back(row("fiscal", "一、财政拨款收入", {{"amount", yuan(total)}}));
        inc.push_back(row("general_budget", "1. 一般公共预算资金", {{"amount", yuan(total)}}));
        inc.push_back(row("government_fund", "2. 政府性基金", {{"amount", nullptr}}));
        inc.push_back(row("state_capital", "3. 国有资本经营预算", {{"amount", nullptr}}));
        inc.push_back(row("business", "二、事业收入", {{"amount", nullptr}}));
        inc.push_back(row("operating", "三、事业单位经营收入", {{"amount", nullptr}}));
        inc.push_back(row("other", "四、其他收入", {{"amount", nullptr}}));
        inc.push_back(row("grand_total", "收入总计", {{"amount", yuan(total)}}));
        for (std::size_t i = 0; i < classes.size(); ++i) {
            auto [b, pr] = t.by_code[classes[i]];
            exp.push_back(row(classes[i], class_label(i), {{"amount", yuan(b + pr)}}));
        }
        exp.push_back(row("grand_total", "支出总计", {{"amount", yuan(total)}}));
        tables.push_back(budget_table("budget_summary", year, "部门财务收支预算总表", "元",
                                      {{{"id", "income"}, {"columns", columns({{"amount", "预算数"}})}, {"rows", inc}},
                                       {{"id", "expenditure"}, {"columns", columns({{"amount", "预算数"}})}, {"rows", exp}}}));
    }
    // Tables by function code: 收入预算总表, 支出预算总表, 一般公共预算支出功能分类预算表.
    auto coded = [&](const std::function<ojson(Yuan basic, Yuan project)>& values) {
        ojson rows = ojson::array();
        for (const auto& code : t.order) rows.push_back(row(code, t.names[code], values(t.by_code[code].first, t.by_code[code].second)));
        rows.push_back(row("total", "合计", values(p.basic, p.project)));
        return rows;
    };
    tables.push_back(budget_table("budget_income", year, "部门收入预算总表", "元",
                                  {{{"id", "main"},
                                    {"columns", columns({{"total", "合计"}, {"fiscal", "财政拨款收入"}, {"business", "事业收入"},
                                                         {"operating", "事业单位经营收入"}, {"other", "其他收入"}})},
                                    {"rows", coded([](Yuan b, Yuan pr) {
                                         return ojson{{"total", yuan(b + pr)}, {"fiscal", yuan(b + pr)}, {"business", nullptr}, {"operating", nullptr}, {"other", nullptr}};
                                     })}}}));
    auto spending = [](Yuan b, Yuan pr) { return ojson{{"total", yuan(b + pr)}, {"basic", yuan_cell(b)}, {"project", yuan_cell(pr)}}; };
    tables.push_back(budget_table("budget_expenditure", year, "部门支出预算总表", "元",
                                  {{{"id", "main"}, {"columns", columns({{"total", "合计"}, {"basic", "基本支出"}, {"project", "项目支出"}})},
                                    {"rows", coded(spending)}}}));
    // 部门财政拨款收支预算总表
    {
        ojson inc = ojson::array(), exp = ojson::array();
        inc.push_back(row("general_budget", "一、一般公共预算资金", {{"amount", yuan(total)}}));
        inc.push_back(row("government_fund", "二、政府性基金", {{"amount", nullptr}}));
        inc.push_back(row("state_capital", "三、国有资本经营预算", {{"amount", nullptr}}));
        inc.push_back(row("grand_total", "收入总计", {{"amount", yuan(total)}}));
        auto fiscal = [](Yuan v) { return ojson{{"total", yuan(v)}, {"general_budget", yuan(v)}, {"government_fund", nullptr}, {"state_capital", nullptr}}; };
        for (std::size_t i = 0; i < classes.size(); ++i) {
            auto [b, pr] = t.by_code[classes[i]];
            exp.push_back(row(classes[i], class_label(i), fiscal(b + pr)));
        }
        exp.push_back(row("grand_total", "支出总计", fiscal(total)));
        tables.push_back(budget_table("budget_fiscal_summary", year, "部门财政拨款收支预算总表", "元",
                                      {{{"id", "income"}, {"columns", columns({{"amount", "预算数"}})}, {"rows", inc}},
                                       {{"id", "expenditure"},
                                        {"columns", columns({{"total", "合计"}, {"general_budget", "一般公共预算"}, {"government_fund", "政府性基金预算"},
                                                             {"state_capital", "国有资本经营预算"}})},
                                        {"rows", exp}}}));
    }
    tables.push_back(budget_table("budget_general_function", year, "部门一般公共预算支出功能分类预算表", "元",
                                  {{{"id", "main"}, {"columns", columns({{"total", "合计"}, {"basic", "基本支出"}, {"project", "项目支出"}})},
                                    {"rows", coded(spending)}}}));
    // The two fund tables: empty, with the printed note.
    for (auto [kind, title, what] : {std::tuple{"budget_government_fund", "部门政府性基金预算支出功能分类预算表", "政府性基金预算"},
                                     std::tuple{"budget_state_capital", "部门国有资本经营预算支出功能分类预算表", "国有资本经营预算"}}) {
        ojson tb = budget_table(kind, year, title, "元",
                                {{{"id", "main"}, {"columns", columns({{"total", "合计"}, {"basic", "基本支出"}, {"project", "项目支出"}})},
                                  {"rows", {row("total", "合计", {{"total", nullptr}, {"basic", nullptr}, {"project", nullptr}})}}}});
        tb["empty_explanation"] = "本部门" + y + "年无" + what + "财政拨款安排的预算，故本表为空表。";
        tables.push_back(tb);
    }
    // 一般公共预算基本支出部门预算经济分类预算表: 301 and 303 are 人员经费, 302 公用经费 (the other column prints 0.00).
    {
        ojson rows = ojson::array();
        auto values = [](Yuan v, bool personnel) {
            return ojson{{"total", yuan(v)}, {"personnel", yuan(personnel ? v : 0)}, {"public", yuan(personnel ? 0 : v)}};
        };
        for (const auto& [cls, items] : p.economic) {
            Yuan sum = 0;
            for (const auto& [code, v] : items) sum += v;
            bool personnel = cls != "302";
            rows.push_back(row(cls, economic_name(cls), values(sum, personnel)));
            for (const auto& [code, v] : items) rows.push_back(row(code, economic_name(code), values(v, personnel)));
        }
        rows.push_back(row("total", "合计", {{"total", yuan(p.basic)}, {"personnel", yuan(p.personnel)}, {"public", yuan(p.public_funds)}}));
        tables.push_back(budget_table("budget_basic_economic", year, "部门一般公共预算基本支出部门预算经济分类预算表", "元",
                                      {{{"id", "main"}, {"columns", columns({{"total", "合计"}, {"personnel", "人员经费"}, {"public", "公用经费"}})},
                                        {"rows", rows}}}));
    }
    // “三公”经费和机关运行经费预算表 (万元): blank where nothing is planned, as Shanghai prints it.
    const Cents vehicles = p.three[1] + p.three[2], three_total = p.three[0] + vehicles + p.three[3];
    const Cents operating_cost = p.public_funds / 100;
    auto wan_cell = [](Cents c) { return c == 0 ? ojson(nullptr) : ojson(money(c)); };
    tables.push_back(budget_table("budget_three_public", year, "部门“三公”经费和机关运行经费预算表", "万元",
                                  {{{"id", "main"}, {"columns", columns({{"budget", "预算数"}})},
                                    {"rows", {row("total", "合计", {{"budget", money(three_total)}}),
                                              row("abroad", "因公出国(境)费", {{"budget", wan_cell(p.three[0])}}),
                                              row("vehicle_subtotal", "小计", {{"budget", wan_cell(vehicles)}}),
                                              row("vehicle_purchase", "购置费", {{"budget", wan_cell(p.three[1])}}),
                                              row("vehicle_operation", "运行费", {{"budget", wan_cell(p.three[2])}}),
                                              row("reception", "公务接待费", {{"budget", wan_cell(p.three[3])}}),
                                              row("operating_cost", "机关运行经费预算数", {{"budget", money(operating_cost)}})}}}}));
    doc["tables"] = tables;

    // Narrative: the 部门预算编制说明 (四) and the 其他相关情况说明 (六), with every stated figure.
    ojson figs = ojson::array();
    std::string s_total = y + "年，" + dept_name + "收支预算总计" + wan(total) + "万元";
    if (prior_total && *prior_total > 0) {
        Yuan change = total - *prior_total, mag = change < 0 ? -change : change;
        const char* dir = change >= 0 ? "增加" : "减少";
        s_total += "，比" + std::to_string(year - 1) + "年预算" + dir + wan(mag) + "万元，" + dir + pct(mag, *prior_total) + "%。";
        figs.push_back(figure("total.amount", wan(total), "万元", s_total, "四"));
        figs.push_back(figure("total.yoy_change", wan(mag), "万元", s_total, "四", {}, dir));
        figs.push_back(figure("total.yoy_pct", pct(mag, *prior_total), "%", s_total, "四", {}, dir));
    } else {
        s_total += "。";
        figs.push_back(figure("total.amount", wan(total), "万元", s_total, "四"));
    }
    std::string s_income = "收入预算" + wan(total) + "万元，其中：财政拨款收入" + wan(total) + "万元，占" + pct(total, total) + "%。";
    figs.push_back(figure("income.total", wan(total), "万元", s_income, "四"));
    figs.push_back(figure("income.fiscal.amount", wan(total), "万元", s_income, "四"));
    figs.push_back(figure("income.fiscal.share", pct(total, total), "%", s_income, "四"));
    std::string s_exp = "支出预算" + wan(total) + "万元，其中：基本支出" + wan(p.basic) + "万元，占" + pct(p.basic, total) + "%；项目支出" + wan(p.project) +
                        "万元，占" + pct(p.project, total) + "%。";
    figs.push_back(figure("expenditure.total", wan(total), "万元", s_exp, "四"));
    figs.push_back(figure("expenditure.basic.amount", wan(p.basic), "万元", s_exp, "四"));
    figs.push_back(figure("expenditure.basic.share", pct(p.basic, total), "%", s_exp, "四"));
    figs.push_back(figure("expenditure.project.amount", wan(p.project), "万元", s_exp, "四"));
    figs.push_back(figure("expenditure.project.share", pct(p.project, total), "%", s_exp, "四"));
    std::string s_gb = "财政拨款支出预算中，一般公共预算拨款支出预算" + wan(total) + "万元。";
    figs.push_back(figure("gb.total", wan(total), "万元", s_gb, "四"));
    std::string s_classes;
    for (const auto& code : classes) {
        Yuan v = t.by_code[code].first + t.by_code[code].second;
        std::string s = t.names[code] + "（类）支出预算" + wan(v) + "万元。";
        figs.push_back(figure("gb.class.amount", wan(v), "万元", s, "四", code));
        s_classes += s;
    }
    std::string s_basic = "基本支出预算" + wan(p.basic) + "万元，其中：人员经费" + wan(p.personnel) + "万元，公用经费" + wan(p.public_funds) + "万元。";
    figs.push_back(figure("basic.total", wan(p.basic), "万元", s_basic, "四"));
    figs.push_back(figure("basic.personnel.amount", wan(p.personnel), "万元", s_basic, "四"));
    figs.push_back(figure("basic.public.amount", wan(p.public_funds), "万元", s_basic, "四"));

    std::string s_three = y + "年“三公”经费预算数为" + money(three_total) + "万元，其中：因公出国（境）费" + money(p.three[0]) + "万元，公务用车购置费" +
                          money(p.three[1]) + "万元，公务用车运行费" + money(p.three[2]) + "万元，公务接待费" + money(p.three[3]) + "万元。";
    figs.push_back(figure("three_public.total.budget", money(three_total), "万元", s_three, "六（一）"));
    figs.push_back(figure("three_public.abroad.budget", money(p.three[0]), "万元", s_three, "六（一）"));
    figs.push_back(figure("three_public.vehicle_purchase.budget", money(p.three[1]), "万元", s_three, "六（一）"));
    figs.push_back(figure("three_public.vehicle_operation.budget", money(p.three[2]), "万元", s_three, "六（一）"));
    figs.push_back(figure("three_public.reception.budget", money(p.three[3]), "万元", s_three, "六（一）"));
    std::string s_oc = y + "年" + dept_name + "财政拨款的机关运行经费预算为" + money(operating_cost) + "万元。";
    figs.push_back(figure("operating_cost.amount", money(operating_cost), "万元", s_oc, "六（二）"));
    Cents procurement = p.procurement_goods + p.procurement_works + p.procurement_services;
    std::string s_proc = y + "年度本单位政府采购预算" + money(procurement) + "万元，其中：政府采购货物预算" + money(p.procurement_goods) +
                         "万元、政府采购工程预算" + money(p.procurement_works) + "万元、政府采购服务预算" + money(p.procurement_services) + "万元。";
    figs.push_back(figure("procurement.total", money(procurement), "万元", s_proc, "六（三）"));
    figs.push_back(figure("procurement.goods", money(p.procurement_goods), "万元", s_proc, "六（三）"));
    figs.push_back(figure("procurement.works", money(p.procurement_works), "万元", s_proc, "六（三）"));
    figs.push_back(figure("procurement.services", money(p.procurement_services), "万元", s_proc, "六（三）"));
    std::size_t projects = 0;
    for (const auto& l : p.items) projects += l.project > 0;
    std::string s_perf;
    if (projects > 0) {
        s_perf = y + "年度，本单位编报绩效目标的项目共" + std::to_string(projects) + "个，涉及项目预算资金" + wan(p.project) + "万元。";
        figs.push_back(figure("performance.projects", std::to_string(projects), "个", s_perf, "六（四）"));
        figs.push_back(figure("performance.amount", wan(p.project), "万元", s_perf, "六（四）"));
    }
    std::string other = "一、" + y + "年“三公”经费预算情况说明\n" + s_three + "\n二、机关运行经费预算\n" + s_oc + "\n三、政府采购预算情况\n" + s_proc;
    if (!s_perf.empty()) other += "\n四、绩效目标设置情况\n" + s_perf;
    doc["narrative"] = {{"sections", {{{"id", "四"}, {"title", "四、" + y + "年部门预算编制说明"},
                                       {"text", s_total + s_income + s_exp + s_gb + s_classes + s_basic}},
                                      {{"id", "六"}, {"title", "六、其他相关情况说明"}, {"text", other}}}},
                        {"figures", figs}};
    doc["glossary"] = {{{"term", "基本支出预算"}, {"definition", "为保障机构正常运转、完成日常工作任务而编制的年度基本支出计划，包括人员经费和公用经费两部分。"}},
                       {{"term", "项目支出预算"}, {"definition", "为完成行政工作任务、事业发展目标，在基本支出之外编制的年度支出计划。"}},
                       {{"term", "机关运行经费"}, {"definition", "行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。"}}};
    return doc;
}

}  // namespace gongkai::synth
