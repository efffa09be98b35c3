// text-unit: an amount printed with 元 in an attachment (绩效自评报告 …) whose number is a figure of the 万元
// tables — the same slip as n-unit finds in the narrative, decided and worded by the same code (unit_slip.hpp).
// An amount in 元 that no table prints (a donation of 4070 元) is what it says. A whole number in 元 counts only
// against a cell printed as a whole number too, so that 24300 元 is never taken for a table's 24300.00 万元.
#include "audit/text_rules.hpp"
#include "audit/unit_slip.hpp"
#include "model/money.hpp"

namespace gongkai {

namespace {

struct Amount {
    std::size_t b, e;  // the number and its 元
    Decimal value;
};

// Numbers followed directly by 元 (not 万元, 亿元; not a price 元/… or 元每…).
std::vector<Amount> yuan_amounts(const Utf8Text& t, const std::string& s) {
    std::vector<Amount> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!is_ascii_digit(t[i]) || (i > 0 && (is_ascii_digit(t[i - 1]) || t[i - 1] == U'.' || t[i - 1] == U','))) continue;
        std::size_t j = i;
        while (j < t.size() && (is_ascii_digit(t[j]) || ((t[j] == U'.' || t[j] == U',') && is_ascii_digit(t[j + 1])))) ++j;
        std::size_t k = j;
        while (k < t.size() && is_space(t[k])) ++k;
        if (t[k] == U'元' && t[k + 1] != U'/' && t[k + 1] != U'每')
            if (auto d = parse_decimal(t.slice(s, i, j))) out.push_back({i, k + 1, *d});
        i = j - 1;
    }
    return out;
}

// The words right before an amount naming it ("部门预算总收入", "工资福利支出"), "" when there are none.
std::string item_before(const Utf8Text& t, const std::string& s, std::size_t b) {
    std::size_t e = b;
    while (e > 0 && is_space(t[e - 1])) --e;
    std::size_t start = e;
    while (start > 0 && e - start < 14 && (is_cjk(t[start - 1]) || t[start - 1] == U'“' || t[start - 1] == U'”')) --start;
    std::string item = t.slice(s, start, e);
    for (const char* lead : {"年度", "年", "其中", "为", "是"})
        if (item.rfind(lead, 0) == 0) item = item.substr(std::string(lead).size());
    for (const char* tail : {"为", "是", "共计", "总计为"})
        if (item.size() > std::string(tail).size() && item.compare(item.size() - std::string(tail).size(), std::string::npos, tail) == 0)
            item.resize(item.size() - std::string(tail).size());
    return item;
}

// A row name without its ordinal ("一、一般公共预算财政拨款收入" -> "一般公共预算财政拨款收入").
std::string row_words(const std::string& name) {
    std::size_t p = name.find("、");
    return p != std::string::npos && p <= 9 ? name.substr(p + std::string("、").size()) : name;
}

}  // namespace

void audit_text_units(Auditor& a, const std::vector<TextPlace>& places) {
    const Filing& f = a.filing();
    // Every amount cell of the 万元 tables, as terms, in document order.
    struct Candidate {
        Term term;
        std::string row_name;
        int decimals;
    };
    std::vector<Candidate> cells;
    for (const auto& t : f.tables) {
        if (t.unit != "万元") continue;
        for (const auto& b : t.blocks)
            for (const auto& r : b.rows) {
                if (r.key == "blank" || r.key == "none") continue;
                for (std::size_t c = 0; c < b.columns.size(); ++c) {
                    if (c >= r.cells.size() || !r.cells[c] || r.cells[c]->micro == 0) continue;
                    if (auto term = a.cell(t.kind, b.id, r.code.empty() ? r.key : r.code, b.columns[c].id))
                        cells.push_back({*term, row_words(r.name), r.cells[c]->decimals});
                }
            }
    }
    for (const auto& p : places) {
        if (p.kind != "attachment") continue;
        Utf8Text t(p.text);
        for (const auto& am : yuan_amounts(t, p.text)) {
            std::string printed = t.slice(p.text, am.b, am.e);
            std::string item = item_before(t, p.text, am.b);
            Term stated;
            stated.micro = am.value.micro;
            stated.half = (am.value.micro == 0 && am.value.decimals == 0) ? 0 : half_unit(am.value.decimals);
            stated.unit = "元";
            stated.label = p.where + (item.empty() ? "中的金额" : "中的“" + item + "”");
            stated.refs.push_back(text_cell(p, printed));
            stated.refs.back().label = stated.label;
            // The cell whose row the text names ("工资福利支出 1172.62 元"), else the first in the tables.
            const Candidate *first = nullptr, *named = nullptr;
            for (const auto& c : cells) {
                if (am.value.decimals == 0 && c.decimals != 0) continue;
                if (!is_unit_slip(stated, c.term)) continue;
                if (!first) first = &c;
                if (!item.empty() && !c.row_name.empty() && item.find(c.row_name) != std::string::npos) {
                    named = &c;
                    break;
                }
            }
            const Candidate* match = named ? named : first;
            if (!match) {
                a.pass("text-unit", {});
                continue;
            }
            a.flag(unit_slip_finding("text-unit", stated, match->term, am.value.printed, p.where + "中", sentence_around(p.text, t, am.b, am.e)));
        }
    }
}

}  // namespace gongkai
