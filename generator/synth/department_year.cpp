#include "synth/department_year.hpp"

#include <map>
#include <stdexcept>

#include "model/money.hpp"

namespace gongkai::synth {

std::string money(Cents c) { return format_micro(c * 10'000, 2); }

std::string pct(std::int64_t part, std::int64_t whole) { return whole == 0 ? "0.00" : format_micro(*percent_micro(part, whole), 2); }

bool is_running_cost(const std::string& name) { return name == "行政运行" || name == "事业运行" || name == "机构运行"; }

// 30217 公务接待费 and 30231 公务用车运行维护费 are not among the goods items: they are the 三公 table's figures.
const std::vector<EconomicItem>& wage_items() {
    static const std::vector<EconomicItem> v = {{"30101", "基本工资", 22}, {"30102", "津贴补贴", 25}, {"30103", "奖金", 6}, {"30107", "绩效工资", 17},
        {"30108", "机关事业单位基本养老保险缴费", 11}, {"30109", "职业年金缴费", 4}, {"30110", "职工基本医疗保险缴费", 7}, {"30113", "住房公积金", 8}};
    return v;
}
const std::vector<EconomicItem>& goods_items() {
    static const std::vector<EconomicItem> v = {{"30201", "办公费", 18}, {"30205", "水费", 2}, {"30206", "电费", 7}, {"30207", "邮电费", 5},
        {"30211", "差旅费", 9}, {"30213", "维修（护）费", 7}, {"30215", "会议费", 3}, {"30216", "培训费", 4}, {"30228", "工会经费", 10},
        {"30239", "其他交通费用", 12}, {"30299", "其他商品和服务支出", 23}};
    return v;
}
const std::vector<EconomicItem>& family_items() {
    static const std::vector<EconomicItem> v = {{"30302", "退休费", 75}, {"30305", "生活补助", 25}};
    return v;
}

const char* economic_name(const std::string& code) {
    static const std::map<std::string, const char*> names = [] {
        std::map<std::string, const char*> m = {{"301", "工资福利支出"}, {"302", "商品和服务支出"}, {"303", "对个人和家庭的补助"},
                                                {"30217", "公务接待费"}, {"30231", "公务用车运行维护费"}};
        for (const auto* list : {&wage_items(), &goods_items(), &family_items()})
            for (const auto& x : *list) m[x.code] = x.name;
        return m;
    }();
    auto it = names.find(code);
    if (it == names.end()) throw std::out_of_range("no economic class " + code);
    return it->second;
}

}  // namespace gongkai::synth
