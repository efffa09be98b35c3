#pragma once
// Decoded filings kept between the builds of one process (the preview server rebuilding on every save): a
// file whose size, modification time, change time and inode are those it had when it was decoded is not read
// or decoded again. Only valid filings are kept; a build takes the whole cache and gives back what it loaded,
// so files that were removed leave it. Audits are kept too, by a key of everything an audit reads (the
// filing's path and bytes, its previous year's and its budget's bytes, the other input files).
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "audit/finding.hpp"
#include "model/filing.hpp"
#include "site/filing_digest.hpp"

namespace gongkai {

// What tells a file's version apart without reading it.
struct FileStamp {
    std::uint64_t size = 0, inode = 0, device = 0;
    std::int64_t mtime_ns = 0, ctime_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

// The stamp of the file at `path` (following links), or nullopt when it cannot be read.
std::optional<FileStamp> file_stamp(const std::string& path);

struct CachedFiling {
    FileStamp stamp;
    Filing filing;
    std::uint64_t hash = 0;  // content hash of the bytes it was decoded from
    FilingDigest digest;     // what the site reads of it besides its names (site/filing_digest.hpp)
};

class FilingCache {
public:
    using Entries = std::unordered_map<std::string, CachedFiling>;  // by file path

    // Everything cached, leaving the cache empty (one build at a time uses it).
    Entries take_all();
    // Replaces the cache's contents with `entries` (what the last build loaded).
    void give_back(Entries entries);

    using Audits = std::unordered_map<std::uint64_t, AuditReport>;  // by audit key
    // Every audit kept, leaving none; and the audits the last build holds (computed or carried over).
    Audits take_audits();
    void give_back_audits(Audits audits);

private:
    std::mutex mutex_;
    Entries entries_;
    Audits audits_;
};

}  // namespace gongkai
