#pragma once
// Detects changes in input folders by comparing snapshots of (path, size, mtime in nanoseconds).
// Polling keeps it portable and needs no extra library; node_modules and hidden entries are skipped.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace gongkai {

class FileWatcher {
public:
    explicit FileWatcher(std::vector<std::string> roots);
    // True when anything was added, removed or modified since the previous call (or construction).
    bool changed();

private:
    using Snapshot = std::map<std::string, std::pair<std::uintmax_t, std::int64_t>>;
    Snapshot take() const;
    std::vector<std::string> roots_;
    Snapshot last_;
};

}  // namespace gongkai
