#pragma once
// Where a department sits among its peers: quartiles of a measure across a county-year and ranks.
#include <cstdint>
#include <optional>
#include <vector>

namespace gongkai {

struct Quartiles {
    std::int64_t min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
    std::size_t count = 0;
};

// Quartiles by linear interpolation between order statistics (the spreadsheet QUARTILE.INC rule),
// rounded half away from zero; nullopt when no value is present.
std::optional<Quartiles> quartiles(std::vector<std::int64_t> values);

// 1-based rank of `value` among `values`, largest first (ties share the better rank).
std::size_t rank_descending(const std::vector<std::int64_t>& values, std::int64_t value);

// a / b in millionths rounded half away from zero (b > 0), for per-person and per-vehicle figures.
std::int64_t divide_rounded(std::int64_t a, std::int64_t b);

}  // namespace gongkai
