#include "import/tables/column_vocabulary.hpp"

#include <map>
#include <utility>

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
    };
    static const Labels none;
    const std::string& key = kind == "state_capital" ? std::string("government_fund") : kind;
    const auto it = vocab.find(key);
    return it == vocab.end() ? none : it->second;
}

bool contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

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
