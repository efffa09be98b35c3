#include "render/summary_sentence.hpp"

#include "render/view_audit.hpp"
#include "render/view_common.hpp"

namespace gongkai {

namespace {

std::int64_t magnitude(std::int64_t x) { return x < 0 ? -x : x; }

// A “三公” total in the site's format: the table's cell, else the figure the 情况说明 states for it
// (with its printed digits and unit when that unit is not 万元), marked `from_narrative`.
struct ThreePublicAmount {
    std::string text;
    bool from_narrative = false;
};
std::optional<ThreePublicAmount> three_public_amount(const MaybeMoney& cell, const Filing& f, const char* metric) {
    if (cell) return ThreePublicAmount{amount_text(cell), false};
    const Figure* fig = f.figure(metric);
    if (!fig) return std::nullopt;
    if (fig->unit == "万元") return ThreePublicAmount{amount_text(fig->value.micro), true};
    return ThreePublicAmount{printed_grouped(fig->value.printed) + "\u00a0" + fig->unit, true};
}

std::string three_public_words(const Filing& f, const DepartmentSummary& s) {
    const MaybeMoney& actual = s.three_public_actual;
    const MaybeMoney& budget = s.three_public_budget;
    if (actual && budget && *budget > 0)
        return "“三公”经费决算 " + amount_text(actual) + "，为预算 " + amount_text(budget) + "的 " + share_text(actual, budget);
    if (actual && budget) return "“三公”经费决算 " + amount_text(actual) + "（预算 " + amount_text(budget) + "）";
    // A total the table leaves unpublished is taken from the 情况说明 where it states one, and said so.
    auto a = three_public_amount(actual, f, "three_public.total.actual");
    auto b = three_public_amount(budget, f, "three_public.total.budget");
    if (a && (a->from_narrative || (b && b->from_narrative))) {
        std::string out = "“三公”经费决算 " + a->text;
        if (b) out += "（预算 " + b->text + "）";
        std::string which = a->from_narrative && b && b->from_narrative ? "决算数和预算数" : a->from_narrative ? "决算数" : "预算数";
        return out + "，" + which + "取自情况说明（表中未列示）";
    }
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

    // Change on last year: the site's one 较上年 (shown_change), 收支总计 named so that it is not taken for 本年支出合计.
    if (ShownChange c = shown_change(yoy); c.line) {
        std::string words = change_words(*c.line, c.stated ? "据情况说明" : "");
        out += (c.headline ? "，比上年" : "；" + c.measure + "比上年") + words;
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
