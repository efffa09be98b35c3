#include "render/site_glossary.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace gongkai {

namespace {

// Replaces every occurrence of `from` in `s` by `to` (UTF-8 sequences are self-delimiting, so this never
// splits a character).
void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

// Number of code points of valid UTF-8 text.
std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Leading and trailing ASCII white space, U+3000 and U+00A0 removed.
std::string trimmed(std::string_view s) {
    auto starts = [&](std::string_view p) { return s.substr(0, p.size()) == p; };
    auto ends = [&](std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; };
    for (bool again = true; again && !s.empty();) {
        again = false;
        for (std::string_view sp : {" ", "\t", "\n", "\r", "\u3000", "\u00a0"}) {
            if (starts(sp)) { s.remove_prefix(sp.size()); again = true; }
            if (ends(sp)) { s.remove_suffix(sp.size()); again = true; }
        }
    }
    return std::string(s);
}

}  // namespace

std::string glossary_key(std::string_view text) {
    std::string s(text);
    for (std::string_view gone : {" ", "\t", "\n", "\r", "\u3000", "\u00a0", "\u201c", "\u201d", "\u2018", "\u2019", "\"", "'",
                                  "\u300c", "\u300d", "\u300e", "\u300f"})
        replace_all(s, gone, "");
    static const std::pair<std::string_view, std::string_view> kFolded[] = {
        {"\uff08", "("}, {"\uff09", ")"}, {"\uff1a", ":"}, {"\uff0c", ","}, {"\uff1b", ";"}};
    for (auto [wide, narrow] : kFolded) replace_all(s, wide, narrow);
    const std::string_view stop = "\u3002";
    while (s.size() >= stop.size() && std::string_view(s).substr(s.size() - stop.size()) == stop) s.resize(s.size() - stop.size());
    return s;
}

std::string term_from_definition(std::string_view definition) {
    std::string d = trimmed(definition);
    std::size_t cut = std::string::npos;
    for (std::string_view sep : {"是指", "\uff1a", ":"}) cut = std::min(cut, d.find(sep));
    if (cut == std::string::npos || cut == 0) return "";
    std::string term = trimmed(std::string_view(d).substr(0, cut));
    // A term is short and is not itself a clause: no sentence punctuation inside.
    if (term.empty() || code_points(term) > 16) return "";
    for (std::string_view p : {"\uff0c", "\u3002", "\u3001", "\uff1b", ",", ";"})
        if (term.find(p) != std::string::npos) return "";
    return term;
}

GlossaryGroups group_glossary(const std::vector<const Filing*>& filings) {
    GlossaryGroups out;
    std::map<std::string, std::size_t> term_at;                            // term key -> index in out.terms
    std::vector<std::map<std::string, std::size_t>> variant_at;             // per term: definition key -> variant
    std::vector<std::vector<std::pair<std::string, std::size_t>>> printed;  // per term: printed forms and counts
    std::map<std::string, std::size_t> untitled_at;
    auto add = [](std::vector<GlossaryVariant>& variants, std::map<std::string, std::size_t>& at, const std::string& definition,
                  const Filing* f, bool derived) {
        std::string key = glossary_key(definition);
        auto [it, fresh] = at.emplace(key, variants.size());
        if (fresh) variants.push_back({trimmed(definition), {}, derived});
        GlossaryVariant& v = variants[it->second];
        if (std::find(v.sources.begin(), v.sources.end(), f) == v.sources.end()) v.sources.push_back(f);
    };
    for (const Filing* f : filings)
        for (const auto& g : f->glossary) {
            std::string term = trimmed(g.term);
            bool derived = false;
            if (term.empty()) {
                term = term_from_definition(g.definition);
                derived = true;
            }
            if (term.empty()) {
                add(out.untitled, untitled_at, g.definition, f, false);
                continue;
            }
            std::string key = glossary_key(term);
            auto [it, fresh] = term_at.emplace(key, out.terms.size());
            if (fresh) {
                out.terms.push_back({key, term, {}});
                variant_at.emplace_back();
                printed.emplace_back();
            }
            std::size_t t = it->second;
            add(out.terms[t].variants, variant_at[t], g.definition, f, derived);
            if (!derived) {
                auto& forms = printed[t];
                auto form = std::find_if(forms.begin(), forms.end(), [&](const auto& p) { return p.first == term; });
                if (form == forms.end()) forms.emplace_back(term, 1);
                else ++form->second;
            }
        }
    for (std::size_t t = 0; t < out.terms.size(); ++t) {
        // The printed form most filings use (the first seen on a tie); a derived term only when none printed it.
        const auto& forms = printed[t];
        auto best = std::max_element(forms.begin(), forms.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        if (best != forms.end()) out.terms[t].term = best->first;
        std::stable_sort(out.terms[t].variants.begin(), out.terms[t].variants.end(),
                         [](const GlossaryVariant& a, const GlossaryVariant& b) { return a.sources.size() > b.sources.size(); });
    }
    return out;
}

const std::vector<SiteTerm>& site_terms() {
    static const std::vector<SiteTerm> terms = [] {
        std::vector<SiteTerm> t = {
            {"expenditure-total", "支出合计与收支总计", "",
             "“支出合计”（本年支出合计）是部门当年实际花出去的钱，本站说“支出”时都指它。“收支总计”是表格两边的总数："
             "支出一侧是本年支出合计加上结余分配和年末结转和结余，收入一侧是本年收入合计加上使用的结余和年初结转和结余，"
             "所以它不会小于支出合计（有结余或结转时更大）。本站用到收支总计时会明确写出“收支总计”。"},
            {"basic", "基本支出", "",
             "为保障机构正常运转、完成日常工作任务的支出，由人员经费和公用经费两部分组成。可以理解为“养人和维持机关运转”的钱。"},
            {"project", "项目支出", "",
             "在基本支出之外，为完成特定工作任务或事业发展目标安排的支出，例如专项工作经费、信息化建设、设备购置、补助和奖励资金等。"},
            {"personnel", "人员经费", "",
             "基本支出中用于人的部分：在职人员的工资、津贴补贴、奖金、社会保险和职业年金缴费、住房公积金，以及离退休费、抚恤金等。"
             "在基本支出决算表中主要是“工资福利支出”（301）和“对个人和家庭的补助”（303）。本站的数字取自该表的“人员经费”合计。"},
            {"public-funds", "公用经费", "",
             "基本支出中维持机关日常运转的部分：办公费、印刷费、水电费、物业管理费、差旅费、会议费、培训费、公务接待费、"
             "公务用车运行维护费等，主要是“商品和服务支出”（302）。本站的数字取自基本支出决算表的“公用经费”合计。"},
            {"three-public", "“三公”经费", "",
             "用财政拨款安排的三项支出：因公出国（境）费、公务用车购置及运行维护费、公务接待费。决算表同时列出预算数和决算数。"
             "表中的“合计”是三项之和，“小计”是公务用车购置费与运行维护费之和，本站不会把合计、小计与其中各项重复相加。"},
            {"operating-cost", "机关运行经费", "",
             "行政单位和参照公务员法管理的事业单位用一般公共预算财政拨款安排的基本支出中的日常公用经费，"
             "例如办公费、水电费、差旅费、会议费和公务用车运行维护费。决算表不单列这一数字，本站照录情况说明中写明的金额。"},
            {"function-class", "功能分类", "",
             "政府收支分类中的“支出功能分类”，回答“钱用来做什么事”，按政府职能划分，例如 201 一般公共服务支出、205 教育支出、"
             "208 社会保障和就业支出、210 卫生健康支出、221 住房保障支出。支出决算表左侧的编码就是功能分类科目编码。"},
            {"economic-class", "经济分类", "",
             "政府收支分类中的“支出经济分类”，回答“钱是怎么花的”，按支出的性质划分，例如 301 工资福利支出、302 商品和服务支出、"
             "303 对个人和家庭的补助、310 资本性支出。基本支出决算表按经济分类列出。同一笔钱既有功能分类也有经济分类。"},
            {"class-levels", "类、款、项", "",
             "科目编码的层级。功能分类：类是 3 位编码（如 208 社会保障和就业支出），款是 5 位（如 20805 行政事业单位养老支出），"
             "项是 7 位（如 2080505 机关事业单位基本养老保险缴费支出）。经济分类：类是 3 位（如 302），款是 5 位（如 30201 办公费）。"
             "上一级的金额等于其下各级之和。"},
            {"yoy", "较上年", "",
             "与上一年度相比的变化，本站各页面都按“本年支出合计”计算：变化额 = 本年 − 上年，变化率 = 变化额 ÷ 上年；"
             "没有这一变化而有“收支总计”（含上年结转）的变化时，给出后者并注明“收支总计”。"
             "上年数取自该部门上一年度的决算；没有上一年度的决算时，取本年决算情况说明中写明的上年数，并注明出处。"
             "▲ 表示增加，▼ 表示减少。"},
            {"median", "中位数", "",
             "把一组数从小到大排好后正中间的那个数（个数为偶数时取中间两个数的平均）。一半部门高于它，一半低于它。"
             "与平均数相比，它不会被个别特别大的部门拉高，更能代表“一般部门”的水平。"},
            {"quartile", "四分位数", "",
             "把一组数从小到大排好后分成四等份的三个分界点：下四分位数（25%）、中位数（50%）和上四分位数（75%）。"
             "本站据此把一个部门在同一地区同一年度各部门中的位置分为四档：最高的四分之一（高于上四分位数）、中位数以上、"
             "中位数以下、最低的四分之一（低于下四分位数）。分界点落在两个部门之间时，按两者的距离取中间值。"},
            {"rounding", "尾差", "",
             "决算表中的每个金额都已四舍五入到两位小数（0.01 万元，即 100 元），各项分别舍入后相加，可能与合计数相差一两分。"
             "这种差异叫尾差，是舍入造成的，不是差错。本站核验时只把超出舍入所能解释范围的差异标为不符。"},
            {"units", "万元与亿元", "",
             "决算表的金额单位通常是万元：1 万元 = 10,000 元，1 亿元 = 10,000 万元。本站在卡片和摘要中，1 亿元及以上的金额"
             "以亿元显示（如 15.75 亿元），其余以万元显示（如 1,577.61 万元），都带千位分隔符、保留两位小数；表格照录原文数字，"
             "只补上千位分隔符。"},
        };
        for (auto& term : t) term.key = glossary_key(term.term);
        return t;
    }();
    return terms;
}

}  // namespace gongkai
