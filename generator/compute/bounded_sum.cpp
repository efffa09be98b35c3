#include "compute/bounded_sum.hpp"

#include "error/problem.hpp"

namespace gongkai {

void sum_out_of_bounds(std::int64_t total, std::int64_t micro, const Filing& filing, const std::string& what) {
    ProblemList problems;
    problems.add({filing.path, "",
                  "amounts whose sums across filings stay within ±" + format_micro_grouped(kMaxSumMicro, 6),
                  format_micro_grouped(micro, 6) + ", which takes the sum of " + what + " (so far " +
                      format_micro_grouped(total, 6) + ") past that bound",
                  "sums are exact; none is allowed to wrap around"});
    throw BuildFailed(std::move(problems));
}

}  // namespace gongkai
