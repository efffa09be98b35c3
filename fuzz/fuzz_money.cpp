// libFuzzer target: printed amounts (model/money). What parse_decimal accepts formats back to the same value at
// its printed precision, grouped or not; sums and percentages never overflow, whatever the operands.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "model/money.hpp"

using namespace gongkai;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (auto d = parse_decimal(text)) {
        for (const std::string& again : {format_micro(d->micro, d->decimals), format_micro_grouped(d->micro, d->decimals)}) {
            auto back = parse_decimal(again);
            if (!back || back->micro != d->micro) std::abort();
        }
        std::int64_t total = d->micro;
        for (int i = 0; i < 8 && add_to_sum(total, d->micro); ++i)
            if (total > kMaxSumMicro || total < -kMaxSumMicro) std::abort();
    }
    if (size >= 16) {  // two raw 64-bit operands: neither a sum nor a percentage may overflow
        std::int64_t a, b;
        std::memcpy(&a, data, 8);
        std::memcpy(&b, data + 8, 8);
        std::int64_t s = a;
        if (add_to_sum(s, b) && (s > kMaxSumMicro || s < -kMaxSumMicro)) std::abort();
        (void)percent_micro(a, b);
        (void)format_micro(a, static_cast<int>(data[size - 1] % 8));
    }
    return 0;
}
