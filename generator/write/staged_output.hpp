#pragma once
// Atomic site output. Files are written into a hidden staging folder beside --out
// (".<out>.gongkai-staging-<pid>"); commit() swaps it in with one atomic rename, so a failed build leaves
// the previous site byte-for-byte as it was. Nothing else outside --out is ever written or deleted, and an
// existing --out is only replaced when it is a site gongkai wrote itself (it holds the marker file).
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_set>

#include "error/problem.hpp"

namespace gongkai {

inline constexpr const char* kSiteMarker = ".gongkai-site";

class StagedOutput {
public:
    // Prepares a fresh staging folder; throws BuildFailed when --out cannot be used safely.
    explicit StagedOutput(const std::string& out_dir);
    ~StagedOutput();  // removes the staging folder unless committed
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    // Writes `bytes` at `rel_path` (forward slashes, no "..", not absolute) inside the staging folder.
    // Thread-safe for distinct paths.
    void write(const std::string& rel_path, const std::string& bytes);
    // Reuses the current site's file at `rel_path` (a hard link into the staging folder: no bytes copied)
    // when it is a regular file of `size` bytes. False when there is none or it cannot be linked (another
    // file system, a link limit): the caller then writes the file. Thread-safe for distinct paths.
    bool reuse_previous(const std::string& rel_path, std::uint64_t size);
    // Replaces --out with the staged site. The previous site is then removed; with `background`, in a
    // detached process, so that the build does not wait for it (a removal cut short is finished by the next
    // build, which removes the leftovers of builds whose process is gone).
    void commit(bool background = false);

    const std::string& staging_dir() const { return staging_; }

private:
    void make_parent_dirs(const std::string& rel_path);
    void remove_previous(const std::string& dir, bool background);

    std::mutex dirs_mutex_;
    std::unordered_set<std::string> dirs_;  // folders of the staging tree already created
    std::string out_;
    std::string staging_;
    bool committed_ = false;
};

// True when `rel` is a safe relative output path: no empty, "." or ".." segments, no backslash, not absolute.
bool is_safe_relative_path(const std::string& rel);

}  // namespace gongkai
