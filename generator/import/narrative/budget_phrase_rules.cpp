// The wording of a 部门预算's 情况说明 where it differs from the 决算's (docs/filing-format.md, "Figures of a
// budget"): the 部门预算编制说明 (收入预算X万元, 财政拨款支出预算X万元, 一般公共预算拨款支出预算X万元, then its
// items), 三公 amounts that are budgets (预算数为X万元), 机关运行经费预算, 政府采购预算 and its reserved shares,
// 绩效目标 (编报绩效目标的项目共N个，涉及项目预算资金X万元), vehicles to be bought, and the projects' 年度预算安排.
#include "import/narrative/phrase_rules.hpp"

#include <string>

#include "import/text_match.hpp"

namespace gongkai::import::narrative {

namespace {

// The projects with 绩效目标: counted as performance.projects, their money performance.amount.
Subject targets() {
    Subject s = money("performance");
    s.counts = Counts::projects;
    s.budget_is_amount = true;
    return s;
}

bool ends_with(const std::string& s, const std::string& end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

}  // namespace

Part budget_part_of_heading(const std::string& h) {
    if (contains(h, "预算编制说明")) return Part::budget_overview;
    if (contains(h, "项目经费")) return Part::project;
    // Jiangsu's 财政拨款支出预算: the fiscal spending, then its items.
    if (contains(h, "财政拨款支出预算") && !contains(h, "基本支出")) return Part::gb;
    // Jiangsu's sections: 收支预算总体, 收入预算, 支出预算 (the others name their fund or item as the 决算's do).
    for (const char* other : {"财政拨款", "一般公共预算", "基本支出", "政府性基金", "国有资本", "三公", "机关运行", "政府采购", "绩效"})
        if (contains(h, other)) return Part::unknown;
    if (contains(h, "收支预算总体") || contains(h, "收入、支出预算总体")) return Part::total;
    if (contains(h, "收入预算")) return Part::income;
    if (contains(h, "支出预算")) return Part::expenditure;
    return Part::unknown;
}

std::vector<SubjectPhrase> budget_phrases_for(Part part, std::vector<SubjectPhrase> v) {
    switch (part) {
    case Part::budget_overview:
        v.clear();
        v.push_back({"收入预算", money("income", "income.total")});
        v.push_back({"财政拨款收入", money("income.fiscal")});
        v.push_back({"事业收入", money("income.business")});
        v.push_back({"事业单位经营收入", money("income.operating")});
        v.push_back({"其他收入", money("income.other")});
        v.push_back({"支出预算", money("expenditure", "expenditure.total")});
        for (const char* p : {"财政拨款支出预算", "财政拨款支出"}) v.push_back({p, money("fiscal", "fiscal.total")});
        for (const char* p : {"一般公共预算拨款支出预算", "一般公共预算拨款支出", "一般公共预算支出预算"})
            v.push_back({p, money("gb", "gb.total")});
        for (const char* p : {"政府性基金拨款支出预算", "政府性基金拨款支出", "政府性基金预算拨款支出预算"})
            v.push_back({p, money("gov_fund", "gov_fund.total")});
        for (const char* p : {"国有资本经营预算拨款支出预算", "国有资本经营预算拨款支出"})
            v.push_back({p, money("state_capital", "state_capital.total")});
        break;
    case Part::total:
    case Part::income:
    case Part::expenditure:
        // Jiangsu: the sources of income and the 单位预留机动经费 beside 基本支出 and 项目支出.
        for (const char* p : {"收入、支出预算总计", "收、支预算总计", "收支预算总计", "收入支出预算总计"})
            v.push_back({p, money("total", "total.amount")});
        if (part != Part::expenditure) {
            for (const char* p : {"收入预算总计", "收入预算合计", "本年收入预算合计"}) v.push_back({p, money("income", "income.total")});
            v.push_back({"财政拨款收入", money("income.fiscal")});
            for (const char* p : {"一般公共预算收入", "一般公共预算拨款收入"}) v.push_back({p, money("income.general_budget")});
            for (const char* p : {"政府性基金收入", "政府性基金预算收入"}) v.push_back({p, money("income.government_fund")});
            v.push_back({"国有资本经营预算收入", money("income.state_capital")});
            v.push_back({"财政专户管理资金收入", money("income.fiscal_special")});
            for (const char* p : {"其他资金收入", "其他收入"}) v.push_back({p, money("income.other")});
            for (const char* p : {"上年结转资金", "上年结转"}) v.push_back({p, money("income.opening_balance")});
            v.push_back({"事业收入", money("income.business")});
        }
        if (part != Part::income)
            for (const char* p : {"支出预算总计", "支出预算合计", "本年支出预算合计"})
                v.push_back({p, money("expenditure", "expenditure.total")});
        for (const char* p : {"单位预留机动经费", "预留机动经费"}) v.push_back({p, money("expenditure.reserve")});
        break;
    case Part::gb:
        for (const char* p : {"财政拨款预算支出", "财政拨款支出预算", "财政拨款支出"})
            v.push_back({p, money("fiscal.expenditure")});
        break;
    case Part::three_public:
        // A 三公 item's planned amount is its budget.
        for (SubjectPhrase& p : v)
            if (p.subject.money && ends_with(p.subject.amount, ".actual")) p.subject.amount = p.subject.key + ".budget";
        for (const char* p : {"公务车购置及运行费", "公务车购置及运行维护费"}) {
            Subject s = money("three_public.vehicle", "three_public.vehicle.budget");
            v.push_back({p, s});
        }
        for (const char* p : {"公务车用车运行费", "公务车运行费", "公务用车运行维护费"})
            v.push_back({p, money("three_public.vehicle_operation", "three_public.vehicle_operation.budget")});
        // Jiangsu states the 会议费 and 培训费 in the same section.
        v.push_back({"会议费", money("meeting")});
        v.push_back({"培训费", money("training")});
        break;
    case Part::procurement:
        for (const char* p : {"政府采购预算", "政府采购支出预算总额", "政府采购支出预算"})
            v.push_back({p, money("procurement", "procurement.total")});
        for (SubjectPhrase& p : v)
            if (ends_with(p.subject.key, "_reserved")) p.subject.amount = p.subject.key + ".budget";
        for (const char* p : {"预留给小型和微型企业", "预留给小微企业", "面向小型和微型企业预留"})
            v.push_back({p, money("procurement.small_micro_reserved", "procurement.small_micro_reserved.budget")});
        break;
    case Part::performance:
        v.clear();
        for (const char* p : {"编报绩效目标", "实行绩效目标管理", "绩效目标管理"}) v.push_back({p, targets()});
        for (const char* p : {"涉及项目预算资金", "涉及财政性资金", "涉及预算资金"})
            v.push_back({p, money("performance", "performance.amount")});
        // "其中：中介机构服务费418.80万元，财政业务费10.00万元": the projects one by one.
        for (const char* p : {"其中：", "其中:"}) v.push_back({p, money("performance.item")});
        break;
    case Part::assets:
        v.push_back({"购置车辆", counted("assets.vehicles.total")});
        for (const char* p : {"100万（含）以上设备", "100万以上设备", "100万元（含）以上的设备"})
            v.push_back({p, counted("assets.equipment_over_1m")});
        v.push_back({"一般公务用车", counted("assets.vehicles.general")});
        for (const char* p : {"20万元（含）以上的设备", "20万元（含）以上设备", "20万元以上的设备", "20万元以上设备"})
            v.push_back({p, counted("assets.equipment_over_200k")});
        break;
    case Part::project: {
        // Its 年度预算安排: named amounts are the project's (default subject), a plan by quarter its own.
        v.clear();
        const char* quarters[] = {"第一季度", "第二季度", "第三季度", "第四季度"};
        for (int q = 0; q < 4; ++q)
            v.push_back({std::string(quarters[q]) + "用款计划", money("project.plan.q" + std::to_string(q + 1))});
        break;
    }
    default:
        break;
    }
    // A phrase given again for the budget replaces the 决算's meaning of it.
    std::vector<SubjectPhrase> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        bool later = false;
        for (std::size_t k = i + 1; k < v.size() && !later; ++k) later = v[k].phrase == v[i].phrase;
        if (!later) out.push_back(v[i]);
    }
    return out;
}

std::vector<SubjectPhrase> budget_trailing_phrases(Part part) {
    std::vector<SubjectPhrase> v;
    if (part == Part::performance) {
        v.push_back({"预算单位", counted("performance.units")});
        v.push_back({"项目", targets()});
    }
    if (part == Part::operating_cost) {
        // "下属1家机关和1家参公事业单位财政拨款的机关运行经费预算为…"
        v.push_back({"机关", counted("operating_cost.agencies")});
        for (const char* p : {"参公事业单位", "参照公务员法管理的事业单位"})
            v.push_back({p, counted("operating_cost.civil_service_managed_units")});
    }
    return v;
}

}  // namespace gongkai::import::narrative
