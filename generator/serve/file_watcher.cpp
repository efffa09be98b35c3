#include "serve/file_watcher.hpp"

#include <cerrno>

#include <chrono>
#include <filesystem>
#include <thread>

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace sfs = std::filesystem;

namespace gongkai {

namespace {
bool skipped(const sfs::path& p) {
    std::string name = p.filename().string();
    return name == "node_modules" || (!name.empty() && name.front() == '.');
}
constexpr std::uint32_t kEvents = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB |
                                  IN_DELETE_SELF | IN_MOVE_SELF;
}  // namespace

FileWatcher::FileWatcher(std::vector<std::string> roots) : roots_(std::move(roots)) {
    fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ >= 0 && !watch_tree()) {
        ::close(fd_);
        fd_ = -1;
    }
    if (fd_ < 0) last_ = take();
}

FileWatcher::~FileWatcher() {
    if (fd_ >= 0) ::close(fd_);
}

bool FileWatcher::watch_tree() {
    for (const auto& root : roots_) {
        std::error_code ec;
        if (!sfs::is_directory(root, ec)) continue;
        if (::inotify_add_watch(fd_, root.c_str(), kEvents) < 0) return false;
        sfs::recursive_directory_iterator it(root, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            if (!it->is_directory(ec)) continue;
            if (skipped(it->path())) {
                it.disable_recursion_pending();
                continue;
            }
            // Adding a watch twice is harmless (inotify returns the same descriptor). A folder removed or
            // unreadable meanwhile is skipped; running out of watches is a failure.
            if (::inotify_add_watch(fd_, it->path().c_str(), kEvents) < 0 && errno != ENOENT && errno != EACCES) return false;
        }
    }
    return true;
}

bool FileWatcher::drain() {
    alignas(inotify_event) char buf[64 * 1024];
    bool any = false;
    for (;;) {
        ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n <= 0) break;
        for (char* p = buf; p < buf + n;) {
            auto* e = reinterpret_cast<inotify_event*>(p);
            bool hidden = e->len > 0 && e->name[0] == '.';  // editors' swap files, the build's own hidden folders
            if (!hidden || (e->mask & IN_MOVED_TO)) any = true;
            // A folder created or moved in, a watched folder gone or replaced, or events lost: watch anew.
            if (((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO))) || (e->mask & (IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)))
                new_folder_ = true;
            p += sizeof(inotify_event) + e->len;
        }
    }
    return any;
}

bool FileWatcher::wait_for_change(int timeout_ms) {
    if (fd_ < 0) {
        if (timeout_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(timeout_ms));
        Snapshot now = take();
        bool diff = now != last_;
        last_ = std::move(now);
        return diff;
    }
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return false;
    bool any = drain();
    if (!any) return false;
    // A save is often several events (write, rename, attributes): let them settle, then take them all.
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    drain();
    if (new_folder_) new_folder_ = !watch_tree();  // a folder created since (a new year, a new county) is
                                                  // watched from now on; a walk that failed is tried again
    return true;
}

FileWatcher::Snapshot FileWatcher::take() const {
    Snapshot s;
    for (const auto& root : roots_) {
        std::error_code ec;
        if (!sfs::is_directory(root, ec)) continue;
        sfs::recursive_directory_iterator it(root, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            if (skipped(it->path())) {
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

}  // namespace gongkai
