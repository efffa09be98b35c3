#include "render/view_common.hpp"

#include <map>

namespace gongkai {

std::string money_text(const MaybeMoney& m) { return m ? format_micro_grouped(*m, 2) : "—"; }

AmountDisplay amount_display(const MaybeMoney& m) {
    if (!m) return {"—", ""};
    constexpr std::int64_t yi = 10'000 * kMicro;  // 1 亿元 in millionths of 万元
    if (*m >= yi || *m <= -yi) {
        // 亿元 = 万元 / 10,000, rounded half away from zero in the integer domain.
        std::int64_t q = *m / 10'000, r = *m % 10'000;
        if (r >= 5'000) ++q;
        else if (r <= -5'000) --q;
        return {format_micro_grouped(q, 2), "亿元"};
    }
    return {format_micro_grouped(*m, 2), "万元"};
}

std::string amount_text(const MaybeMoney& m) {
    AmountDisplay d = amount_display(m);
    return d.unit.empty() ? d.value : d.value + "\u00a0" + d.unit;
}

std::string printed_grouped(const std::string& printed) {
    std::size_t start = (!printed.empty() && (printed[0] == '-' || printed[0] == '+')) ? 1 : 0;
    std::size_t end = start;
    while (end < printed.size() && printed[end] >= '0' && printed[end] <= '9') ++end;
    std::size_t digits = end - start;
    if (digits < 4) return printed;
    for (std::size_t i = end; i < printed.size(); ++i)  // only a plain decimal: digits, one point, digits
        if (!(printed[i] >= '0' && printed[i] <= '9') && !(i == end && printed[i] == '.')) return printed;
    std::string out = printed.substr(0, start);
    for (std::size_t i = start; i < end; ++i) {
        if (i > start && (end - i) % 3 == 0) out += ',';
        out += printed[i];
    }
    return out + printed.substr(end);
}

json money_number(const MaybeMoney& m) {
    if (!m) return nullptr;
    return static_cast<double>(*m) / static_cast<double>(kMicro);
}

std::string share_text(const MaybeMoney& part, const MaybeMoney& whole) {
    if (!part || !whole) return "—";
    auto p = percent_micro(*part, *whole);
    return p ? format_micro(*p, kPercentDecimals) + "%" : "—";
}

std::string pct_text(const std::optional<std::int64_t>& p) {
    if (!p) return "—";
    return (*p > 0 ? "+" : "") + format_micro(*p, kPercentDecimals) + "%";
}

std::string change_text(const MaybeMoney& m) {
    if (!m) return "—";
    return (*m > 0 ? "+" : "") + format_micro_grouped(*m, 2);
}

std::string metric_label(const std::string& metric) {
    static const std::map<std::string, std::string> whole = {
        {"total.amount", "收支总计"}, {"total.yoy_change", "收支总计较上年变动"}, {"total.yoy_pct", "收支总计较上年变动率"},
        {"income.total", "本年收入合计"}, {"expenditure.total", "本年支出合计"},
        {"fiscal.total", "财政拨款收支总计"}, {"fiscal.yoy_change", "财政拨款收支总计较上年变动"}, {"fiscal.yoy_pct", "财政拨款收支总计较上年变动率"},
        {"gb.total", "一般公共预算财政拨款支出"}, {"gb.share", "占本年支出合计比例"}, {"gb.yoy_change", "较上年变动"}, {"gb.yoy_pct", "较上年变动率"},
        {"gb.class.amount", "功能分类（类）支出"}, {"gb.class.share", "功能分类（类）支出占比"},
        {"gb.budget", "年初预算"}, {"gb.actual", "支出决算"}, {"gb.completion", "完成年初预算比例"},
        {"gb.item.budget", "项目年初预算"}, {"gb.item.actual", "项目支出决算"}, {"gb.item.completion", "项目完成年初预算比例"},
        {"basic.total", "基本支出"}, {"basic.personnel.amount", "人员经费"}, {"basic.personnel.share", "人员经费占比"},
        {"basic.public.amount", "公用经费"}, {"basic.public.share", "公用经费占比"},
        {"operating_cost.amount", "机关运行经费"}, {"operating_cost.yoy_change", "机关运行经费较上年变动"}, {"operating_cost.yoy_pct", "机关运行经费较上年变动率"},
        {"meeting.amount", "会议费"}, {"training.amount", "培训费"},
        {"procurement.total", "政府采购支出总额"}, {"procurement.goods", "政府采购货物支出"}, {"procurement.works", "政府采购工程支出"},
        {"procurement.services", "政府采购服务支出"}, {"procurement.sme.amount", "授予中小企业合同金额"}, {"procurement.sme.share", "授予中小企业合同金额占比"},
        {"procurement.small_micro.amount", "授予小微企业合同金额"}, {"procurement.small_micro.share", "授予小微企业合同金额占比"},
        {"assets.vehicles.total", "车辆总数"}, {"assets.equipment_over_1m", "单价100万元以上设备"},
        {"three_public.vehicles.count", "公务用车保有量"},
    };
    if (auto it = whole.find(metric); it != whole.end()) return it->second;
    static const std::map<std::string, std::string> parts = {
        {"income", "收入"}, {"expenditure", "支出"}, {"fiscal", "财政拨款"}, {"higher_subsidy", "上级补助"}, {"business", "事业"},
        {"operating", "经营"}, {"affiliated", "附属单位上缴"}, {"other", "其他"}, {"basic", "基本支出"}, {"project", "项目支出"},
        {"to_higher", "上缴上级支出"}, {"affiliated_subsidy", "对附属单位补助支出"}, {"amount", "金额"}, {"share", "占比"},
        {"three_public", "“三公”经费"}, {"total", "合计"}, {"abroad", "因公出国（境）费"}, {"vehicle", "公务用车购置及运行维护费"},
        {"vehicle_purchase", "公务用车购置费"}, {"vehicle_operation", "公务用车运行维护费"}, {"reception", "公务接待费"},
        {"budget", "预算"}, {"actual", "决算"}, {"completion", "完成预算比例"}, {"yoy_change", "较上年变动"}, {"yoy_pct", "较上年变动率"},
        {"groups", "团组数"}, {"persons", "人次"}, {"guests", "来宾人数"}, {"assets", "资产"}, {"vehicles", "车辆"},
        {"ministerial", "部级领导用车"}, {"head", "主要负责人用车"}, {"confidential", "机要通信用车"}, {"emergency", "应急保障用车"},
        {"law_enforcement", "执法执勤用车"}, {"special", "特种专业技术用车"}, {"retiree", "离退休干部服务用车"},
        {"procurement", "政府采购"}, {"sme_reserved", "面向中小企业预留"}, {"small_micro_reserved", "面向小微企业预留"},
        {"sme_other", "其他项目中小企业"}, {"awarded", "中标成交金额"}, {"performance", "预算绩效"}, {"projects", "项目数"},
        {"score", "平均得分"}, {"staffing", "人员编制"}, {"count", "数量"},
    };
    std::string out;
    std::size_t start = 0;
    while (start <= metric.size()) {
        std::size_t dot = metric.find('.', start);
        std::string part = metric.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        auto it = parts.find(part);
        out += it != parts.end() ? it->second : part;
        if (dot == std::string::npos) break;
        out += "·";
        start = dot + 1;
    }
    return out;
}

std::string root_prefix(int depth) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += "../";
    return s;
}

std::string department_path(const Filing& f) {
    return f.county_dir + "/" + std::to_string(f.year) + "/" + f.slug + "/";
}

std::string county_year_path(const std::string& county_dir, int year) {
    return county_dir + "/" + std::to_string(year) + "/";
}

}  // namespace gongkai
