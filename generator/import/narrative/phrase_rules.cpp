#include "import/narrative/phrase_rules.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "import/text_match.hpp"

namespace gongkai::import::narrative {

Subject money(const std::string& key, const std::string& amount) {
    Subject s;
    s.key = key;
    s.amount = amount.empty() ? key + ".amount" : amount;
    return s;
}

Subject counted(const std::string& key) {
    Subject s;
    s.key = key;
    s.counts = Counts::self;
    s.money = false;
    return s;
}

namespace {

// A 三公 subject: its plain amount is the 决算 (actual).
Subject three_public(const std::string& key, Counts counts = Counts::none, const std::string& count_stem = "") {
    Subject s = money("three_public." + key, "three_public." + key + ".actual");
    s.counts = counts;
    s.count_stem = count_stem;
    return s;
}

Subject with_counts(Subject s, Counts counts) {
    s.counts = counts;
    return s;
}

std::vector<SubjectPhrase> longest_first(std::vector<SubjectPhrase> v) {
    std::stable_sort(v.begin(), v.end(), [](const SubjectPhrase& a, const SubjectPhrase& b) {
        return a.phrase.size() > b.phrase.size();
    });
    return v;
}

// 基本支出 and 项目支出 explain changes in several parts ("项目支出增加，较上一度增加 1133.95 万元").
void add_breakdown(std::vector<SubjectPhrase>& v) {
    v.push_back({"基本支出", money("expenditure.basic")});
    v.push_back({"项目支出", money("expenditure.project")});
}

std::vector<SubjectPhrase> phrases_for(Part part) {
    std::vector<SubjectPhrase> v;
    switch (part) {
    case Part::total:
        for (const char* p : {"收入支出总计", "收、支总计", "收支总计", "收入、支出总计", "收入支出总额"})
            v.push_back({p, money("total", "total.amount")});
        add_breakdown(v);
        break;
    case Part::fiscal:
        for (const char* p : {"财政拨款收入支出总计", "财政拨款收、支总计", "财政拨款收支总计", "收入支出总计", "收、支总计",
                              "收支总计"})
            v.push_back({p, money("fiscal", "fiscal.total")});
        add_breakdown(v);
        break;
    case Part::income:
        for (const char* p : {"本年收入合计", "收入合计", "本年收入"}) v.push_back({p, money("income", "income.total")});
        v.push_back({"财政拨款收入", money("income.fiscal")});
        v.push_back({"上级补助收入", money("income.higher_subsidy")});
        v.push_back({"事业收入", money("income.business")});
        v.push_back({"经营收入", money("income.operating")});
        v.push_back({"附属单位上缴收入", money("income.affiliated")});
        v.push_back({"其他收入", money("income.other")});
        break;
    case Part::expenditure:
        for (const char* p : {"本年支出合计", "支出合计", "本年支出"})
            v.push_back({p, money("expenditure", "expenditure.total")});
        add_breakdown(v);
        v.push_back({"上缴上级支出", money("expenditure.to_higher")});
        v.push_back({"经营支出", money("expenditure.operating")});
        v.push_back({"对附属单位补助支出", money("expenditure.affiliated_subsidy")});
        break;
    case Part::gb:
        for (const char* p : {"一般公共预算财政拨款支出", "一般公共预算支出", "财政拨款支出"})
            v.push_back({p, money("gb", "gb.total")});
        add_breakdown(v);
        break;
    case Part::basic:
        v.push_back({"基本支出", money("basic", "basic.total")});
        v.push_back({"人员经费", money("basic.personnel")});
        v.push_back({"公用经费", money("basic.public")});
        break;
    case Part::three_public:
        for (const char* p : {"三公"}) v.push_back({p, three_public("total")});
        for (const char* p : {"因公出国（境）费", "因公出国（境）", "因公出国费", "出国（境）费"})
            v.push_back({p, three_public("abroad", Counts::groups)});
        for (const char* p : {"公务用车购置费及运行维护费", "公务用车购置及运行维护费", "公务用车购置和运行维护费",
                              "公务用车购置及运行费", "公务用车费"})
            v.push_back({p, three_public("vehicle", Counts::groups)});
        for (const char* p : {"公务用车购置费", "公务用车购置支出", "公务用车购置"})
            v.push_back({p, three_public("vehicle_purchase", Counts::groups)});
        for (const char* p : {"公务用车运行维护费", "公务用车运行维护支出", "公务用车运行费", "公务用车运行维护"})
            v.push_back({p, three_public("vehicle_operation")});
        for (const char* p : {"公务用车保有量", "公务用车保有"}) v.push_back({p, counted("three_public.vehicles.count")});
        for (const char* p : {"公务接待费", "公务接待"}) v.push_back({p, three_public("reception", Counts::groups)});
        for (const char* p : {"国内公务接待"}) v.push_back({p, three_public("reception.domestic")});
        for (const char* p : {"外宾接待", "接待外宾", "外事接待"})
            v.push_back({p, three_public("reception.foreign", Counts::groups, "three_public.reception.foreign_")});
        break;
    case Part::gov_fund:
    case Part::state_capital: {
        const std::string stem = part == Part::gov_fund ? "gov_fund" : "state_capital";
        const std::string name = part == Part::gov_fund ? "政府性基金预算财政拨款" : "国有资本经营预算财政拨款";
        for (const std::string& p : {name + "收入", std::string("收入")}) v.push_back({p, money(stem + ".income", stem + ".income")});
        // Spending follows the gb pattern (gov_fund.total, .budget, .actual, .completion); Shanghai's template
        // prints “收入 XXX 万元，支出收入 XXX 万元”, whose second amount is the spending.
        for (const std::string& p : {name + "支出", std::string("支出收入"), std::string("支出")})
            v.push_back({p, money(stem, stem + ".total")});
        break;
    }
    case Part::operating_cost:
        v.push_back({"机关运行经费", money("operating_cost")});
        break;
    case Part::general:
        v.push_back({"会议费", with_counts(money("meeting"), Counts::persons)});
        v.push_back({"培训费", with_counts(money("training"), Counts::persons)});
        for (const char* p : {"节庆、晚会、论坛、赛事", "节庆"}) v.push_back({p, money("events")});
        break;
    case Part::procurement:
        for (const char* p : {"政府采购支出总额", "政府采购金额", "政府采购总额", "采购支出总额", "政府采购支出"})
            v.push_back({p, money("procurement", "procurement.total")});
        v.push_back({"货物", money("procurement.goods", "procurement.goods")});
        v.push_back({"工程", money("procurement.works", "procurement.works")});
        v.push_back({"服务", money("procurement.services", "procurement.services")});
        for (const char* p : {"授予中小企业合同金额", "授予中小企业"}) v.push_back({p, money("procurement.sme")});
        for (const char* p : {"授予小微企业合同金额", "授予小微企业"}) v.push_back({p, money("procurement.small_micro")});
        v.push_back({"货物采购授予中小企业", money("procurement.goods_sme")});
        v.push_back({"工程采购授予中小企业", money("procurement.works_sme")});
        v.push_back({"服务采购授予中小企业", money("procurement.services_sme")});
        v.push_back({"面向中小企业预留", money("procurement.sme_reserved")});
        v.push_back({"面向小微企业预留", money("procurement.small_micro_reserved")});
        v.push_back({"其他政府采购项目", money("procurement.sme_other")});
        break;
    case Part::assets:
        for (const char* p : {"共有车辆", "车辆总数", "共有公务用车", "实有车辆"}) v.push_back({p, counted("assets.vehicles.total")});
        for (const char* p : {"副部（省）级及以上领导用车", "部级领导干部用车", "部级以上领导用车", "副部级及以上领导用车"})
            v.push_back({p, counted("assets.vehicles.ministerial")});
        for (const char* p : {"主要负责人用车", "主要领导干部用车", "主要领导用车"}) v.push_back({p, counted("assets.vehicles.head")});
        v.push_back({"机要通信用车", counted("assets.vehicles.confidential")});
        v.push_back({"应急保障用车", counted("assets.vehicles.emergency")});
        v.push_back({"执法执勤用车", counted("assets.vehicles.law_enforcement")});
        v.push_back({"特种专业技术用车", counted("assets.vehicles.special")});
        for (const char* p : {"离退休干部服务用车", "离退休干部用车"}) v.push_back({p, counted("assets.vehicles.retiree")});
        v.push_back({"其他用车", counted("assets.vehicles.other")});
        for (const char* p : {"100万元以上设备", "100万元（含）以上设备", "100万元及以上设备"})
            v.push_back({p, counted("assets.equipment_over_1m")});
        for (const char* p : {"100万元以上专用设备", "100万元（含）以上专用设备", "100万元及以上专用设备"})
            v.push_back({p, counted("assets.special_equipment_over_1m")});
        for (const char* p : {"50万元以上通用设备", "50万元（含）以上通用设备", "50万元及以上通用设备"})
            v.push_back({p, counted("assets.general_equipment_over_500k")});
        break;
    case Part::performance: {
        auto projects = [](const std::string& key) {
            Subject s = money(key);
            s.counts = Counts::projects;
            s.budget_is_amount = true;
            return s;
        };
        v.push_back({"编报绩效目标", projects("performance.targets")});
        for (const char* p : {"绩效跟踪评价", "绩效跟踪"}) v.push_back({p, projects("performance.tracking")});
        v.push_back({"绩效自评", projects("performance.self_eval")});
        for (const char* p : {"“优”", "\"优\"", "为优的"}) v.push_back({p, counted("performance.self_eval.excellent")});
        for (const char* p : {"“良”", "\"良\"", "为良的"}) v.push_back({p, counted("performance.self_eval.good")});
        for (const char* p : {"“合格”", "\"合格\"", "为合格的"}) v.push_back({p, counted("performance.self_eval.pass")});
        for (const char* p : {"“不合格”", "\"不合格\"", "为不合格的"}) v.push_back({p, counted("performance.self_eval.fail")});
        v.push_back({"发现问题", counted("performance.self_eval.problems")});
        v.push_back({"完成整改", counted("performance.self_eval.rectified")});
        v.push_back({"正在整改", counted("performance.self_eval.rectifying")});
        break;
    }
    case Part::unknown:
    case Part::budget_overview:  // the budget parts have their own phrases (budget_phrase_rules.cpp)
    case Part::project:
        break;
    }
    return longest_first(std::move(v));
}

bool is_direction_start(const std::string& s, std::size_t pos, std::string& word) {
    for (const char* w : {"增加", "减少", "增长", "下降", "上升"})
        if (starts_with_at(s, pos, w)) { word = w; return true; }
    return false;
}

// The last direction word of the text, "" when none.
std::string last_direction(const std::string& text) {
    std::string found, word;
    for (std::size_t i = 0; i < text.size(); i += utf8_length_at(text, i))
        if (is_direction_start(text, i, word)) found = word;
    return found;
}

// Removes names that contain 预算/决算 without being a budget or an actual ("一般公共预算", "部门决算").
std::string without_fund_names(std::string s) {
    for (const char* name : {"一般公共预算", "政府性基金预算", "国有资本经营预算", "部门决算", "预算单位", "预算绩效",
                             "预算管理", "决算公开", "预决算"}) {
        for (std::size_t at; (at = s.find(name)) != std::string::npos;) s.erase(at, std::string(name).size());
    }
    return s;
}

// "完成年初预算的", "完成预算的", "完成全年预算数的" at the end of the clause.
bool completion_words(const std::string& clause, bool& full_year) {
    std::size_t at = clause.rfind("完成");
    if (at == std::string::npos) return false;
    std::string rest = clause.substr(at + std::string("完成").size());
    if (!contains(rest, "预算")) return false;
    full_year = contains(rest, "全年");
    for (const char* w : {"了", "年初", "全年", "调整后", "调整", "的", "预算", "数", "比例", "率", "为"})
        for (std::size_t p; (p = rest.find(w)) != std::string::npos;) rest.erase(p, std::string(w).size());
    return rest.empty();
}

}  // namespace

Part part_of_heading(const std::string& heading, bool budget) {
    const std::string h = normalized(heading);
    if (budget)
        if (const Part p = budget_part_of_heading(h); p != Part::unknown) return p;
    if (contains(h, "三公")) return Part::three_public;
    if (contains(h, "政府性基金")) return Part::gov_fund;
    if (contains(h, "国有资本经营")) return Part::state_capital;
    if (contains(h, "机关运行经费")) return Part::operating_cost;
    if (contains(h, "一般性支出") || contains(h, "会议费")) return Part::general;
    if (contains(h, "政府采购")) return Part::procurement;
    if (contains(h, "国有资产") || contains(h, "资产占")) return Part::assets;
    if (contains(h, "绩效")) return Part::performance;
    if (contains(h, "基本支出")) return Part::basic;
    if (contains(h, "一般公共预算财政拨款支出") || contains(h, "一般公共预算支出")) return Part::gb;
    if (contains(h, "财政拨款收入支出") || contains(h, "财政拨款收支")) return Part::fiscal;
    if (contains(h, "收入支出决算总体") || contains(h, "收支决算总体") || contains(h, "收入支出总体")) return Part::total;
    if (contains(h, "收入决算")) return Part::income;
    if (contains(h, "支出决算")) return Part::expenditure;
    return Part::unknown;
}

const std::vector<SubjectPhrase>& subject_phrases(Part part, bool budget) {
    static const std::array<std::map<Part, std::vector<SubjectPhrase>>, 2> all = [] {
        std::array<std::map<Part, std::vector<SubjectPhrase>>, 2> m;
        for (Part p : {Part::unknown, Part::total, Part::income, Part::expenditure, Part::fiscal, Part::gb, Part::basic,
                       Part::three_public, Part::gov_fund, Part::state_capital, Part::operating_cost, Part::general,
                       Part::procurement, Part::assets, Part::performance, Part::budget_overview, Part::project}) {
            m[0][p] = phrases_for(p);
            m[1][p] = longest_first(budget_phrases_for(p, m[0][p]));
        }
        return m;
    }();
    return all[budget ? 1 : 0].at(part);
}

const std::vector<SubjectPhrase>& trailing_phrases(Part part, bool budget) {
    static const std::vector<SubjectPhrase> none;
    if (budget) {
        static const std::map<Part, std::vector<SubjectPhrase>> by_part = [] {
            std::map<Part, std::vector<SubjectPhrase>> m;
            for (Part p : {Part::performance, Part::assets, Part::operating_cost}) m[p] = longest_first(budget_trailing_phrases(p));
            return m;
        }();
        const auto it = by_part.find(part);
        return it == by_part.end() ? none : it->second;
    }
    static const std::vector<SubjectPhrase> performance = [] {
        auto projects = [](const std::string& key) {
            Subject s = money(key);
            s.counts = Counts::projects;
            s.budget_is_amount = true;
            return s;
        };
        return longest_first({
            {"事前绩效评估", projects("performance.ex_ante")},
            {"绩效目标", projects("performance.targets")},
            {"绩效监控", projects("performance.monitoring")},
            {"自评", projects("performance.self_eval")},
            {"绩效评价", projects("performance.evaluation")},
        });
    }();
    return part == Part::performance ? performance : none;
}

std::optional<Subject> default_subject(Part part, bool budget) {
    if (budget) {
        switch (part) {
        case Part::three_public: {
            Subject s = three_public("total");
            s.amount = "three_public.total.budget";
            return s;
        }
        case Part::project: return money("project.item");
        case Part::budget_overview:
        case Part::performance:
        case Part::assets: return std::nullopt;
        default: break;
        }
    }
    switch (part) {
    case Part::total: return money("total", "total.amount");
    case Part::fiscal: return money("fiscal", "fiscal.total");
    case Part::income: return money("income", "income.total");
    case Part::expenditure: return money("expenditure", "expenditure.total");
    case Part::gb: return money("gb", "gb.total");
    case Part::basic: return money("basic", "basic.total");
    case Part::three_public: return three_public("total");
    case Part::operating_cost: return money("operating_cost");
    case Part::procurement: return money("procurement", "procurement.total");
    default: return std::nullopt;
    }
}

Subject class_subject(const std::string& code) {
    Subject s = money("gb.class");
    s.code = code;
    return s;
}

Subject item_subject(Part part, bool budget) {
    const std::string stem = part == Part::gov_fund ? "gov_fund" : part == Part::state_capital ? "state_capital" : "gb";
    Subject s = money(stem + ".item", stem + (budget ? ".item.amount" : ".item.actual"));
    s.item = true;
    return s;
}

std::optional<Subject> last_subject(const std::string& text, const std::vector<SubjectPhrase>& phrases,
                                    const std::vector<SubjectPhrase>& more) {
    std::optional<Subject> found;
    for (std::size_t i = 0; i < text.size();) {
        const SubjectPhrase* best = nullptr;
        for (const auto* list : {&phrases, &more})
            for (const SubjectPhrase& p : *list)
                if ((!best || p.phrase.size() > best->phrase.size()) && starts_with_at(text, i, p.phrase)) best = &p;
        if (best) {
            found = best->subject;
            i += best->phrase.size();
        } else {
            i += utf8_length_at(text, i);
        }
    }
    return found;
}

RoleReading role_of(const NumberToken& token, const std::string& lead, bool budget) {
    RoleReading r;
    const std::string text = without_fund_names(normalized(lead));
    const std::string clause = last_clause(text);
    const std::string direction = last_direction(last_clause(without_brackets(text)));
    if (budget && token.unit_class == UnitClass::money) {
        // A budget states planned amounts: "预算数为X", "预算安排X", "收入预算X" are amounts.
        if (contains(clause, "执行数")) r.role = Role::prior;
        else if (!direction.empty()) { r.role = Role::yoy_change; r.direction = direction; }
        else if (contains(text, "中标") || contains(text, "成交")) r.role = Role::awarded;
        else if (clause.size() >= 6 && (clause.compare(clause.size() - 6, 6, "一致") == 0 || clause.compare(clause.size() - 6, 6, "持平") == 0))
            r.role = Role::yoy_change;  // "与2024年预算一致0万元"
        else r.role = Role::amount;
        return r;
    }
    switch (token.unit_class) {
    case UnitClass::percent: {
        bool full_year = false;
        if (contains(clause, "占")) r.role = Role::share;
        else if (completion_words(clause, full_year)) r.role = full_year ? Role::full_year_completion : Role::completion;
        else if (!direction.empty()) { r.role = Role::yoy_pct; r.direction = direction; }
        break;
    }
    case UnitClass::money: {
        std::size_t budget = clause.rfind("预算"), actual = clause.rfind("决算");
        if (!direction.empty()) { r.role = Role::yoy_change; r.direction = direction; }
        else if (contains(text, "中标") || contains(text, "成交")) r.role = Role::awarded;
        else if (budget != std::string::npos && (actual == std::string::npos || budget > actual))
            r.role = budget >= 6 && clause.compare(budget - 6, 6, "全年") == 0 ? Role::full_year_budget : Role::budget;
        else if (actual != std::string::npos) r.role = Role::actual;
        else r.role = Role::amount;
        break;
    }
    case UnitClass::count:
        r.role = Role::count;
        break;
    case UnitClass::none:
        // "增长 13.95。": a change printed without its "%".
        if (!direction.empty() && token.kind == TokenKind::figure) {
            r.role = Role::yoy_pct;
            r.direction = direction;
            r.unit = "%";
        }
        break;
    }
    return r;
}

std::string completion_direction(const std::string& trail) {
    const std::string t = normalized(trail);
    std::size_t best = std::string::npos;
    std::string word;
    for (const char* w : {"大于", "小于", "等于", "高于", "低于"}) {
        std::size_t at = t.find(w);
        if (at < best) { best = at; word = w; }
    }
    if (word == "高于") word = "";  // not a direction word of the format
    if (word == "低于") word = "";
    if (word.empty() && contains(t, "决算") && contains(t, "持平")) word = "持平";
    return word;
}

std::string metric_of(const Subject& s, const RoleReading& r, const NumberToken& token, const std::string& lead) {
    const std::string unit = token.unit;
    switch (r.role) {
    case Role::amount: return s.money ? s.amount : "";
    case Role::share: return s.money ? s.key + ".share" : "";
    case Role::yoy_change: return s.money ? s.key + ".yoy_change" : "";
    case Role::yoy_pct: return s.money ? s.key + ".yoy_pct" : "";
    case Role::budget: return !s.money ? "" : s.budget_is_amount ? s.amount : s.key + ".budget";
    case Role::full_year_budget: return s.money ? s.key + ".full_year.budget" : "";
    case Role::actual: return s.money ? s.key + ".actual" : "";
    case Role::completion: return s.money ? s.key + ".completion" : "";
    case Role::full_year_completion: return s.money ? s.key + ".full_year.completion" : "";
    case Role::awarded: return s.money ? s.key + ".awarded" : "";
    case Role::prior: return s.money ? s.key + ".prior" : "";
    case Role::unknown: return "";
    case Role::count: break;
    }
    const std::string stem = s.count_stem.empty() ? s.key + "." : s.count_stem;
    switch (s.counts) {
    case Counts::none: return "";
    case Counts::self: return s.key;
    case Counts::groups:
        if (unit == "个") return stem + "groups";
        if (unit == "人次") return stem + "persons";
        if (unit == "人" || unit == "名") return contains(normalized(lead), "来宾") ? stem + "guests" : stem + "persons";
        if (unit == "辆") return s.key + ".count";
        return "";
    case Counts::projects:
        if (unit == "个" || unit == "项") return s.key + ".projects";
        if (unit == "分") return s.key + ".score";
        return "";
    case Counts::persons:
        if (unit == "人" || unit == "人次" || unit == "名") return s.key + ".persons";
        if (unit == "个") return s.key + ".sessions";
        return "";
    }
    return "";
}

}  // namespace gongkai::import::narrative
