#include "site/filing_cache.hpp"

#include <sys/stat.h>

namespace gongkai {

std::optional<FileStamp> file_stamp(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileStamp{static_cast<std::uint64_t>(st.st_size), static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_dev),
                     st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec, st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec};
}

FilingCache::Entries FilingCache::take_all() {
    std::lock_guard<std::mutex> lock(mutex_);
    Entries out = std::move(entries_);
    entries_.clear();
    return out;
}

void FilingCache::give_back(Entries entries) {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_ = std::move(entries);
}

FilingCache::Audits FilingCache::take_audits() {
    std::lock_guard<std::mutex> lock(mutex_);
    Audits out = std::move(audits_);
    audits_.clear();
    return out;
}

void FilingCache::give_back_audits(Audits audits) {
    std::lock_guard<std::mutex> lock(mutex_);
    audits_ = std::move(audits);
}

}  // namespace gongkai
