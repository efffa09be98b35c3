#include "synth/synthetic_corpus.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <tuple>

#include "model/money.hpp"
#include "synth/continuity.hpp"
#include "synth/class_totals.hpp"
#include "synth/department_profiles.hpp"
#include "synth/department_year.hpp"
#include "synth/filing_json.hpp"
#include "synth/synthetic_budget.hpp"
#include "write/staged_output.hpp"

namespace gongkai {

namespace {

using namespace synth;

// Splits `total` into parts in proportion to `weights` (small enough that total × weight fits: weights stay
// below about 10^8 and totals below 10^10 cents); the parts add up exactly.
std::vector<Cents> split(Cents total, const std::vector<std::int64_t>& weights) {
    std::int64_t sum = 0;
    for (auto w : weights) sum += w;
    std::vector<Cents> out(weights.size());
    Cents used = 0;
    for (std::size_t i = 0; i + 1 < weights.size(); ++i) used += (out[i] = total * weights[i] / sum);
    out.back() = total - used;
    return out;
}

// Splits `total` over the items of the section `key` (shares kept from year to year under `memo`), adding them
// (merged by code) to `d`. Running costs and `all_basic` sections are basic spending; other items are paid
// `project_pct` % as projects.
void add_section(Rng& rng, Continuity& memo, DepartmentYear& d, const std::string& key, Cents total, int project_pct, bool all_basic) {
    const Section& sec = sections().at(key);
    // 机关事业单位基本养老保险缴费 is about twice the 职业年金; other items start even.
    std::vector<std::int64_t> base(sec.items.size(), 100);
    if (key == "20805") base = {67, 33};
    auto parts = split(total, memo.weights(rng, "section " + key, base));
    for (std::size_t i = 0; i < sec.items.size(); ++i) {
        Cents project = all_basic || is_running_cost(sec.items[i].second) ? 0 : parts[i] * project_pct / 100;
        auto it = std::find_if(d.items.begin(), d.items.end(), [&](const ItemAmount& x) { return x.code == sec.items[i].first; });
        if (it == d.items.end()) {
            d.items.push_back({sec.items[i].first, sec.items[i].second, sec.code, sec.name, 0, 0});
            it = d.items.end() - 1;
        }
        it->basic += parts[i] - project;
        it->project += project;
    }
}

// One year of a department of `profile` spending `size` in total, continuing its previous years (`memo`).
DepartmentYear draw_department_year(Rng& rng, Continuity& memo, const Profile& profile, Cents size) {
    DepartmentYear d;
    // Pensions, medical insurance and the housing fund, then the department's own work by its weights.
    Cents personnel_related = size * memo.level(rng, "personnel related ‱", 1200, 2200, 60) / 10'000;
    std::vector<std::int64_t> personnel_base;
    for (const auto& [key, w] : personnel_sections()) personnel_base.push_back(w);
    auto personnel_parts = split(personnel_related, memo.weights(rng, "personnel sections", personnel_base, 5));
    for (std::size_t k = 0; k < personnel_sections().size(); ++k)
        add_section(rng, memo, d, personnel_sections()[k].first, personnel_parts[k], 0, true);
    Cents own = size - personnel_related;
    std::vector<std::int64_t> own_base;
    for (const auto& [key, w] : profile.own) own_base.push_back(w);
    auto own_parts = split(own, memo.weights(rng, "own sections", own_base, 8));
    int project_pct = static_cast<int>(memo.level(rng, "project %", profile.project_lo, profile.project_hi, 3));
    for (std::size_t k = 0; k < profile.own.size(); ++k) add_section(rng, memo, d, profile.own[k].first, own_parts[k], project_pct, false);
    Cents basic = 0;
    for (const auto& it : d.items) basic += it.basic;
    d.public_funds = basic * memo.level(rng, "public funds ‱", 800, 1600, 60) / 10'000;
    d.personnel = basic - d.public_funds;

    // Cars change rarely: one more or one fewer in about one year of five.
    std::int64_t max_cars = size > 500'000 ? 14 : size > 150'000 ? 8 : size > 50'000 ? 4 : 1;
    std::int64_t cars_before = memo.previous("vehicles", -1);
    std::int64_t cars = cars_before < 0 ? rng.range(0, max_cars) : cars_before;
    if (cars_before >= 0 && rng.range(0, 4) == 0) cars = std::clamp<std::int64_t>(cars + (rng.range(0, 1) ? 1 : -1), 0, max_cars);
    memo.set("vehicles", cars);
    d.vehicles = static_cast<int>(cars);

    // 三公, consistent with the department's size, cars and 公用经费: reception up to 8% and car running costs
    // up to 25% of the 公用经费, both paid from basic spending (so equal to 30217 and 30231 of the 06 table).
    Cents reception_scale = std::clamp<Cents>(size / 2000, 50, 1500);
    Cents reception_budget = std::min(reception_scale * memo.level(rng, "reception %", 60, 160, 10) / 100, d.public_funds * 8 / 100);
    Cents per_car = memo.level(rng, "per car", 150, 350, 20);
    Cents operation_budget = std::min(cars * per_car + (cars == 0 ? memo.level(rng, "car platform", 0, 60, 10) : 0), d.public_funds * 25 / 100);
    // A car is bought when the fleet grows, or now and then to replace an old one (never two years running).
    Cents purchase_budget = 0;
    bool bought_last_year = memo.previous("bought", 0) != 0;
    if (cars > cars_before && cars_before >= 0) purchase_budget = (cars - cars_before) * rng.range(1500, 2500);
    else if (cars >= 2 && !bought_last_year && rng.range(0, 9) == 0) purchase_budget = rng.range(1500, 2500);
    memo.set("bought", purchase_budget > 0);
    bool abroad = memo.level(rng, "abroad", 0, 5, 0) == 0;  // about one department in six, every year
    Cents abroad_budget = abroad ? memo.level(rng, "abroad budget", 300, 800, 50) : 0;
    d.three_budget[0] = abroad_budget;
    d.three_budget[1] = purchase_budget;
    d.three_budget[2] = operation_budget;
    d.three_budget[3] = reception_budget;
    d.three_actual[0] = rng.range(0, 1) ? abroad_budget * rng.range(50, 100) / 100 : 0;
    d.three_actual[1] = purchase_budget * rng.range(90, 100) / 100;
    d.three_actual[2] = operation_budget * memo.level(rng, "car completion %", 70, 100, 5) / 100;
    d.three_actual[3] = reception_budget * memo.level(rng, "reception completion %", 40, 100, 8) / 100;

    Cents wages = d.personnel * memo.level(rng, "wages %", 88, 96, 1) / 100;
    auto fill = [&](const char* cls, const std::vector<EconomicItem>& items, Cents total, std::vector<std::pair<const char*, Cents>> fixed) {
        std::vector<std::int64_t> base;
        for (const auto& x : items) base.push_back(x.weight);
        Cents rest = total;
        for (const auto& [code, v] : fixed) rest -= v;
        auto parts = split(rest, memo.weights(rng, std::string("economic ") + cls, base));
        std::vector<std::pair<const char*, Cents>> v;
        for (std::size_t i = 0; i < items.size(); ++i) v.push_back({items[i].code, parts[i]});
        v.insert(v.end(), fixed.begin(), fixed.end());
        std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return std::string(a.first) < b.first; });
        d.economic.push_back({cls, v});
    };
    fill("301", wage_items(), wages, {});
    fill("302", goods_items(), d.public_funds, {{"30217", d.three_actual[3]}, {"30231", d.three_actual[2]}});
    fill("303", family_items(), d.personnel - wages, {});

    d.gb_budget = size * memo.level(rng, "budget %", 85, 110, 4) / 100;
    d.procurement_goods = size * memo.level(rng, "goods ‱", 100, 500, 40) / 10'000;
    d.procurement_works = memo.level(rng, "works", 0, 2, 0) == 0 ? size * memo.level(rng, "works ‱", 100, 300, 40) / 10'000 : 0;
    d.procurement_services = size * memo.level(rng, "services ‱", 200, 800, 60) / 10'000;
    Cents procurement = d.procurement_goods + d.procurement_works + d.procurement_services;
    d.sme = procurement * memo.level(rng, "sme %", 50, 100, 5) / 100;
    d.small_micro = d.sme * memo.level(rng, "small micro %", 40, 100, 5) / 100;

    // Staff in proportion to personnel spending (about 18–30 万元 a person) in the first year, then a few more
    // or fewer; the split into 行政, 事业 and 工勤 编制 kept.
    std::int64_t staff_before = memo.previous("staff", -1);
    std::int64_t staff = staff_before < 0 ? std::max<Cents>(6, d.personnel / 100 / rng.range(18, 30))
                                          : std::max<std::int64_t>(6, staff_before + rng.range(-std::max<std::int64_t>(1, staff_before / 30),
                                                                                                std::max<std::int64_t>(1, staff_before / 30)));
    memo.set("staff", staff);
    d.staff_workers = static_cast<int>(staff * memo.level(rng, "workers %", 0, 10, 1) / 100);
    d.staff_admin = static_cast<int>(std::min<std::int64_t>(staff - d.staff_workers, memo.level(rng, "admin", 5, 60, 2)));
    d.staff_service = static_cast<int>(staff) - d.staff_workers - d.staff_admin;
    d.staff_actual = static_cast<int>(staff - memo.level(rng, "vacancies", 0, std::min<std::int64_t>(5, staff / 4), 1));
    return d;
}

ojson table(const char* kind, const char* number, const char* title, ojson blocks) {
    return {{"kind", kind}, {"number", number}, {"title", title}, {"unit", "万元"}, {"blocks", std::move(blocks)}};
}


ojson cell(Cents c) { return c == 0 ? ojson(nullptr) : ojson(money(c)); }

ojson filing_document(const std::string& county_name, const std::string& county_code, const std::string& dept_name,
                      const std::string& slug, int year, const DepartmentYear& d, Cents prior_total) {
    ClassTotals t = class_totals(d.items);
    Cents total = t.basic + t.project;
    ojson doc;
    doc["format"] = "gongkai-filing/1";
    doc["synthetic"] = true;
    doc["county"] = {{"name", county_name}, {"code", county_code}, {"province", "示例省"}};
    doc["department"] = {{"name", dept_name}, {"slug", slug}};
    doc["year"] = year;
    doc["kind"] = "决算";
    doc["unit"] = "万元";
    doc["source"] = {{"title", "示例数据：" + dept_name + std::to_string(year) + "年度部门决算"}, {"publisher", "gongkai synth（合成数据，非真实公开）"},
                     {"url", nullptr}, {"file", nullptr}};
    doc["overview"] = {{"duties", {"（示例数据）负责本部门职责范围内的各项工作。"}},
                       {"staffing", {{"authorized_total", d.staff_admin + d.staff_service + d.staff_workers},
                                     {"authorized", {{{"type", "行政编制"}, {"count", d.staff_admin}}, {{"type", "事业编制"}, {"count", d.staff_service}},
                                                     {{"type", "工勤编制"}, {"count", d.staff_workers}}}},
                                     {"actual", d.staff_actual}}},
                       {"vehicles", {{"authorized", d.vehicles}, {"actual", d.vehicles}}}};
    ojson tables = ojson::array();
    // 01
    ojson inc = ojson::array(), exp = ojson::array();
    inc.push_back(row("general_budget", "一、一般公共预算财政拨款收入", {{"amount", money(total)}}));
    inc.push_back(row("total_income", "本年收入合计", {{"amount", money(total)}}));
    inc.push_back(row("grand_total", "总计", {{"amount", money(total)}}));
    for (const auto& code : t.order)
        if (code.size() == 3) exp.push_back(row(code, t.names[code], {{"amount", money(t.by_code[code].first + t.by_code[code].second)}}));
    exp.push_back(row("total_expenditure", "本年支出合计", {{"amount", money(total)}}));
    exp.push_back(row("grand_total", "总计", {{"amount", money(total)}}));
    tables.push_back(table("income_expenditure_summary", "公开01表", "收入支出决算总表",
                           {{{"id", "income"}, {"columns", columns({{"amount", "决算数"}})}, {"rows", inc}},
                            {{"id", "expenditure"}, {"columns", columns({{"amount", "决算数"}})}, {"rows", exp}}}));
    // 02, 03, 05
    auto coded = [&](const std::function<ojson(Cents basic, Cents project)>& values) {
        ojson rows = ojson::array();
        rows.push_back(row("total", "合计", values(t.basic, t.project)));
        for (const auto& code : t.order) rows.push_back(row(code, t.names[code], values(t.by_code[code].first, t.by_code[code].second)));
        return rows;
    };
    tables.push_back(table("income", "公开02表", "收入决算表",
                           {{{"id", "main"}, {"columns", columns({{"total", "本年收入合计"}, {"fiscal", "财政拨款收入"}})},
                             {"rows", coded([](Cents b, Cents p) { return ojson{{"total", money(b + p)}, {"fiscal", money(b + p)}}; })}}}));
    auto spending = [](Cents b, Cents p) { return ojson{{"total", money(b + p)}, {"basic", cell(b)}, {"project", cell(p)}}; };
    tables.push_back(table("expenditure", "公开03表", "支出决算表",
                           {{{"id", "main"}, {"columns", columns({{"total", "本年支出合计"}, {"basic", "基本支出"}, {"project", "项目支出"}})},
                             {"rows", coded(spending)}}}));
    // 04
    ojson finc = ojson::array(), fexp = ojson::array();
    finc.push_back(row("general_budget", "一、一般公共预算财政拨款", {{"amount", money(total)}}));
    finc.push_back(row("total_income", "本年收入合计", {{"amount", money(total)}}));
    finc.push_back(row("grand_total", "总计", {{"amount", money(total)}}));
    for (const auto& code : t.order)
        if (code.size() == 3) {
            Cents v = t.by_code[code].first + t.by_code[code].second;
            fexp.push_back(row(code, t.names[code], {{"total", money(v)}, {"general_budget", money(v)}}));
        }
    fexp.push_back(row("total_expenditure", "本年支出合计", {{"total", money(total)}, {"general_budget", money(total)}}));
    fexp.push_back(row("grand_total", "总计", {{"total", money(total)}, {"general_budget", money(total)}}));
    tables.push_back(table("fiscal_summary", "公开04表", "财政拨款收入支出决算总表",
                           {{{"id", "income"}, {"columns", columns({{"amount", "金额"}})}, {"rows", finc}},
                            {{"id", "expenditure"}, {"columns", columns({{"total", "合计"}, {"general_budget", "一般公共预算财政拨款"}})}, {"rows", fexp}}}));
    tables.push_back(table("general_budget_expenditure", "公开05表", "一般公共预算财政拨款支出决算表",
                           {{{"id", "main"}, {"columns", columns({{"total", "小计"}, {"basic", "基本支出"}, {"project", "项目支出"}})},
                             {"rows", coded(spending)}}}));
    // 06
    ojson erows = ojson::array();
    for (const auto& [cls, items] : d.economic) {
        Cents sum = 0;
        for (const auto& [code, v] : items) sum += v;
        erows.push_back(row(cls, economic_name(cls), {{"amount", money(sum)}}));
        for (const auto& [code, v] : items) erows.push_back(row(code, economic_name(code), {{"amount", cell(v)}}));
    }
    erows.push_back(row("personnel_total", "人员经费合计", {{"amount", money(d.personnel)}}));
    erows.push_back(row("public_total", "公用经费合计", {{"amount", money(d.public_funds)}}));
    tables.push_back(table("basic_expenditure", "公开06表", "一般公共预算财政拨款基本支出决算明细表",
                           {{{"id", "main"}, {"columns", columns({{"amount", "决算数"}})}, {"rows", erows}}}));
    // 07, 08: empty, with their explanation.
    for (auto [kind, number, title, what] : {std::tuple{"government_fund", "公开07表", "政府性基金预算财政拨款收入支出决算表", "政府性基金"},
                                             std::tuple{"state_capital", "公开08表", "国有资本经营预算财政拨款支出决算表", "国有资本经营预算"}}) {
        ojson tb = table(kind, number, title,
                         {{{"id", "main"}, {"columns", columns({{"total", "小计"}, {"basic", "基本支出"}, {"project", "项目支出"}})},
                           {"rows", {row("total", "合计", {{"total", nullptr}, {"basic", nullptr}, {"project", nullptr}})}}}});
        tb["empty_explanation"] = std::string("本单位没有") + what + "收支，故本表无数据。";
        tables.push_back(tb);
    }
    // 09 三公
    Cents vb = d.three_budget[1] + d.three_budget[2], va = d.three_actual[1] + d.three_actual[2];
    Cents tb = d.three_budget[0] + vb + d.three_budget[3], ta = d.three_actual[0] + va + d.three_actual[3];
    auto pair = [](Cents b, Cents a) { return ojson{{"budget", money(b)}, {"actual", money(a)}}; };
    tables.push_back(table("three_public", "公开09表", "财政拨款“三公”经费支出决算表",
                           {{{"id", "main"}, {"columns", columns({{"budget", "预算数"}, {"actual", "决算数"}})},
                             {"rows", {row("total", "合计", pair(tb, ta)), row("abroad", "因公出国（境）费", pair(d.three_budget[0], d.three_actual[0])),
                                       row("vehicle_subtotal", "小计", pair(vb, va)), row("vehicle_purchase", "公务用车购置费", pair(d.three_budget[1], d.three_actual[1])),
                                       row("vehicle_operation", "公务用车运行维护费", pair(d.three_budget[2], d.three_actual[2])),
                                       row("reception", "公务接待费", pair(d.three_budget[3], d.three_actual[3]))}}}}));
    doc["tables"] = tables;

    // Narrative figures, each with a sentence in the documents' style.
    ojson figs = ojson::array();
    Cents change = total - prior_total;
    const char* dir = change >= 0 ? "增加" : "减少";
    Cents mag = change < 0 ? -change : change;
    std::string s1 = std::to_string(year) + "年度收、支总计" + money(total) + "万元。与上年相比，" + dir + money(mag) + "万元，" + dir + pct(mag, prior_total) + "%。";
    figs.push_back(figure("total.amount", money(total), "万元", s1, "一"));
    figs.push_back(figure("total.yoy_change", money(mag), "万元", s1, "一", {}, dir));
    figs.push_back(figure("total.yoy_pct", pct(mag, prior_total), "%", s1, "一", {}, dir));
    std::string s3 = std::to_string(year) + "年度支出合计" + money(total) + "万元，其中：基本支出" + money(t.basic) + "万元，占" + pct(t.basic, total) +
                     "%；项目支出" + money(t.project) + "万元，占" + pct(t.project, total) + "%。";
    figs.push_back(figure("expenditure.total", money(total), "万元", s3, "三"));
    figs.push_back(figure("expenditure.basic.amount", money(t.basic), "万元", s3, "三"));
    figs.push_back(figure("expenditure.basic.share", pct(t.basic, total), "%", s3, "三"));
    figs.push_back(figure("expenditure.project.amount", money(t.project), "万元", s3, "三"));
    figs.push_back(figure("expenditure.project.share", pct(t.project, total), "%", s3, "三"));
    std::string s5 = std::to_string(year) + "年度一般公共预算财政拨款支出" + money(total) + "万元，年初预算为" + money(d.gb_budget) + "万元，完成年初预算的" +
                     pct(total, d.gb_budget) + "%。";
    figs.push_back(figure("gb.total", money(total), "万元", s5, "五（一）"));
    figs.push_back(figure("gb.budget", money(d.gb_budget), "万元", s5, "五（三）"));
    figs.push_back(figure("gb.completion", pct(total, d.gb_budget), "%", s5, "五（三）"));
    for (const auto& code : t.order) {
        if (code.size() != 3) continue;
        Cents v = t.by_code[code].first + t.by_code[code].second;
        std::string s = t.names[code] + "（类）支出" + money(v) + "万元，占" + pct(v, total) + "%。";
        figs.push_back(figure("gb.class.amount", money(v), "万元", s, "五（二）", code));
        figs.push_back(figure("gb.class.share", pct(v, total), "%", s, "五（二）", code));
    }
    std::string s6 = "基本支出" + money(t.basic) + "万元，其中：人员经费" + money(d.personnel) + "万元，占基本支出的" + pct(d.personnel, t.basic) + "%；公用经费" +
                     money(d.public_funds) + "万元，占基本支出的" + pct(d.public_funds, t.basic) + "%。";
    figs.push_back(figure("basic.total", money(t.basic), "万元", s6, "六"));
    figs.push_back(figure("basic.personnel.amount", money(d.personnel), "万元", s6, "六"));
    figs.push_back(figure("basic.personnel.share", pct(d.personnel, t.basic), "%", s6, "六"));
    figs.push_back(figure("basic.public.amount", money(d.public_funds), "万元", s6, "六"));
    figs.push_back(figure("basic.public.share", pct(d.public_funds, t.basic), "%", s6, "六"));
    std::string s7 = "“三公”经费财政拨款支出预算为" + money(tb) + "万元，支出决算为" + money(ta) + "万元，完成预算的" + pct(ta, tb) + "%。";
    figs.push_back(figure("three_public.total.budget", money(tb), "万元", s7, "七（一）"));
    figs.push_back(figure("three_public.total.actual", money(ta), "万元", s7, "七（一）"));
    figs.push_back(figure("three_public.total.completion", pct(ta, tb), "%", s7, "七（一）", {}, ta < tb ? "小于" : nullptr));
    std::string s9 = "本部门" + std::to_string(year) + "年度机关运行经费支出" + money(d.public_funds) + "万元。";
    figs.push_back(figure("operating_cost.amount", money(d.public_funds), "万元", s9, "九"));
    Cents proc = d.procurement_goods + d.procurement_works + d.procurement_services;
    std::string s11 = "政府采购支出总额" + money(proc) + "万元，其中：政府采购货物支出" + money(d.procurement_goods) + "万元、政府采购工程支出" +
                      money(d.procurement_works) + "万元、政府采购服务支出" + money(d.procurement_services) + "万元。授予中小企业合同金额" + money(d.sme) +
                      "万元，占政府采购支出总额的" + pct(d.sme, proc) + "%，其中：授予小微企业合同金额" + money(d.small_micro) + "万元，占授予中小企业合同金额的" +
                      pct(d.small_micro, d.sme) + "%。";
    figs.push_back(figure("procurement.total", money(proc), "万元", s11, "十一"));
    figs.push_back(figure("procurement.goods", money(d.procurement_goods), "万元", s11, "十一"));
    figs.push_back(figure("procurement.works", money(d.procurement_works), "万元", s11, "十一"));
    figs.push_back(figure("procurement.services", money(d.procurement_services), "万元", s11, "十一"));
    figs.push_back(figure("procurement.sme.amount", money(d.sme), "万元", s11, "十一"));
    figs.push_back(figure("procurement.sme.share", pct(d.sme, proc), "%", s11, "十一"));
    figs.push_back(figure("procurement.small_micro.amount", money(d.small_micro), "万元", s11, "十一"));
    figs.push_back(figure("procurement.small_micro.share", pct(d.small_micro, d.sme), "%", s11, "十一"));
    std::string s12 = "截至" + std::to_string(year) + "年12月31日，共有车辆" + std::to_string(d.vehicles) + "辆，其中：机要通信用车" + std::to_string(d.vehicles) + "辆。";
    figs.push_back(figure("assets.vehicles.total", std::to_string(d.vehicles), "辆", s12, "十二"));
    figs.push_back(figure("assets.vehicles.confidential", std::to_string(d.vehicles), "辆", s12, "十二"));
    doc["narrative"] = {{"sections", {{{"id", "一"}, {"title", "一、收入支出决算总体情况说明"}, {"text", s1}}}}, {"figures", figs}};
    doc["glossary"] = {{{"term", "基本支出"}, {"definition", "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"}}};
    return doc;
}

// Injects one inconsistency into a document and says where.
InjectedError inject(Rng& rng, ojson& doc, const std::string& file) {
    auto figure_index = [&](const char* metric) -> std::size_t {
        auto& figs = doc["narrative"]["figures"];
        for (std::size_t i = 0; i < figs.size(); ++i)
            if (figs[i]["metric"] == metric) return i;
        return 0;
    };
    auto bump = [](ojson& v, Cents by) {
        auto d = parse_decimal(v.is_null() ? std::string("0") : v.get<std::string>());
        v = format_micro(d->micro + by * 10'000, 2);
    };
    switch (rng.range(0, 4)) {
        case 0: {  // a 项 cell of table 03
            auto& rows = doc["tables"][2]["blocks"][0]["rows"];
            std::size_t r = 0;
            for (std::size_t i = 0; i < rows.size(); ++i)
                if (rows[i].contains("code") && rows[i]["code"].get<std::string>().size() == 7) r = i;
            bump(rows[r]["values"]["total"], 123);
            return {file, "table-cell", "/tables/2/blocks/0/rows/" + std::to_string(r) + "/values/total", "支出决算表一个项的合计加 1.23"};
        }
        case 1: {
            std::size_t i = figure_index("gb.total");
            bump(doc["narrative"]["figures"][i]["value"], 1000);
            return {file, "narrative-amount", "/narrative/figures/" + std::to_string(i), "说明中的一般公共预算财政拨款支出加 10.00"};
        }
        case 2: {
            std::size_t i = figure_index("expenditure.basic.share");
            bump(doc["narrative"]["figures"][i]["value"], 300);
            return {file, "narrative-share", "/narrative/figures/" + std::to_string(i), "基本支出占比加 3 个百分点"};
        }
        case 3: {
            std::size_t i = figure_index("three_public.total.budget");
            doc["narrative"]["figures"][i]["unit"] = "元";
            return {file, "narrative-unit", "/narrative/figures/" + std::to_string(i), "“三公”经费预算的单位写作元"};
        }
        default: {
            std::size_t i = figure_index("total.yoy_pct");
            auto& f = doc["narrative"]["figures"][i];
            f["direction"] = f["direction"] == "增加" ? "减少" : "增加";
            return {file, "direction-word", "/narrative/figures/" + std::to_string(i), "增减率的方向用词与增减额相反"};
        }
    }
}

// A 决算 sits at <county>/<year>/<slug>.json, its 预算 at <slug>.budget.json; county.json and
// department-types.json are neither.
bool is_budget_path(const std::string& path) { return path.size() > 12 && path.compare(path.size() - 12, 12, ".budget.json") == 0; }
bool is_filing_path(const std::string& path) { return std::count(path.begin(), path.end(), '/') == 2 && !is_budget_path(path); }

// data/department-types.json for the departments of the corpus: their types, in department order, each matched
// by the pattern of its profile (the same ids and names as the repository's mapping).
ojson department_types_document(const std::vector<Profile>& used) {
    ojson types = ojson::array();
    std::map<std::string, std::size_t> index;
    for (const Profile& p : used) {
        const char* list = p.pattern_is_ending ? "ends_with" : "contains";
        auto it = index.find(p.type_id);
        if (it == index.end()) {
            it = index.emplace(p.type_id, types.size()).first;
            types.push_back({{"id", p.type_id}, {"name", p.type_name}, {"description", std::string("示例数据中的") + p.type_name + "类部门。"}});
        }
        ojson& t = types[it->second];
        if (!t.contains(list)) t[list] = ojson::array();
        if (std::find(t[list].begin(), t[list].end(), p.pattern) == t[list].end()) t[list].push_back(p.pattern);
    }
    return {{"format", "gongkai-department-types/1"}, {"about", "gongkai synth 生成的示例部门类型（与 data/department-types.json 的类型编号和名称一致）。"},
            {"types", types}};
}

}  // namespace

SyntheticCorpus synthesize(const SynthOptions& o) {
    SyntheticCorpus corpus;
    Rng rng(o.seed);
    std::vector<Profile> used;
    for (int d = 0; d < o.departments; ++d) used.push_back(department_profile(static_cast<std::size_t>(d)));
    for (int c = 0; c < o.counties; ++c) {
        char code[16];
        std::snprintf(code, sizeof code, "99%04d", (c + 1) % 10000);  // 990001 … 999999: --counties is at most 9999
        std::string county_name = "示例县" + std::to_string(c + 1);
        std::string dir = std::string(code) + "-example-" + std::to_string(c + 1);
        corpus.files.push_back({dir + "/county.json", ojson{{"format", "gongkai-county/1"}, {"name", county_name}, {"code", code}, {"province", "示例省"}}});
        for (int d = 0; d < o.departments; ++d) {
            const Profile& profile = used[static_cast<std::size_t>(d)];
            std::string dept_name = department_name(profile, county_name);
            Cents size = rng.range(profile.min_wan, profile.max_wan) * 100 + rng.range(0, 99);
            // Year-over-year changes in hundredths of a percent, so that they are rarely whole percentages.
            Cents prior = size * rng.range(9'000, 11'000) / 10'000;
            Continuity memo;
            std::optional<Yuan> prior_budget;
            auto department_seed = [&](int year) {
                return o.seed ^ (static_cast<std::uint64_t>(c) << 40) ^ (static_cast<std::uint64_t>(d) << 20) ^ static_cast<std::uint64_t>(year);
            };
            Rng tilt_rng(department_seed(0) * 0x9E3779B97F4A7C15ULL + 0x7117ULL);
            const std::int64_t tilt = project_tilt(tilt_rng);
            // The 部门预算 of a year, planned from that year's spending with a generator of its own (so the 决算
            // draws stay as they were); its total is the 决算's 年初预算.
            auto add_budget = [&](int year, const DepartmentYear& dy) {
                Rng budget_rng(department_seed(year) * 0x9E3779B97F4A7C15ULL + 0xB0D6E7ULL);
                BudgetPlan plan = plan_budget(budget_rng, dy, tilt);
                corpus.files.push_back({dir + "/" + std::to_string(year) + "/" + profile.slug + ".budget.json",
                                        budget_document(county_name, code, dept_name, profile.slug, year, plan, prior_budget)});
                prior_budget = plan.total();
                return plan.total_cents();
            };
            for (int y = 0; y < o.years; ++y) {
                int year = o.last_year - o.years + 1 + y;
                Rng dept_rng(department_seed(year));
                DepartmentYear dy = draw_department_year(dept_rng, memo, profile, size);
                ClassTotals t = class_totals(dy.items);
                std::size_t at = corpus.files.size();
                corpus.files.push_back({});
                dy.gb_budget = add_budget(year, dy);
                corpus.files[at] = {dir + "/" + std::to_string(year) + "/" + profile.slug + ".json",
                                    filing_document(county_name, code, dept_name, profile.slug, year, dy, prior)};
                prior = t.basic + t.project;
                size = size * dept_rng.range(9'200, 11'200) / 10'000;
            }
            // Next year's budget after the last 决算, planned from the year the department would have next.
            if (o.years > 0) {
                Rng next_rng(department_seed(o.last_year + 1));
                add_budget(o.last_year + 1, draw_department_year(next_rng, memo, profile, size));
            }
        }
    }
    // The department types of the departments generated, so that the corpus builds its type pages.
    corpus.files.push_back({"department-types.json", department_types_document(used)});
    // Errors go into distinct filings, chosen by the seed.
    std::vector<std::size_t> filings;
    for (std::size_t i = 0; i < corpus.files.size(); ++i)
        if (is_filing_path(corpus.files[i].first)) filings.push_back(i);
    for (int k = 0; k < o.inject_errors && !filings.empty(); ++k) {
        std::size_t pick = static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(filings.size()) - 1));
        auto& [path, doc] = corpus.files[filings[pick]];
        corpus.injected.push_back(inject(rng, doc, path));
        filings.erase(filings.begin() + static_cast<std::ptrdiff_t>(pick));
    }
    return corpus;
}

std::size_t write_synthetic_corpus(const SynthOptions& options, const std::string& out_dir) {
    SyntheticCorpus corpus = synthesize(options);
    StagedOutput out(out_dir);
    std::size_t filings = 0;
    for (const auto& [path, doc] : corpus.files) {
        out.write(path, doc.dump(2) + "\n");
        filings += is_filing_path(path);
    }
    if (!corpus.injected.empty()) {
        ojson truth = ojson::array();
        for (const auto& e : corpus.injected)
            truth.push_back({{"file", e.file}, {"kind", e.kind}, {"pointer", e.pointer}, {"description", e.description}});
        // Not a .json under a county folder, so the corpus still builds; hidden from the data scan.
        out.write(".injected-errors.json", truth.dump(2) + "\n");
    }
    out.commit();
    return filings;
}

}  // namespace gongkai
