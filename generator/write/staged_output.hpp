#pragma once
// Atomic site output, in one of two modes.
// - Whole: files are written into a hidden staging folder beside --out (".<out>.gongkai-staging-<pid>");
//   commit() swaps it in with one atomic rename, so a failed build leaves the previous site byte-for-byte as
//   it was.
// - Patch (a rebuild that changes a few files of a site gongkai built): only the changed files are staged
//   (".<out>.gongkai-patch-<pid>"); commit() records the moves and removals in a journal in the cache folder
//   (".<out>.gongkai-cache/journal"), then renames each staged file over its place in --out (every file is
//   replaced atomically), removes the files the site no longer has and moves the marker last. A build killed
//   before the journal is written leaves the site as it was; one killed after it leaves a journal that the next
//   build carries out first, so the site ends as the killed build would have left it.
// Nothing else outside --out is ever written or deleted, and an existing --out is only replaced when it is a
// site gongkai wrote itself (it holds the marker file).
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "error/problem.hpp"

namespace gongkai {

inline constexpr const char* kSiteMarker = ".gongkai-site";

enum class StageMode { Whole, Patch };

class StagedOutput {
public:
    // Prepares a fresh staging folder, after finishing the journal of a patch cut short; throws BuildFailed
    // when --out cannot be used safely. Patch needs an existing site at --out (a Whole stage is used otherwise).
    explicit StagedOutput(const std::string& out_dir, StageMode mode = StageMode::Whole);
    ~StagedOutput();  // removes the staging folder unless committed
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    // Writes `bytes` at `rel_path` (forward slashes, no "..", not absolute) inside the staging folder.
    // Thread-safe for distinct paths.
    void write(const std::string& rel_path, const std::string& bytes);
    // Reuses the current site's file at `rel_path` (a hard link into the staging folder: no bytes copied)
    // when it is a regular file of `size` bytes. False when there is none or it cannot be linked (another
    // file system, a link limit): the caller then writes the file. Thread-safe for distinct paths.
    // Patch: the current site's file stays where it is (true; nothing is read or linked).
    bool reuse_previous(const std::string& rel_path, std::uint64_t size);
    // Patch: the current site's file at `rel_path` is removed at commit (an output the new site no longer has).
    void remove_on_commit(const std::string& rel_path);
    // Whole: replaces --out with the staged site. The previous site is then removed; with `background`, in a
    // detached process, so that the build does not wait for it (a removal cut short is finished by the next
    // build, which removes the leftovers of builds whose process is gone).
    // Patch: carries out the staged changes in --out through the journal (see above); `background` is unused.
    // Either way, what was staged is synced to disk (syncfs) before it becomes the published site.
    void commit(bool background = false);

    StageMode mode() const { return mode_; }
    const std::string& staging_dir() const { return staging_; }

private:
    void make_parent_dirs(const std::string& rel_path);
    void remove_previous(const std::string& dir, bool background);
    void commit_patch();

    std::mutex dirs_mutex_;
    std::unordered_set<std::string> dirs_;  // folders of the staging tree already created
    std::string out_;
    std::string staging_;
    StageMode mode_;
    std::vector<std::string> staged_;   // Patch: paths written, in any order
    std::vector<std::string> removed_;  // Patch: paths to remove from the site
    bool committed_ = false;
    int lock_fd_ = -1;  // the staging folder's flock, held while the folder is this build's work in progress
};

// Finishes a patch that was cut short at `out_dir` (finish_interrupted_patch) and removes what builds that
// were killed left beside it: staging, patch and old-site folders whose process is gone and that nobody is
// removing. Run at the start of every build, with the build lock held (write/build_lock.hpp). Never throws.
void remove_build_leftovers(const std::string& out_dir);

// Carries out the journal of a patch that was cut short at `out_dir`, if there is one (see StagedOutput);
// a journal that cannot be read is removed and the manifest with it, so the next build is a whole one. Never
// throws.
void finish_interrupted_patch(const std::string& out_dir);

// True while the process `pid` that named a leftover file or folder after itself ("…-<pid>") still runs (or
// cannot be told apart from one that does); false for a pid of 0 or less and for a zombie (ended, not reaped),
// whose leftover is stale.
bool leftover_owner_running(long pid);

// True when `rel` is a safe relative output path: no empty, "." or ".." segments, no backslash, not absolute.
bool is_safe_relative_path(const std::string& rel);

}  // namespace gongkai
