#include "render/view_common.hpp"

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

json sortable_money(const MaybeMoney& m) { return {{"text", money_text(m)}, {"sort", m ? std::to_string(*m) : ""}}; }

json sortable_share(const MaybeMoney& part, const MaybeMoney& whole) {
    std::optional<std::int64_t> p;
    if (part && whole) p = percent_micro(*part, *whole);
    return {{"text", share_text(part, whole)}, {"sort", p ? std::to_string(*p) : ""}};
}

std::string pct_text(const std::optional<std::int64_t>& p) {
    if (!p) return "—";
    return (*p > 0 ? "+" : "") + format_micro(*p, kPercentDecimals) + "%";
}

std::string change_text(const MaybeMoney& m) {
    if (!m) return "—";
    return (*m > 0 ? "+" : "") + format_micro_grouped(*m, 2);
}

std::string arrow_pct(std::int64_t pct_micro) {
    std::string arrow = pct_micro > 0 ? "▲" : pct_micro < 0 ? "▼" : "";
    return arrow + format_micro(pct_micro < 0 ? -pct_micro : pct_micro, kPercentDecimals) + "%";
}

ShownChange shown_change(const std::optional<YearOverYear>& yoy) {
    ShownChange c;
    if (!yoy) return c;
    c.stated = yoy->source == YoySource::NarrativeStatement;
    if ((c.line = headline_change(yoy))) {
        c.headline = true;
        c.measure = kYoyHeadlineLabel;
        return c;
    }
    for (const auto& l : yoy->lines)
        if (l.metric == "total" && (l.change || l.pct_micro)) {
            c.line = &l;
            c.measure = l.label;
            return c;
        }
    return c;
}

std::string arrow_change(const YoyLine& l) {
    if (l.pct_micro) return arrow_pct(*l.pct_micro);
    if (!l.change) return "";
    if (*l.change == 0) return "持平";
    return (*l.change > 0 ? "▲" : "▼") + amount_text(*l.change < 0 ? -*l.change : *l.change);
}

json yoy_cell(const std::optional<YearOverYear>& yoy) {
    json cell = {{"text", "—"}, {"sort", ""}, {"direction", ""}, {"measure", ""}, {"note", ""}};
    ShownChange c = shown_change(yoy);
    if (!c.line) return cell;
    const YoyLine& l = *c.line;
    std::int64_t sign = l.pct_micro ? *l.pct_micro : *l.change;
    cell["text"] = arrow_change(l);
    cell["sort"] = l.pct_micro ? std::to_string(*l.pct_micro) : "";
    cell["direction"] = sign > 0 ? "up" : sign < 0 ? "down" : "flat";
    cell["measure"] = c.measure;
    std::string source = c.stated ? "据情况说明" : "对比上年决算";
    cell["note"] = c.headline ? source : c.measure + "，" + source;
    return cell;
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
