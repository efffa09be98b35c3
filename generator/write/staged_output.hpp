#pragma once
// Atomic site output. Files are written into a hidden staging folder beside --out
// (".<out>.gongkai-staging-<pid>"); commit() swaps it in with one atomic rename, so a failed build leaves
// the previous site byte-for-byte as it was. Nothing else outside --out is ever written or deleted, and an
// existing --out is only replaced when it is a site gongkai wrote itself (it holds the marker file).
#include <string>

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
    // Copies a file into the staging folder.
    void copy_file(const std::string& from, const std::string& rel_path);
    // Replaces --out with the staged site.
    void commit();

    const std::string& staging_dir() const { return staging_; }

private:
    std::string out_;
    std::string staging_;
    bool committed_ = false;
};

// True when `rel` is a safe relative output path: no empty, "." or ".." segments, no backslash, not absolute.
bool is_safe_relative_path(const std::string& rel);

}  // namespace gongkai
