#include "compute/peer_stats.hpp"

#include <algorithm>

#include "model/money.hpp"

namespace gongkai {

static std::int64_t at(const std::vector<std::int64_t>& v, std::size_t num, std::size_t den) {
    // Position num/den × (n − 1), interpolated in 128 bits.
    Int128 pos = static_cast<Int128>(num) * static_cast<Int128>(v.size() - 1);
    std::size_t lo = static_cast<std::size_t>(pos / den);
    Int128 frac = pos % den;
    if (frac == 0 || lo + 1 >= v.size()) return v[lo];
    Int128 diff = static_cast<Int128>(v[lo + 1]) - v[lo];
    Int128 scaled = diff * frac * 2 + (diff >= 0 ? static_cast<Int128>(den) : -static_cast<Int128>(den));
    return v[lo] + static_cast<std::int64_t>(scaled / (2 * static_cast<Int128>(den)));
}

std::optional<Quartiles> quartiles(std::vector<std::int64_t> values) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    return Quartiles{values.front(), at(values, 1, 4), at(values, 2, 4), at(values, 3, 4), values.back(), values.size()};
}

std::size_t rank_descending(const std::vector<std::int64_t>& values, std::int64_t value) {
    return 1 + static_cast<std::size_t>(std::count_if(values.begin(), values.end(), [&](std::int64_t v) { return v > value; }));
}

std::int64_t divide_rounded(std::int64_t a, std::int64_t b) {
    Int128 q = static_cast<Int128>(a) * 2 / b;
    return static_cast<std::int64_t>((q + (q >= 0 ? 1 : -1)) / 2);
}

}  // namespace gongkai
