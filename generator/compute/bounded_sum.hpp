#pragma once
// Sums of amounts across filings (county totals, class sums) with an explicit bound: a sum that would pass
// ±kMaxSumMicro stops the build with a problem naming the filing whose amount took it there, instead of
// wrapping around.
#include <cstdint>
#include <string>

#include "model/filing.hpp"
#include "model/money.hpp"

namespace gongkai {

// Throws BuildFailed: adding `micro`, an amount of `filing`, to `total` (the sum described by `what`, for
// example "支出合计 of 湘潭县 2024") would take it past ±kMaxSumMicro.
[[noreturn]] void sum_out_of_bounds(std::int64_t total, std::int64_t micro, const Filing& filing, const std::string& what);

// Adds `micro` (an amount of `filing`) to `total`, or throws as sum_out_of_bounds. `describe()` returns the
// sum's description; it is called only when the bound is passed.
template <class Describe>
void add_amount(std::int64_t& total, std::int64_t micro, const Filing& filing, Describe&& describe) {
    if (!add_to_sum(total, micro)) sum_out_of_bounds(total, micro, filing, describe());
}

}  // namespace gongkai
