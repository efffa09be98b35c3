#pragma once
// One build at a time per output folder: builds into the same --out (a preview server and a command-line
// build, say) take turns, so that each reads the manifest the previous one left and patches a site that
// matches it. The lock is an flock on ".<out>.gongkai-cache/lock", released when the holder ends, also when
// it is killed.
#include <string>

namespace gongkai {

class BuildLock {
public:
    // Waits until no other build holds the lock of `out_dir`, then holds it; when the lock file cannot be
    // made (a read-only parent folder, say) the build goes on unlocked, as before locks existed.
    explicit BuildLock(const std::string& out_dir);
    ~BuildLock();
    BuildLock(const BuildLock&) = delete;
    BuildLock& operator=(const BuildLock&) = delete;

    bool held() const { return fd_ >= 0; }

private:
    int fd_ = -1;
};

}  // namespace gongkai
