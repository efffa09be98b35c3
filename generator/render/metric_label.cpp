#include "render/metric_label.hpp"

#include <map>
#include <set>
#include <vector>

namespace gongkai {

namespace {

// Ids whose plain name is not the subject followed by the attribute.
const std::map<std::string, std::string>& whole_ids() {
    static const std::map<std::string, std::string> m = {
        {"total.amount", "收支总计"}, {"income.total", "本年收入合计"}, {"expenditure.total", "本年支出合计"},
        {"fiscal.total", "财政拨款收支总计"}, {"gb.total", "一般公共预算财政拨款支出"},
        {"gb.share", "一般公共预算财政拨款支出占本年支出合计比例"},
        {"gb.budget", "年初预算"}, {"gb.actual", "支出决算"}, {"gb.completion", "完成年初预算比例"},
        {"gb.full_year.completion", "完成全年预算比例"},
        {"gb.item.budget", "项目年初预算"}, {"gb.item.actual", "项目支出决算"}, {"gb.item.completion", "项目完成年初预算比例"},
        {"gb.item.full_year.completion", "项目完成全年预算比例"},
        {"gb.planning_services.completion", "规划服务项目完成年初预算比例"},  // 普陀区规划和自然资源局 2024
        {"basic.total", "基本支出"},
        {"gov_fund.income", "政府性基金预算财政拨款收入"}, {"state_capital.income", "国有资本经营预算财政拨款收入"},
        {"procurement.total", "政府采购支出总额"}, {"procurement.goods", "政府采购货物支出"},
        {"procurement.works", "政府采购工程支出"}, {"procurement.services", "政府采购服务支出"},
        {"procurement.goods_sme", "授予中小企业的货物合同金额"}, {"procurement.works_sme", "授予中小企业的工程合同金额"},
        {"procurement.services_sme", "授予中小企业的服务合同金额"},
        {"assets.vehicles.total", "车辆总数"}, {"three_public.vehicles.count", "公务用车保有量"},
        {"performance.self_eval.amount", "绩效自评项目涉及预算金额"}, {"performance.targets.amount", "编报绩效目标项目涉及预算金额"},
        {"performance.tracking.amount", "绩效跟踪评价项目涉及预算金额"}, {"performance.ex_ante.amount", "事前绩效评估项目涉及预算金额"},
        {"performance.monitoring.amount", "绩效监控项目涉及预算金额"}, {"performance.evaluation.amount", "绩效评价项目涉及预算金额"},
    };
    return m;
}

// What a figure is about: a dotted prefix of its id (without the attribute) and its name; the longest match wins.
const std::map<std::string, std::string>& subjects() {
    static const std::map<std::string, std::string> m = {
        {"total", "收支总计"},
        {"income", "本年收入"}, {"income.fiscal", "财政拨款收入"}, {"income.higher_subsidy", "上级补助收入"},
        {"income.business", "事业收入"}, {"income.operating", "经营收入"}, {"income.affiliated", "附属单位上缴收入"},
        {"income.other", "其他收入"},
        {"expenditure", "本年支出"}, {"expenditure.basic", "基本支出"}, {"expenditure.project", "项目支出"},
        {"expenditure.to_higher", "上缴上级支出"}, {"expenditure.operating", "经营支出"},
        {"expenditure.affiliated_subsidy", "对附属单位补助支出"}, {"expenditure.other", "其他支出"},
        {"fiscal", "财政拨款收支总计"},
        {"gb", "一般公共预算财政拨款支出"}, {"gb.class", "功能分类（类）支出"}, {"gb.item", "项目"},
        {"gb.full_year", "全年"}, {"gb.item.full_year", "项目全年"},
        {"basic", "基本支出"}, {"basic.personnel", "人员经费"}, {"basic.public", "公用经费"},
        {"three_public", "“三公”经费"}, {"three_public.total", "“三公”经费"}, {"three_public.abroad", "因公出国（境）费"},
        {"three_public.vehicle", "公务用车购置及运行维护费"}, {"three_public.vehicle_purchase", "公务用车购置费"},
        {"three_public.vehicle_operation", "公务用车运行维护费"}, {"three_public.reception", "公务接待费"},
        {"three_public.reception.domestic", "国内公务接待费"}, {"three_public.reception.foreign", "外宾接待费"},
        {"three_public.vehicles", "公务用车"},
        {"operating_cost", "机关运行经费"}, {"meeting", "会议费"}, {"training", "培训费"}, {"events", "活动经费"},
        {"procurement", "政府采购"}, {"procurement.sme", "授予中小企业合同金额"},
        {"procurement.small_micro", "授予小微企业合同金额"}, {"procurement.sme_reserved", "面向中小企业预留的采购项目"},
        {"procurement.small_micro_reserved", "面向小微企业预留的采购项目"},
        {"procurement.sme_other", "其他采购项目中中小企业"},
        {"assets", "资产"}, {"assets.vehicles", "车辆"}, {"assets.vehicles.ministerial", "副部（省）级及以上领导用车"},
        {"assets.vehicles.head", "主要负责人用车"}, {"assets.vehicles.confidential", "机要通信用车"},
        {"assets.vehicles.emergency", "应急保障用车"}, {"assets.vehicles.law_enforcement", "执法执勤用车"},
        {"assets.vehicles.special", "特种专业技术用车"}, {"assets.vehicles.retiree", "离退休干部服务用车"},
        {"assets.vehicles.other", "其他用车"}, {"assets.equipment_over_1m", "单价100万元以上设备"},
        {"assets.general_equipment_over_500k", "单价50万元以上通用设备"},
        {"assets.special_equipment_over_1m", "单价100万元以上专用设备"},
        {"performance", "预算绩效"}, {"performance.self_eval", "绩效自评"}, {"performance.targets", "编报绩效目标"},
        {"performance.tracking", "绩效跟踪评价"}, {"performance.ex_ante", "事前绩效评估"},
        {"performance.monitoring", "绩效监控"}, {"performance.evaluation", "绩效评价"},
        {"staffing", "人员编制"}, {"vehicles", "车辆"},
    };
    return m;
}

// The last part of an id: what is said about the subject, appended to its name.
const std::map<std::string, std::string>& attributes() {
    static const std::map<std::string, std::string> m = {
        {"amount", ""}, {"share", "占比"}, {"budget", "预算"}, {"actual", "决算"}, {"completion", "完成预算比例"},
        {"yoy_change", "较上年变动"}, {"yoy_pct", "较上年变动率"}, {"total", "合计"}, {"count", "数量"},
        {"projects", "项目数"}, {"awarded", "中标成交金额"}, {"score", "平均得分"},
        {"groups", "团组数"}, {"persons", "人次"}, {"guests", "来宾人数"},
        {"foreign_groups", "外宾批次"}, {"foreign_persons", "外宾人次"},
        {"excellent", "评级为“优”的项目数"}, {"good", "评级为“良”的项目数"}, {"pass", "评级为“合格”的项目数"},
        {"fail", "评级为“不合格”的项目数"}, {"problems", "发现问题数"}, {"rectified", "已整改问题数"},
        {"rectifying", "正在整改问题数"},
    };
    return m;
}

// Counts of people or groups: "公务接待费" + 人次 reads "公务接待人次".
bool is_count(const std::string& attribute) {
    static const std::set<std::string> counts = {"groups", "persons", "guests", "foreign_groups", "foreign_persons"};
    return counts.count(attribute) > 0;
}

std::vector<std::string> split_dots(const std::string& s) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        std::size_t dot = s.find('.', start);
        parts.push_back(s.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) return parts;
        start = dot + 1;
    }
}

std::string without_prefix(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0 ? s.substr(prefix.size()) : s;
}

}  // namespace

std::string metric_label(const std::string& metric) {
    if (auto it = whole_ids().find(metric); it != whole_ids().end()) return it->second;
    // 政府性基金 and 国有资本经营 figures follow the gb.* pattern, with their own fund named.
    for (auto [fund, name] : {std::pair{"gov_fund.", "政府性基金预算财政拨款"}, std::pair{"state_capital.", "国有资本经营预算财政拨款"}})
        if (metric.rfind(fund, 0) == 0) {
            std::string gb = metric_label("gb." + metric.substr(std::string(fund).size()));
            return name + without_prefix(gb, "一般公共预算财政拨款");
        }

    std::vector<std::string> parts = split_dots(metric);
    std::string attribute_id, attribute;
    if (parts.size() > 1)
        if (auto it = attributes().find(parts.back()); it != attributes().end()) {
            attribute_id = parts.back();
            attribute = it->second;
            parts.pop_back();
        }
    // The longest known subject, then any further parts the vocabulary does not name, kept as printed.
    std::size_t matched = 0;
    std::string subject, prefix;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        prefix += (i ? "." : "") + parts[i];
        if (auto it = subjects().find(prefix); it != subjects().end()) {
            matched = i + 1;
            subject = it->second;
        }
    }
    if (matched == 0) return metric;  // nothing known: the id itself rather than an invented name
    for (std::size_t i = matched; i < parts.size(); ++i) subject += "（" + parts[i] + "）";
    if (is_count(attribute_id) && subject.ends_with("费")) subject.resize(subject.size() - std::string("费").size());
    return subject + attribute;
}

}  // namespace gongkai
