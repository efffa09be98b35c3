#include "model/money.hpp"

#include <limits>

namespace gongkai {

std::optional<Decimal> parse_decimal(const std::string& text) {
    if (text.empty()) return std::nullopt;
    std::size_t i = 0;
    bool negative = false;
    if (text[0] == '-') { negative = true; i = 1; }
    std::int64_t whole = 0;
    int digits = 0;
    int group = -1;  // digits since the last separator, -1 before any separator
    bool any_separator = false;
    for (; i < text.size() && text[i] != '.'; ++i) {
        char c = text[i];
        if (c == ',') {
            if (digits == 0 || (any_separator && group != 3) || (!any_separator && digits > 3)) return std::nullopt;
            any_separator = true;
            group = 0;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        whole = whole * 10 + (c - '0');
        if (whole >= kMaxWhole) return std::nullopt;
        ++digits;
        if (any_separator) ++group;
    }
    if (digits == 0 || (any_separator && group != 3)) return std::nullopt;
    std::int64_t frac = 0;
    int decimals = 0;
    if (i < text.size()) {  // at '.'
        ++i;
        if (i == text.size()) return std::nullopt;
        for (; i < text.size(); ++i) {
            char c = text[i];
            if (c < '0' || c > '9' || decimals == 6) return std::nullopt;
            frac = frac * 10 + (c - '0');
            ++decimals;
        }
    }
    for (int d = decimals; d < 6; ++d) frac *= 10;
    Decimal out;
    out.printed = text;
    out.micro = (whole * kMicro + frac) * (negative ? -1 : 1);
    out.decimals = decimals;
    return out;
}

static std::string format_impl(std::int64_t micro, int decimals, bool grouped) {
    if (decimals < 0) decimals = 0;
    if (decimals > 6) decimals = 6;
    bool negative = micro < 0;
    std::uint64_t v = negative ? static_cast<std::uint64_t>(-(micro + 1)) + 1 : static_cast<std::uint64_t>(micro);
    std::uint64_t scale = 1;
    for (int d = decimals; d < 6; ++d) scale *= 10;
    v = (v + scale / 2) / scale;  // round half away from zero
    std::uint64_t denom = 1;
    for (int d = 0; d < decimals; ++d) denom *= 10;
    std::string whole = std::to_string(v / denom);
    if (grouped) {
        std::string g;
        int n = 0;
        for (auto it = whole.rbegin(); it != whole.rend(); ++it, ++n) {
            if (n && n % 3 == 0) g.insert(g.begin(), ',');
            g.insert(g.begin(), *it);
        }
        whole = g;
    }
    std::string out = (negative && v != 0) ? "-" + whole : whole;
    if (decimals > 0) {
        std::string frac = std::to_string(v % denom);
        out += "." + std::string(static_cast<std::size_t>(decimals) - frac.size(), '0') + frac;
    }
    return out;
}

std::string format_micro(std::int64_t micro, int decimals) { return format_impl(micro, decimals, false); }
std::string format_micro_grouped(std::int64_t micro, int decimals) { return format_impl(micro, decimals, true); }

bool add_to_sum(std::int64_t& total, std::int64_t micro) {
    const Int128 sum = static_cast<Int128>(total) + micro;
    if (sum > kMaxSumMicro || sum < -static_cast<Int128>(kMaxSumMicro)) return false;
    total = static_cast<std::int64_t>(sum);
    return true;
}

std::optional<std::int64_t> percent_micro(std::int64_t a, std::int64_t b) {
    if (b == 0) return std::nullopt;
    // a/b*100 in millionths: a * 1e8 / b, computed in 128 bits to avoid overflow.
    Int128 num = static_cast<Int128>(a) * 100 * kMicro;
    Int128 q = num / b, r = num % b;
    if (r != 0) {
        Int128 twice = (r < 0 ? -r : r) * 2;
        Int128 bb = b < 0 ? -static_cast<Int128>(b) : b;
        if (twice >= bb) q += ((num < 0) != (b < 0)) ? -1 : 1;
    }
    if (q > std::numeric_limits<std::int64_t>::max() || q < std::numeric_limits<std::int64_t>::min()) return std::nullopt;
    return static_cast<std::int64_t>(q);
}

}  // namespace gongkai
