#include "import/tables/two_sided_keys.hpp"

#include <array>
#include <utility>

#include "import/tables/cell_text.hpp"
#include "import/text_match.hpp"

namespace gongkai::import {

namespace {

// Length in bytes of the run of numerals (Chinese 一…十百零〇 or ASCII digits) at the start of text.
std::size_t numeral_run(std::string_view text) {
    static constexpr std::array<std::string_view, 13> kChinese = {"一", "二", "三", "四", "五", "六", "七",
                                                                  "八", "九", "十", "百", "零", "〇"};
    std::size_t at = 0;
    while (at < text.size()) {
        if (text[at] >= '0' && text[at] <= '9') {
            ++at;
            continue;
        }
        bool found = false;
        for (std::string_view numeral : kChinese)
            if (starts_with(text.substr(at), numeral)) {
                at += numeral.size();
                found = true;
                break;
            }
        if (!found) break;
    }
    return at;
}

// The 类 of the 政府收支分类科目 (支出功能分类) by name. The 2024 names first, then earlier names of the
// same codes (文化体育与传媒 before 2019, 医疗卫生与计划生育 before 2019, 国土海洋气象等 before 2019).
constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kFunctionClasses = {{
    {"一般公共服务支出", "201"},
    {"外交支出", "202"},
    {"国防支出", "203"},
    {"公共安全支出", "204"},
    {"教育支出", "205"},
    {"科学技术支出", "206"},
    {"文化旅游体育与传媒支出", "207"},
    {"社会保障和就业支出", "208"},
    {"卫生健康支出", "210"},
    {"节能环保支出", "211"},
    {"城乡社区支出", "212"},
    {"农林水支出", "213"},
    {"交通运输支出", "214"},
    {"资源勘探工业信息等支出", "215"},
    {"商业服务业等支出", "216"},
    {"金融支出", "217"},
    {"援助其他地区支出", "219"},
    {"自然资源海洋气象等支出", "220"},
    {"住房保障支出", "221"},
    {"粮油物资储备支出", "222"},
    {"国有资本经营预算支出", "223"},
    {"灾害防治及应急管理支出", "224"},
    {"其他支出", "229"},
    {"债务还本支出", "231"},
    {"债务付息支出", "232"},
    {"债务发行费用支出", "233"},
    {"抗疫特别国债安排的支出", "234"},
    {"文化体育与传媒支出", "207"},
    {"医疗卫生与计划生育支出", "210"},
    {"国土海洋气象等支出", "220"},
}};

}  // namespace

std::string bare_item_name(std::string_view raw) {
    std::string name = normalise_label(raw);
    std::string_view rest = name;
    const std::size_t run = numeral_run(rest);
    if (run > 0) {
        const std::string_view after = rest.substr(run);
        for (std::string_view mark : {"、", ".", "．", "，"})
            if (starts_with(after, mark)) {
                rest = after.substr(mark.size());
                break;
            }
    } else {
        for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}}) {
            if (!starts_with(rest, open)) continue;
            const std::string_view inner = rest.substr(open.size());
            const std::size_t n = numeral_run(inner);
            if (n > 0 && starts_with(inner.substr(n), close)) rest = inner.substr(n + close.size());
            break;
        }
    }
    for (std::string_view mark : {"其中：", "其中:"})
        if (starts_with(rest, mark)) rest.remove_prefix(mark.size());
    return std::string(rest);
}

std::optional<std::string> function_class_code(std::string_view name) {
    const std::string bare = bare_item_name(name);
    for (const auto& [class_name, code] : kFunctionClasses)
        if (bare == class_name) return std::string(code);
    return std::nullopt;
}

std::optional<SideKeyReader::Key> SideKeyReader::next_budget(const std::string& bare) {
    auto key = [](std::string k) { return std::optional<Key>(Key{std::move(k), ""}); };
    auto one_of = [&](std::initializer_list<std::string_view> names) {
        for (std::string_view n : names)
            if (bare == n) return true;
        return false;
    };
    if (one_of({"总计", "收入总计", "支出总计", "收支总计"})) return key("grand_total");
    if (income_) {
        if (one_of({"本年收入合计", "收入合计", "本年收入"})) return key("total_income");
        if (one_of({"上年结转", "上年结转资金", "上年结转结余", "上年结转和结余", "年初结转和结余"})) return key("opening_balance");
        if (one_of({"一般公共预算资金", "一般公共预算", "一般公共预算收入", "一般公共预算拨款", "一般公共预算拨款收入",
                    "一般公共预算财政拨款", "一般公共预算财政拨款收入"}))
            return key("general_budget");
        if (one_of({"政府性基金", "政府性基金预算", "政府性基金收入", "政府性基金预算收入", "政府性基金预算拨款",
                    "政府性基金预算拨款收入", "政府性基金预算财政拨款", "政府性基金预算财政拨款收入"}))
            return key("government_fund");
        if (one_of({"国有资本经营预算", "国有资本经营预算收入", "国有资本经营预算拨款", "国有资本经营预算拨款收入",
                    "国有资本经营预算财政拨款", "国有资本经营预算财政拨款收入"}))
            return key("state_capital");
        if (fiscal_) return std::nullopt;
        if (one_of({"财政拨款收入", "财政拨款"})) return key("fiscal");
        if (one_of({"财政专户管理资金", "财政专户管理资金收入"})) return key("fiscal_special");
        if (one_of({"事业收入"})) return key("business");
        if (one_of({"事业单位经营收入", "经营收入"})) return key("operating");
        if (one_of({"其他收入"})) return key("other");
        return std::nullopt;
    }
    if (one_of({"本年支出合计", "支出合计", "本年支出"})) return key("total_expenditure");
    if (one_of({"结转下年", "结转下年资金", "年末结转和结余", "年末结转"})) return key("closing_balance");
    if (!fiscal_) {
        if (one_of({"基本支出"})) return key("basic");
        if (one_of({"项目支出"})) return key("project");
        if (one_of({"单位预留机动经费", "预留机动经费"})) return key("reserve");
    }
    if (std::optional<std::string> code = function_class_code(bare)) return Key{"", *code};
    return std::nullopt;
}

std::optional<SideKeyReader::Key> SideKeyReader::next(const std::string& name) {
    const std::string bare = bare_item_name(name);
    auto key = [](std::string k) { return std::optional<Key>(Key{std::move(k), ""}); };
    if (bare.empty()) return key("blank");
    if (budget_) return next_budget(bare);
    if (bare == "总计") {
        under_balance_ = false;
        return key("grand_total");
    }
    if (income_) {
        if (bare == "本年收入合计") {
            under_balance_ = false;
            return key("total_income");
        }
        if (bare == (fiscal_ ? "年初财政拨款结转和结余" : "年初结转和结余")) {
            under_balance_ = true;
            return key("opening_balance");
        }
        // The fund sources: 一般公共预算财政拨款(收入) etc.; under the opening balance they are its parts.
        static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kFunds = {{
            {"一般公共预算财政拨款", "general_budget"},
            {"政府性基金预算财政拨款", "government_fund"},
            {"国有资本经营预算财政拨款", "state_capital"},
        }};
        for (const auto& [fund, id] : kFunds) {
            const bool exact = bare == fund;
            const bool with_income = bare == std::string(fund) + "收入";
            if (!exact && !with_income) continue;
            if (fiscal_ && under_balance_ && exact) return key("opening_" + std::string(id));
            if (!under_balance_) return key(std::string(id));
            return std::nullopt;
        }
        if (fiscal_ || under_balance_) return std::nullopt;
        static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kSources = {{
            {"上级补助收入", "higher_subsidy"},
            {"事业收入", "business"},
            {"经营收入", "operating"},
            {"附属单位上缴收入", "affiliated"},
            {"其他收入", "other"},
        }};
        for (const auto& [source, id] : kSources)
            if (bare == source) return key(std::string(id));
        if (starts_with(bare, "使用非财政拨款结余")) return key("use_non_fiscal_balance");
        return std::nullopt;
    }
    // Expenditure side.
    if (bare == "本年支出合计") {
        under_balance_ = false;
        return key("total_expenditure");
    }
    if (!fiscal_ && bare == "结余分配") return key("balance_distribution");
    if (bare == (fiscal_ ? "年末财政拨款结转和结余" : "年末结转和结余")) {
        under_balance_ = true;
        return key("closing_balance");
    }
    if (fiscal_ && under_balance_) {
        if (bare == "一般公共预算财政拨款") return key("closing_general_budget");
        if (bare == "政府性基金预算财政拨款") return key("closing_government_fund");
        if (bare == "国有资本经营预算财政拨款") return key("closing_state_capital");
        return std::nullopt;
    }
    if (under_balance_) return std::nullopt;
    if (std::optional<std::string> code = function_class_code(bare)) return Key{"", *code};
    return std::nullopt;
}

}  // namespace gongkai::import
