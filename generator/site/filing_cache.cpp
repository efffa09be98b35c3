#include "site/filing_cache.hpp"

#include <sys/stat.h>

namespace gongkai {

std::optional<FileStamp> file_stamp(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileStamp{static_cast<std::uint64_t>(st.st_size), static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_dev),
                     st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec, st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec};
}

namespace {
// What `from` holds, leaving it empty (under `m`).
template <typename Map>
Map take_from(std::mutex& m, Map& from) {
    std::lock_guard<std::mutex> lock(m);
    Map out = std::move(from);
    from.clear();
    return out;
}
}  // namespace

FilingCache::Entries FilingCache::take_all() { return take_from(mutex_, entries_); }

void FilingCache::give_back(Entries entries) {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_ = std::move(entries);
}

FilingCache::Audits FilingCache::take_audits() { return take_from(mutex_, audits_); }

void FilingCache::give_back_audits(Audits audits) {
    std::lock_guard<std::mutex> lock(mutex_);
    audits_ = std::move(audits);
}

}  // namespace gongkai
