#include "audit/materiality.hpp"

#include <algorithm>

#include "audit/rule_catalog.hpp"
#include "model/money.hpp"

namespace gongkai {

namespace {

std::int64_t abs64(std::int64_t v) { return v < 0 ? -v : v; }

}  // namespace

void assess_materiality(Finding& f) {
    f.relative_ppm = kWholePpm;
    if (f.difference && (f.found_value || f.expected_value)) {
        std::int64_t base = std::max(abs64(f.found_value.value_or(0)), abs64(f.expected_value.value_or(0)));
        if (base > 0) {
            Int128 ppm = static_cast<Int128>(*f.difference) * kWholePpm / base;
            f.relative_ppm = static_cast<std::int64_t>(std::min<Int128>(ppm, kWholePpm));
        }
    }
    bool money_or_rate = f.unit == "万元" || f.unit == "%";
    if ((f.severity == Severity::Error || f.severity == Severity::Warning) && money_or_rate && rule_compares_amounts(f.rule) && f.excess &&
        *f.excess <= kTailLimit)
        f.severity = Severity::Minor;
}

void assess_share_of_total(AuditReport& r, std::optional<std::int64_t> total) {
    if (!total || *total <= 0) return;
    for (auto& f : r.findings) {
        if (f.unit != "万元" || !f.difference) continue;
        Int128 ppm = static_cast<Int128>(*f.difference) * kWholePpm / *total;
        f.total_share_ppm = static_cast<std::int64_t>(std::min<Int128>(ppm, 1000 * kWholePpm));  // may pass 100%
    }
}

bool more_material(const Finding& a, const Finding& b) {
    int ra = severity_rank(a.severity), rb = severity_rank(b.severity);
    if (ra != rb) return ra < rb;
    bool ga = a.difference.has_value(), gb = b.difference.has_value();
    if (ga != gb) return ga;
    if (a.relative_ppm != b.relative_ppm) return a.relative_ppm > b.relative_ppm;
    return a.difference.value_or(0) > b.difference.value_or(0);
}

std::int64_t materiality_rank(const Finding& f) {
    // Severity in steps of 10'000'000; a finding without a gap after every one with (2 * kWholePpm > any
    // kWholePpm - relative_ppm); within each, the larger relative size first.
    std::int64_t gapless = f.difference ? 0 : 2 * kWholePpm;
    std::int64_t ppm = std::clamp<std::int64_t>(f.relative_ppm, 0, kWholePpm);
    return static_cast<std::int64_t>(severity_rank(f.severity)) * 10'000'000 + gapless + (kWholePpm - ppm);
}

void order_by_materiality(AuditReport& r) { std::stable_sort(r.findings.begin(), r.findings.end(), more_material); }

}  // namespace gongkai
