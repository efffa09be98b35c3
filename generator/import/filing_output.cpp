#include "import/filing_output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include <boost/filesystem.hpp>

#include "import/source/import_error.hpp"

namespace gongkai::import {

namespace fs = boost::filesystem;

std::string filing_path_in(const std::string& data_dir, const std::string& county_dir, int year, const std::string& slug,
                           const std::string& kind) {
    return data_dir + "/" + county_dir + "/" + std::to_string(year) + "/" + slug + (kind == "预算" ? ".budget.json" : ".json");
}

void write_filing_file(const std::string& path, const std::string& bytes, bool force) {
    static std::atomic<unsigned> counter{0};
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    struct stat st {};
    if (lstat(path.c_str(), &st) == 0) {
        if (S_ISLNK(st.st_mode)) throw ImportError(path + " is a symbolic link; gongkai does not write through links");
        if (!S_ISREG(st.st_mode)) throw ImportError(path + " exists and is not a regular file");
        if (!force) throw ImportError(path + " already exists; use --force to replace it");
    }
    boost::system::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        if (!dir.has_parent_path() || !fs::is_directory(dir.parent_path(), ec))
            throw ImportError("the folder " + dir.string() + " does not exist");
        if (mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
            throw ImportError("cannot create the folder " + dir.string() + ": " + std::strerror(errno));
    }
    const std::string tmp = (dir / ("." + target.filename().string() + ".import-" + std::to_string(getpid()) + "-" +
                                    std::to_string(counter++)))
                                .string();
    const int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw ImportError("cannot write in " + dir.string() + ": " + std::strerror(errno));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const std::string why = std::strerror(errno);
            close(fd);
            unlink(tmp.c_str());
            throw ImportError("cannot write " + path + ": " + why);
        }
        done += static_cast<std::size_t>(n);
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        unlink(tmp.c_str());
        throw ImportError("cannot write " + path + ": " + std::strerror(errno));
    }
    if (force) {
        if (rename(tmp.c_str(), path.c_str()) != 0) {
            const std::string why = std::strerror(errno);
            unlink(tmp.c_str());
            throw ImportError("cannot write " + path + ": " + why);
        }
        return;
    }
    // link() fails when the target exists: no window in which another writer's file could be replaced.
    if (link(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        unlink(tmp.c_str());
        if (err == EEXIST) throw ImportError(path + " already exists; use --force to replace it");
        throw ImportError("cannot write " + path + ": " + std::strerror(err));
    }
    unlink(tmp.c_str());
}

}  // namespace gongkai::import
