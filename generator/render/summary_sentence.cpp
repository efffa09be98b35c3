#include "render/summary_sentence.hpp"

#include "render/view_audit.hpp"
#include "render/view_common.hpp"

namespace gongkai {

namespace {

const YoyLine* line_labelled(const std::optional<YearOverYear>& yoy, const std::string& label) {
    if (!yoy) return nullptr;
    for (const auto& l : yoy->lines)
        if (l.label == label && (l.change || l.pct_micro)) return &l;
    return nullptr;
}

std::int64_t magnitude(std::int64_t x) { return x < 0 ? -x : x; }

// "▼5.5%" from millionths of a percent.
std::string arrow_pct(std::int64_t pct_micro) {
    return std::string(pct_micro > 0 ? "▲" : pct_micro < 0 ? "▼" : "") + format_micro(magnitude(pct_micro), kPercentDecimals) + "%";
}

std::string three_public_words(const Filing& f, const DepartmentSummary& s) {
    const MaybeMoney& actual = s.three_public_actual;
    const MaybeMoney& budget = s.three_public_budget;
    if (actual && budget && *budget > 0)
        return "“三公”经费决算 " + amount_text(actual) + "，为预算 " + amount_text(budget) + "的 " + share_text(actual, budget);
    if (actual && budget) return "“三公”经费决算 " + amount_text(actual) + "（预算 " + amount_text(budget) + "）";
    if (actual) return "“三公”经费决算 " + amount_text(actual);
    if (budget) return "“三公”经费预算 " + amount_text(budget) + "，决算数未列示";
    const Table* t = f.table(TableKind::ThreePublic);
    if (t && !t->empty_explanation.empty()) return "本年度无“三公”经费数字（原文说明无此项支出）";
    return "未公布“三公”经费数字";
}

}  // namespace

std::string change_words(const YoyLine& l, const std::string& note) {
    std::string out, detail;
    if (l.change) {
        if (*l.change == 0) out = "持平";
        else {
            out = std::string(*l.change > 0 ? "增加 " : "减少 ") + amount_text(magnitude(*l.change));
            if (l.pct_micro) detail = arrow_pct(*l.pct_micro);
            else if (l.prior && *l.prior == 0) detail = "上年为 0";
        }
    } else if (l.pct_micro) {
        out = *l.pct_micro == 0 ? "持平" : arrow_pct(*l.pct_micro);
    } else {
        return "";
    }
    if (!note.empty()) detail += (detail.empty() ? "" : "，") + note;
    return detail.empty() ? out : out + "（" + detail + "）";
}

std::string summary_sentence(const Filing& f, const DepartmentSummary& s, const std::optional<YearOverYear>& yoy,
                             const AuditReport& audit) {
    std::string out = f.department_name + " " + std::to_string(f.year) + " 年度";
    out += s.total_expenditure ? "本年支出合计 " + amount_text(s.total_expenditure) : "未公布本年支出合计";

    // Change on last year: 本年支出合计 when known; else 收支总计, named so that it is not taken for the former.
    const YoyLine* line = headline_change(yoy);
    bool other_measure = false;
    if (!line) {
        line = line_labelled(yoy, "收支总计");
        other_measure = line != nullptr;
    }
    if (line) {
        std::string words = change_words(*line, yoy->source == YoySource::NarrativeStatement ? "据情况说明" : "");
        out += (other_measure ? "；收支总计比上年" : "，比上年") + words;
    }

    // The biggest function class (类): the first of the largest in printed order.
    const ClassAmount* biggest = nullptr;
    for (const auto& c : s.function_classes)
        if (!biggest || c.micro > biggest->micro) biggest = &c;
    if (biggest) {
        out += "；最大的支出类别是“" + biggest->name + "”（" + biggest->code + "）";
        if (s.total_expenditure && *s.total_expenditure > 0) out += "，占 " + share_text(biggest->micro, s.total_expenditure);
    }

    out += "；" + three_public_words(f, s);
    out += "；数据核验：" + audit_status_text(audit) + "。";
    return out;
}

}  // namespace gongkai
