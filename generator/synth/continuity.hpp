#pragma once
// Random numbers for synthetic corpora, and what a synthetic department keeps from one year to the next.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gongkai::synth {

// splitmix64: a tiny, portable generator, so that a seed gives the same corpus on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi].
    std::int64_t range(std::int64_t lo, std::int64_t hi) { return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }

private:
    std::uint64_t state_;
};

// The proportions and levels of one department (shares of its lines, project share, staff, cars, 三公
// budgets …): drawn in its first year, then moved a little each year, so that consecutive filings of a
// department differ as real ones do (most lines within about ±30%) instead of being drawn anew.
class Continuity {
public:
    // Weights for the parts named `key`: around `base` (each within ±30% of it) the first time, then each
    // moved by at most ±`step_pct` % per call. Always positive.
    std::vector<std::int64_t> weights(Rng& rng, const std::string& key, const std::vector<std::int64_t>& base, int step_pct = 10);

    // A level in [lo, hi]: uniform the first time, then moved by at most ±`step` per call, kept in [lo, hi].
    std::int64_t level(Rng& rng, const std::string& key, std::int64_t lo, std::int64_t hi, std::int64_t step);

    // The value stored under `key` by the previous year, or `fallback` in the first year; `set` stores one.
    std::int64_t previous(const std::string& key, std::int64_t fallback) const;
    void set(const std::string& key, std::int64_t value) { levels_[key] = value; }

private:
    std::map<std::string, std::vector<std::int64_t>> weights_;
    std::map<std::string, std::int64_t> levels_;
};

}  // namespace gongkai::synth
