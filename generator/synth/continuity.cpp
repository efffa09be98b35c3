#include "synth/continuity.hpp"

#include <algorithm>

namespace gongkai::synth {

std::vector<std::int64_t> Continuity::weights(Rng& rng, const std::string& key, const std::vector<std::int64_t>& base, int step_pct) {
    auto it = weights_.find(key);
    if (it == weights_.end() || it->second.size() != base.size()) {
        std::vector<std::int64_t> w;
        for (auto b : base) w.push_back(std::max<std::int64_t>(1, b * rng.range(700, 1300)));
        return weights_[key] = w;
    }
    for (auto& w : it->second) w = std::max<std::int64_t>(1, w * (1000 + rng.range(-10 * step_pct, 10 * step_pct)) / 1000);
    return it->second;
}

std::int64_t Continuity::level(Rng& rng, const std::string& key, std::int64_t lo, std::int64_t hi, std::int64_t step) {
    auto it = levels_.find(key);
    std::int64_t v = it == levels_.end() ? rng.range(lo, hi) : std::clamp(it->second + rng.range(-step, step), lo, hi);
    levels_[key] = v;
    return v;
}

std::int64_t Continuity::previous(const std::string& key, std::int64_t fallback) const {
    auto it = levels_.find(key);
    return it == levels_.end() ? fallback : it->second;
}

}  // namespace gongkai::synth
