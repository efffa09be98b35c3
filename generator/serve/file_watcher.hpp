#pragma once
// Detects changes in input folders. With inotify (Linux) the watcher sleeps in the kernel until something
// changes, so an idle preview costs no CPU however large the data folder; where inotify is unavailable (or
// its watch limit is reached) it falls back to comparing snapshots of (path, size, mtime in nanoseconds).
// node_modules and hidden entries are skipped either way.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace gongkai {

class FileWatcher {
public:
    explicit FileWatcher(std::vector<std::string> roots);
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    // Waits at most `timeout_ms` for a change; true when anything was added, removed or modified since the
    // previous call (or construction). Events arriving together (an editor's save) count as one change.
    bool wait_for_change(int timeout_ms);
    // True when anything changed since the previous call, without waiting.
    bool changed() { return wait_for_change(0); }
    // True when the kernel notifies the watcher (no polling).
    bool notified() const { return fd_ >= 0; }

private:
    using Snapshot = std::map<std::string, std::pair<std::uintmax_t, std::int64_t>>;
    Snapshot take() const;
    bool watch_tree();  // adds a watch on every folder under the roots; false when one cannot be added
    bool drain();       // reads pending events; true when there were any
    bool new_folder_ = false;  // drain() saw a folder created or moved in: watch_tree() must add it

    std::vector<std::string> roots_;
    Snapshot last_;
    int fd_ = -1;
};

}  // namespace gongkai
