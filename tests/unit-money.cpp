// Exact decimal parsing and formatting (model/money).
#include <doctest/doctest.h>

#include <limits>

#include "model/money.hpp"

using namespace gongkai;

TEST_CASE("printed amounts become exact millionths and keep their precision") {
    auto a = parse_decimal("1577.61");
    REQUIRE(a);
    CHECK(a->micro == 1'577'610'000);
    CHECK(a->decimals == 2);
    CHECK(a->printed == "1577.61");
    CHECK(parse_decimal("2,940.05")->micro == 2'940'050'000);
    CHECK(parse_decimal("1172.624")->decimals == 3);
    CHECK(parse_decimal("8")->micro == 8'000'000);
    CHECK(parse_decimal("0.00")->micro == 0);
    CHECK(parse_decimal("-3.5")->micro == -3'500'000);
    CHECK(parse_decimal("1,234,567.000001")->micro == 1'234'567'000'001);
}

TEST_CASE("malformed amounts are rejected, never guessed") {
    for (const char* bad : {"", "-", ".5", "5.", "1,23", "12,345,67", "1.2.3", "1e3", " 5", "5 ", "1.0000001", "１２", ",123", "12,34.5", "abc"})
        CHECK_MESSAGE(!parse_decimal(bad), bad);
}

TEST_CASE("absurd magnitudes are rejected instead of overflowing") {
    CHECK(parse_decimal("999999999999.99"));
    CHECK(!parse_decimal("1000000000000"));
    CHECK(!parse_decimal("9223372036859"));
    CHECK(!parse_decimal("-99999999999999999999999"));
    CHECK(!percent_micro(999'999'999'999'000'000, 1));
}

TEST_CASE("sums of printed amounts are exact where doubles are not") {
    // 0.1 + 0.2 style: 21 cells of 0.01 must be exactly 0.21.
    std::int64_t sum = 0;
    for (int i = 0; i < 21; ++i) sum += parse_decimal("0.01")->micro;
    CHECK(sum == parse_decimal("0.21")->micro);
    CHECK(format_micro(sum) == "0.21");
}

TEST_CASE("formatting rounds half away from zero") {
    CHECK(format_micro(1'172'624'000, 2) == "1172.62");
    CHECK(format_micro(52'061'000, 2) == "52.06");
    CHECK(format_micro(5'000, 2) == "0.01");
    CHECK(format_micro(-5'000, 2) == "-0.01");
    CHECK(format_micro(4'999, 2) == "0.00");
    CHECK(format_micro(2'940'050'000, 2) == "2940.05");
    CHECK(format_micro_grouped(2'940'050'000, 2) == "2,940.05");
    CHECK(format_micro(7'000'000, 0) == "7");
}

TEST_CASE("percentages are computed in integers") {
    // 1310.87 / 1577.61 = 83.0922...%
    auto p = percent_micro(1'310'870'000, 1'577'610'000);
    REQUIRE(p);
    CHECK(format_micro(*p, 2) == "83.09");
    CHECK(!percent_micro(1, 0));
    CHECK(format_micro(*percent_micro(-92'380'000, 1'669'990'000), 2) == "-5.53");
}

TEST_CASE("sums of amounts stay within ±(2^62 − 1) millionths, never wrapping") {
    const std::int64_t max_amount = parse_decimal("999999999999.999999")->micro;
    CHECK(!parse_decimal("1000000000000"));
    std::int64_t total = 0;
    int added = 0;
    while (add_to_sum(total, max_amount)) ++added;
    CHECK(added == 4);  // 4 × (10^18 − 1) < 2^62 − 1 < 5 × (10^18 − 1)
    CHECK(total == 4 * max_amount);
    std::int64_t negative = 0;
    while (add_to_sum(negative, -max_amount)) {}
    CHECK(negative == -4 * max_amount);
    std::int64_t edge = kMaxSumMicro - 1;
    CHECK(add_to_sum(edge, 1));
    CHECK(edge == kMaxSumMicro);
    CHECK(!add_to_sum(edge, 1));
    CHECK(edge == kMaxSumMicro);
    std::int64_t extreme = std::numeric_limits<std::int64_t>::max();  // operands beyond the bound are refused, not wrapped
    CHECK(!add_to_sum(extreme, std::numeric_limits<std::int64_t>::max()));
    // Two sums at opposite bounds: their difference still fits.
    CHECK(percent_micro(kMaxSumMicro - (-kMaxSumMicro), kMaxSumMicro).has_value());
}
