#include "serve/file_watcher.hpp"

#include <filesystem>

namespace sfs = std::filesystem;

namespace gongkai {

FileWatcher::FileWatcher(std::vector<std::string> roots) : roots_(std::move(roots)), last_(take()) {}

FileWatcher::Snapshot FileWatcher::take() const {
    Snapshot s;
    for (const auto& root : roots_) {
        std::error_code ec;
        if (!sfs::is_directory(root, ec)) continue;
        sfs::recursive_directory_iterator it(root, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            std::string name = it->path().filename().string();
            if (name == "node_modules" || (!name.empty() && name.front() == '.')) {
                if (it->is_directory(ec)) it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file(ec)) continue;
            auto size = it->file_size(ec);
            auto mtime = it->last_write_time(ec).time_since_epoch().count();
            s[it->path().string()] = {size, static_cast<std::int64_t>(mtime)};
        }
    }
    return s;
}

bool FileWatcher::changed() {
    Snapshot now = take();
    bool diff = now != last_;
    last_ = std::move(now);
    return diff;
}

}  // namespace gongkai
