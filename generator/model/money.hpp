#pragma once
// Exact decimal numbers. Every printed amount is kept as its printed text plus an exact integer of
// millionths (value × 10^6); for money in 万元 that is 0.000001 万元 = 0.01 元. No floating point.
#include <cstdint>
#include <optional>
#include <string>

namespace gongkai {

// A signed 128-bit integer for sums and products of amounts on their way to a bounded result (GCC and Clang;
// __extension__ keeps -Wpedantic quiet about the type).
__extension__ typedef __int128 Int128;

struct Decimal {
    std::string printed;     // exactly as published, e.g. "2,940.05"
    std::int64_t micro = 0;  // value × 1'000'000
    int decimals = 0;        // digits printed after the decimal point (the printed precision)
};

// The largest magnitude accepted, in whole units: 10^12 (for 万元 that is 10^16 元, far above any budget),
// so that sums over many filings stay far from int64 overflow.
constexpr std::int64_t kMaxWhole = 1'000'000'000'000;

// Parses printed decimal text ("1577.61", "2,940.05", "-3", "0.00"). Accepts thousands separators only
// in well-formed groups, at most 6 decimals and magnitudes below kMaxWhole. Returns nullopt for anything else.
std::optional<Decimal> parse_decimal(const std::string& text);

// The largest magnitude of a sum of amounts that gongkai computes, shows or stores (county totals, class sums,
// like-for-like totals): 2^62 − 1 millionths, about 4.6 × 10^12 whole units, so that the difference of any
// two such sums still fits in int64.
constexpr std::int64_t kMaxSumMicro = (std::int64_t{1} << 62) - 1;

// Adds `micro` to `total` when the result stays within ±kMaxSumMicro and returns true; otherwise returns false
// and leaves `total` unchanged. Computed in 128 bits: nothing wraps, whatever the operands.
[[nodiscard]] bool add_to_sum(std::int64_t& total, std::int64_t micro);

// Formats a millionths value with exactly `decimals` digits, rounding half away from zero ("1577.61").
std::string format_micro(std::int64_t micro, int decimals = 2);

// Same, with thousands separators ("2,940.05").
std::string format_micro_grouped(std::int64_t micro, int decimals = 2);

// Ratio a/b as a percentage in millionths of a percent, rounded half away from zero; nullopt when b == 0
// or when the result does not fit.
std::optional<std::int64_t> percent_micro(std::int64_t a, std::int64_t b);

constexpr std::int64_t kMicro = 1'000'000;

}  // namespace gongkai
