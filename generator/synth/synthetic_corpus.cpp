#include "synth/synthetic_corpus.hpp"

#include <algorithm>
#include <map>

#include "model/money.hpp"
#include "write/staged_output.hpp"

namespace gongkai {

namespace {

using ojson = nlohmann::ordered_json;

// splitmix64: a tiny, portable generator, so that a seed gives the same corpus on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi].
    std::int64_t range(std::int64_t lo, std::int64_t hi) { return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }

private:
    std::uint64_t state_;
};

// Amounts are generated in hundredths of 万元 (the printed precision), so every sum is exact.
using Cents = std::int64_t;
std::string money(Cents c) { return format_micro(c * 10'000, 2); }
// A percentage rounded half up to two decimals, as the documents print them.
std::string pct(Cents part, Cents whole) { return whole == 0 ? "0.00" : format_micro(*percent_micro(part, whole), 2); }

// Splits `total` into `n` random positive-ish parts that add up exactly.
std::vector<Cents> split(Rng& rng, Cents total, std::size_t n) {
    std::vector<Cents> w(n), out(n);
    Cents sum = 0;
    for (auto& x : w) sum += (x = rng.range(20, 100));
    Cents used = 0;
    for (std::size_t i = 0; i + 1 < n; ++i) used += (out[i] = total * w[i] / sum);
    out[n - 1] = total - used;
    return out;
}

struct Item {
    const char* code;
    const char* name;
};
struct Section {  // 款 with its 项
    const char* code;
    const char* name;
    std::vector<Item> items;
};
struct FunctionClass {
    const char* code;
    const char* name;
    std::vector<Section> sections;
};

// Function classes of the 2024 classification, as the real filings use them.
const std::vector<FunctionClass>& catalogue() {
    static const std::vector<FunctionClass> c = {
        {"201", "一般公共服务支出", {{"20103", "政府办公厅（室）及相关机构事务", {{"2010301", "行政运行"}, {"2010302", "一般行政管理事务"}}},
                                     {"20106", "财政事务", {{"2010601", "行政运行"}, {"2010607", "信息化建设"}}}}},
        {"205", "教育支出", {{"20502", "普通教育", {{"2050201", "学前教育"}, {"2050202", "小学教育"}}}}},
        {"212", "城乡社区支出", {{"21201", "城乡社区管理事务", {{"2120101", "行政运行"}, {"2120104", "城管执法"}}}}},
        {"213", "农林水支出", {{"21301", "农业农村", {{"2130101", "行政运行"}, {"2130104", "事业运行"}}}}},
        {"208", "社会保障和就业支出", {{"20805", "行政事业单位养老支出", {{"2080505", "机关事业单位基本养老保险缴费支出"}, {"2080506", "机关事业单位职业年金缴费支出"}}}}},
        {"210", "卫生健康支出", {{"21011", "行政事业单位医疗", {{"2101101", "行政单位医疗"}}}}},
        {"221", "住房保障支出", {{"22102", "住房改革支出", {{"2210201", "住房公积金"}}}}},
    };
    return c;
}

const std::vector<std::pair<const char*, const char*>>& department_names() {
    static const std::vector<std::pair<const char*, const char*>> d = {
        {"government-office", "人民政府办公室"}, {"finance-bureau", "财政局"}, {"education-bureau", "教育局"}, {"health-commission", "卫生健康局"},
        {"civil-affairs-bureau", "民政局"}, {"transport-bureau", "交通运输局"}, {"agriculture-bureau", "农业农村局"},
        {"natural-resources-bureau", "自然资源局"}, {"housing-bureau", "住房和城乡建设局"}, {"human-resources-bureau", "人力资源和社会保障局"},
        {"public-security-bureau", "公安局"}, {"justice-bureau", "司法局"}, {"audit-bureau", "审计局"}, {"statistics-bureau", "统计局"},
        {"market-regulation-bureau", "市场监督管理局"}, {"ecology-bureau", "生态环境分局"}, {"water-bureau", "水利局"},
        {"culture-tourism-bureau", "文化旅游广电体育局"}, {"emergency-bureau", "应急管理局"}, {"development-reform-bureau", "发展和改革局"},
        {"industry-bureau", "工业和信息化局"}, {"commerce-bureau", "商务局"}, {"veterans-bureau", "退役军人事务局"},
        {"forestry-bureau", "林业局"}, {"urban-management-bureau", "城市管理局"}, {"data-bureau", "数据资源局"},
        {"archives-bureau", "档案馆"}, {"party-school", "党校"}, {"federation-of-trade-unions", "总工会"}, {"youth-league", "团委"},
        {"womens-federation", "妇女联合会"}, {"disabled-persons-federation", "残疾人联合会"}, {"science-association", "科学技术协会"},
        {"red-cross", "红十字会"}, {"petition-bureau", "信访局"}, {"medical-security-bureau", "医疗保障局"},
        {"government-services-bureau", "政务服务中心"}, {"supply-marketing-cooperative", "供销合作社"}, {"radio-tv-station", "融媒体中心"},
        {"local-chronicles-office", "地方志编纂室"},
    };
    return d;
}

struct ItemAmount {
    std::string code, name;
    Cents basic = 0, project = 0;
};

// Everything one filing needs, drawn from the generator; amounts in cents of 万元.
struct DepartmentYear {
    std::vector<ItemAmount> items;  // 项 rows with basic and project spending
    std::vector<std::pair<std::string, std::vector<std::pair<const char*, Cents>>>> economic;  // class -> items
    Cents personnel = 0, public_funds = 0;
    Cents three_budget[4] = {0, 0, 0, 0};  // abroad, vehicle purchase, vehicle operation, reception
    Cents three_actual[4] = {0, 0, 0, 0};
    Cents gb_budget = 0;
    Cents procurement_goods = 0, procurement_works = 0, procurement_services = 0, sme = 0, small_micro = 0;
    int staff_admin = 0, staff_service = 0, staff_workers = 0, staff_actual = 0, vehicles = 0;
};

DepartmentYear draw_department_year(Rng& rng, std::size_t main_class, Cents size) {
    DepartmentYear d;
    const auto& cat = catalogue();
    // The department's own class and the standard personnel-related classes.
    std::vector<std::size_t> classes = {main_class, 4, 5, 6};
    Cents personnel_related = size * rng.range(18, 28) / 100;
    std::vector<Cents> by_class = {size - personnel_related};
    for (Cents c : split(rng, personnel_related, 3)) by_class.push_back(c);
    for (std::size_t k = 0; k < classes.size(); ++k) {
        const FunctionClass& fc = cat[classes[k]];
        const Section& sec = fc.sections[static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(fc.sections.size()) - 1))];
        auto parts = split(rng, by_class[k], sec.items.size());
        for (std::size_t i = 0; i < sec.items.size(); ++i) {
            ItemAmount it{sec.items[i].code, sec.items[i].name, parts[i], 0};
            if (k == 0 && i + 1 == sec.items.size() && sec.items.size() > 1) std::swap(it.basic, it.project);  // a project item
            d.items.push_back(it);
        }
    }
    Cents basic = 0;
    for (const auto& it : d.items) basic += it.basic;
    d.public_funds = basic * rng.range(8, 16) / 100;
    d.personnel = basic - d.public_funds;
    Cents wages = d.personnel * rng.range(88, 96) / 100;
    static const std::vector<std::pair<const char*, const char*>> wage_items = {{"30101", "基本工资"}, {"30102", "津贴补贴"}, {"30103", "奖金"},
        {"30107", "绩效工资"}, {"30108", "机关事业单位基本养老保险缴费"}, {"30109", "职业年金缴费"}, {"30110", "职工基本医疗保险缴费"}, {"30113", "住房公积金"}};
    static const std::vector<std::pair<const char*, const char*>> goods_items = {{"30201", "办公费"}, {"30207", "邮电费"}, {"30211", "差旅费"},
        {"30215", "会议费"}, {"30216", "培训费"}, {"30217", "公务接待费"}, {"30228", "工会经费"}, {"30231", "公务用车运行维护费"}, {"30299", "其他商品和服务支出"}};
    static const std::vector<std::pair<const char*, const char*>> family_items = {{"30302", "退休费"}, {"30305", "生活补助"}};
    auto fill = [&](const char* cls, const std::vector<std::pair<const char*, const char*>>& names, Cents total) {
        auto parts = split(rng, total, names.size());
        std::vector<std::pair<const char*, Cents>> v;
        for (std::size_t i = 0; i < names.size(); ++i) v.push_back({names[i].first, parts[i]});
        d.economic.push_back({cls, v});
    };
    fill("301", wage_items, wages);
    fill("302", goods_items, d.public_funds);
    fill("303", family_items, d.personnel - wages);
    // 三公: a small budget, mostly spent.
    d.three_budget[0] = rng.range(0, 3) == 0 ? rng.range(100, 800) : 0;
    d.three_budget[1] = rng.range(0, 5) == 0 ? rng.range(1000, 2500) : 0;
    d.three_budget[2] = rng.range(300, 3000);
    d.three_budget[3] = rng.range(50, 800);
    for (int i = 0; i < 4; ++i) d.three_actual[i] = d.three_budget[i] * rng.range(55, 100) / 100;
    d.gb_budget = size * rng.range(85, 110) / 100;
    d.procurement_goods = size * rng.range(1, 5) / 100;
    d.procurement_works = rng.range(0, 2) == 0 ? size * rng.range(1, 3) / 100 : 0;
    d.procurement_services = size * rng.range(2, 8) / 100;
    Cents procurement = d.procurement_goods + d.procurement_works + d.procurement_services;
    d.sme = procurement * rng.range(50, 100) / 100;
    d.small_micro = d.sme * rng.range(40, 100) / 100;
    d.staff_admin = static_cast<int>(rng.range(10, 60));
    d.staff_service = static_cast<int>(rng.range(0, 30));
    d.staff_workers = static_cast<int>(rng.range(0, 12));
    d.staff_actual = d.staff_admin + d.staff_service + d.staff_workers - static_cast<int>(rng.range(0, 5));
    d.vehicles = static_cast<int>(rng.range(0, 8));
    return d;
}

ojson row(const std::string& id, const std::string& name, ojson values, std::optional<int> line = std::nullopt) {
    ojson r;
    bool code = !id.empty() && id[0] >= '0' && id[0] <= '9';
    r[code ? "code" : "key"] = id;
    if (line) r["line"] = *line;
    r["name"] = name;
    r["values"] = std::move(values);
    return r;
}

ojson columns(std::initializer_list<std::pair<const char*, const char*>> c) {
    ojson a = ojson::array();
    for (const auto& [id, label] : c) a.push_back({{"id", id}, {"label", label}});
    return a;
}

ojson table(const char* kind, const char* number, const char* title, ojson blocks) {
    return {{"kind", kind}, {"number", number}, {"title", title}, {"unit", "万元"}, {"blocks", std::move(blocks)}};
}

struct Totals {
    std::map<std::string, std::pair<Cents, Cents>> by_code;  // code -> basic, project (classes, sections, items)
    std::vector<std::string> order;                           // codes in printed order
    std::map<std::string, std::string> names;
    Cents basic = 0, project = 0;
};

Totals totals_of(const DepartmentYear& d) {
    Totals t;
    for (const auto& fc : catalogue())
        for (const auto& sec : fc.sections)
            for (const auto& it : sec.items)
                for (const auto& x : d.items)
                    if (x.code == it.code) {
                        for (auto [code, name] : {std::pair{fc.code, fc.name}, std::pair{sec.code, sec.name}, std::pair{it.code, it.name}}) {
                            if (!t.by_code.count(code)) t.order.push_back(code);
                            t.names[code] = name;
                            t.by_code[code].first += x.basic;
                            t.by_code[code].second += x.project;
                        }
                        t.basic += x.basic;
                        t.project += x.project;
                    }
    return t;
}

ojson cell(Cents c) { return c == 0 ? ojson(nullptr) : ojson(money(c)); }

ojson figure(const char* metric, std::string value, const char* unit, std::string sentence, const char* section,
             const std::string& code = {}, const char* direction = nullptr) {
    ojson f;
    f["metric"] = metric;
    if (!code.empty()) f["code"] = code;
    f["value"] = std::move(value);
    f["unit"] = unit;
    if (direction) f["direction"] = direction;
    f["section"] = section;
    f["sentence"] = std::move(sentence);
    return f;
}

ojson filing_document(const std::string& county_name, const std::string& county_code, const std::string& dept_name,
                      const std::string& slug, int year, const DepartmentYear& d, Cents prior_total) {
    Totals t = totals_of(d);
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
    static const std::map<std::string, const char*> class_names = {{"301", "工资福利支出"}, {"302", "商品和服务支出"}, {"303", "对个人和家庭的补助"}};
    static const std::map<std::string, const char*> item_names = {
        {"30101", "基本工资"}, {"30102", "津贴补贴"}, {"30103", "奖金"}, {"30107", "绩效工资"}, {"30108", "机关事业单位基本养老保险缴费"},
        {"30109", "职业年金缴费"}, {"30110", "职工基本医疗保险缴费"}, {"30113", "住房公积金"}, {"30201", "办公费"}, {"30207", "邮电费"},
        {"30211", "差旅费"}, {"30215", "会议费"}, {"30216", "培训费"}, {"30217", "公务接待费"}, {"30228", "工会经费"},
        {"30231", "公务用车运行维护费"}, {"30299", "其他商品和服务支出"}, {"30302", "退休费"}, {"30305", "生活补助"}};
    for (const auto& [cls, items] : d.economic) {
        Cents sum = 0;
        for (const auto& [code, v] : items) sum += v;
        erows.push_back(row(cls, class_names.at(cls), {{"amount", money(sum)}}));
        for (const auto& [code, v] : items) erows.push_back(row(code, item_names.at(code), {{"amount", cell(v)}}));
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

}  // namespace

SyntheticCorpus synthesize(const SynthOptions& o) {
    SyntheticCorpus corpus;
    Rng rng(o.seed);
    const auto& names = department_names();
    for (int c = 0; c < o.counties; ++c) {
        char code[7];
        std::snprintf(code, sizeof code, "99%02d%02d", (c / 100) % 100, c % 100 + 1);
        std::string county_name = "示例县" + std::to_string(c + 1);
        std::string dir = std::string(code) + "-example-" + std::to_string(c + 1);
        corpus.files.push_back({dir + "/county.json", ojson{{"format", "gongkai-county/1"}, {"name", county_name}, {"code", code}, {"province", "示例省"}}});
        for (int d = 0; d < o.departments; ++d) {
            const auto& [slug_base, name_base] = names[static_cast<std::size_t>(d) % names.size()];
            std::string slug = slug_base + (d >= static_cast<int>(names.size()) ? "-" + std::to_string(d / static_cast<int>(names.size()) + 1) : std::string());
            std::string dept_name = county_name + name_base + (d >= static_cast<int>(names.size()) ? std::to_string(d / static_cast<int>(names.size()) + 1) : std::string());
            std::size_t main_class = static_cast<std::size_t>(rng.range(0, 3));
            Cents size = rng.range(300, 8000) * 100;  // 300–8000 万元
            Cents prior = size * rng.range(90, 110) / 100;
            for (int y = 0; y < o.years; ++y) {
                int year = o.last_year - o.years + 1 + y;
                Rng dept_rng(o.seed ^ (static_cast<std::uint64_t>(c) << 40) ^ (static_cast<std::uint64_t>(d) << 20) ^ static_cast<std::uint64_t>(year));
                DepartmentYear dy = draw_department_year(dept_rng, main_class, size);
                Totals t = totals_of(dy);
                corpus.files.push_back({dir + "/" + std::to_string(year) + "/" + slug + ".json",
                                        filing_document(county_name, code, dept_name, slug, year, dy, prior)});
                prior = t.basic + t.project;
                size = size * dept_rng.range(92, 112) / 100;
            }
        }
    }
    // Errors go into distinct filings, chosen by the seed.
    std::vector<std::size_t> filings;
    for (std::size_t i = 0; i < corpus.files.size(); ++i)
        if (corpus.files[i].first.find("county.json") == std::string::npos) filings.push_back(i);
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
        filings += path.find("county.json") == std::string::npos;
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
