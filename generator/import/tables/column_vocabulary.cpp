#include "import/tables/column_vocabulary.hpp"

#include <map>
#include <utility>

#include "import/text_match.hpp"

namespace gongkai::import {

namespace {

using Labels = std::vector<std::pair<std::string, std::string>>;  // printed label → column id

const Labels& value_labels(const std::string& kind) {
    static const std::map<std::string, Labels> vocab = {
        {"income",
         {{"本年收入合计", "total"}, {"收入合计", "total"}, {"合计", "total"}, {"本年收入", "total"},
          {"财政拨款收入", "fiscal"}, {"财政拨款", "fiscal"}, {"上级补助收入", "higher_subsidy"},
          {"事业收入", "business"}, {"经营收入", "operating"}, {"附属单位上缴收入", "affiliated"},
          {"其他收入", "other"}}},
        {"expenditure",
         {{"本年支出合计", "total"}, {"支出合计", "total"}, {"合计", "total"}, {"本年支出", "total"},
          {"基本支出", "basic"}, {"项目支出", "project"}, {"上缴上级支出", "to_higher"}, {"经营支出", "operating"},
          {"对附属单位补助支出", "affiliated_subsidy"}}},
        {"general_budget_expenditure",
         {{"合计", "total"}, {"小计", "total"}, {"本年支出合计", "total"}, {"本年支出", "total"}, {"总计", "total"},
          {"基本支出", "basic"}, {"项目支出", "project"}}},
        {"government_fund",
         {{"年初结转和结余", "opening_balance"}, {"年初结转结余", "opening_balance"}, {"本年收入", "income"},
          {"小计", "total"}, {"合计", "total"}, {"本年支出合计", "total"}, {"本年支出", "total"},
          {"基本支出", "basic"}, {"项目支出", "project"}, {"年末结转和结余", "closing_balance"},
          {"年末结转结余", "closing_balance"}}},
        // 部门预算 tables (Shanghai and Jiangsu).
        {"budget_income",
         {{"合计", "total"}, {"总计", "total"}, {"收入合计", "total"}, {"本年收入合计", "total"},
          {"财政拨款收入", "fiscal"}, {"财政拨款", "fiscal"}, {"一般公共预算", "general_budget"},
          {"一般公共预算收入", "general_budget"}, {"一般公共预算拨款收入", "general_budget"},
          {"一般公共预算资金", "general_budget"}, {"政府性基金预算", "government_fund"},
          {"政府性基金预算收入", "government_fund"}, {"政府性基金预算拨款收入", "government_fund"},
          {"政府性基金", "government_fund"}, {"国有资本经营预算", "state_capital"},
          {"国有资本经营预算收入", "state_capital"}, {"财政专户管理资金", "fiscal_special"},
          {"财政专户管理资金收入", "fiscal_special"}, {"事业收入", "business"},
          {"事业单位经营收入", "operating"}, {"经营收入", "operating"}, {"其他收入", "other"},
          {"上年结转", "opening_balance"}, {"上年结转资金", "opening_balance"}, {"上年结转结余", "opening_balance"}}},
        {"budget_expenditure",
         {{"合计", "total"}, {"总计", "total"}, {"小计", "total"}, {"支出合计", "total"}, {"本年支出合计", "total"},
          {"基本支出", "basic"}, {"项目支出", "project"}, {"单位预留机动经费", "reserve"},
          {"预留机动经费", "reserve"}}},
        {"budget_government_fund",
         {{"合计", "total"}, {"总计", "total"}, {"小计", "total"}, {"基本支出", "basic"}, {"项目支出", "project"}}},
        {"budget_basic_economic",
         {{"合计", "total"}, {"总计", "total"}, {"小计", "total"}, {"人员经费", "personnel"},
          {"人员支出", "personnel"}, {"公用经费", "public"}, {"公用支出", "public"}}},
        {"budget_operating_cost",
         {{"合计", "amount"}, {"金额", "amount"}, {"预算数", "amount"}, {"机关运行经费", "amount"}}},
        {"budget_procurement",
         {{"合计", "total"}, {"总计", "total"}, {"货物", "goods"}, {"货物类", "goods"}, {"工程", "works"},
          {"工程类", "works"}, {"服务", "services"}, {"服务类", "services"}}},
    };
    static const Labels none;
    static const std::map<std::string, std::string> same_as = {
        {"state_capital", "government_fund"},
        {"budget_general_function", "budget_expenditure"},
        {"budget_fiscal_expenditure", "budget_expenditure"},
        {"budget_state_capital", "budget_government_fund"},
        {"budget_fiscal_basic", "budget_basic_economic"},
    };
    const auto alias = same_as.find(kind);
    const std::string& key = alias == same_as.end() ? kind : alias->second;
    const auto it = vocab.find(key);
    return it == vocab.end() ? none : it->second;
}

}  // namespace

ColumnMeaning column_meaning(const std::string& kind, const std::vector<std::string>& labels) {
    // The lowest label decides: a parent label (本年支出 over 小计/基本支出/项目支出) never names a column.
    if (labels.empty()) return {};
    const std::string& label = labels.back();
    for (const auto& [printed, id] : value_labels(kind))
        if (label == printed) return {ColumnRole::value, id, label};
    if (contains(label, "编码") || contains(label, "代码") || label == "类" || label == "款" || label == "项")
        return {ColumnRole::code, "", label};
    if (contains(label, "名称") || label == "项目") return {ColumnRole::name, "", label};
    if (label == "行次") return {ColumnRole::line, "", label};
    return {ColumnRole::none, "", label};
}

}  // namespace gongkai::import
