#include "write/build_lock.hpp"

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <boost/filesystem.hpp>

#include "write/output_manifest.hpp"

namespace gongkai {

BuildLock::BuildLock(const std::string& out_dir) {
    const std::string dir = cache_dir_of(out_dir);
    boost::system::error_code ec;
    boost::filesystem::create_directories(dir, ec);
    fd_ = ::open((dir + "/lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) return;
    while (::flock(fd_, LOCK_EX) != 0) {
        if (errno == EINTR) continue;
        ::close(fd_);
        fd_ = -1;
        return;
    }
}

BuildLock::~BuildLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace gongkai
