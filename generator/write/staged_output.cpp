#include "write/staged_output.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

#include <boost/filesystem.hpp>

#include "load/json_file.hpp"
#include "write/output_manifest.hpp"

namespace fs = boost::filesystem;

namespace gongkai {

bool is_safe_relative_path(const std::string& rel) {
    if (rel.empty() || rel.front() == '/' || rel.find('\\') != std::string::npos || rel.find('\0') != std::string::npos) return false;
    std::size_t start = 0;
    while (start <= rel.size()) {
        std::size_t slash = rel.find('/', start);
        std::string seg = rel.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (seg.empty() || seg == "." || seg == "..") return false;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return true;
}

namespace {
std::string journal_path(const std::string& out_dir);
}  // namespace

static BuildFailed out_problem(const std::string& out, std::string expected, std::string found) {
    ProblemList p;
    p.add({out, "", std::move(expected), std::move(found), "--out"});
    return BuildFailed(p);
}

bool leftover_owner_running(long pid) {
    if (pid <= 0 || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno != EPERM)) return false;
    // A process that has ended but was not yet reaped (a zombie: a detached remover whose parent is an init
    // that does not reap) still answers kill(); it runs no more.
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line)) return true;  // no /proc: cannot tell, so running
    const auto paren = line.rfind(')');
    return paren == std::string::npos || paren + 2 >= line.size() || (line[paren + 2] != 'Z' && line[paren + 2] != 'X');
}

namespace {

// --out as an absolute, normal path naming the folder itself ("site/." and "site/" are "site").
fs::path normal_out_path(const std::string& out_dir) {
    fs::path out = fs::absolute(fs::path(out_dir)).lexically_normal();
    if (out.filename_is_dot() || out.filename().empty()) out = out.parent_path();
    return out;
}

// Opens `dir` and takes its flock (exclusive, or fails at once with -1 when another process holds it). A build
// holds the lock of its staging folder from its creation on, and the remover of a previous site that of the
// folder it removes, until it is gone: a leftover whose lock can be taken is nobody's work in progress.
int lock_folder(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return -1;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Removes `dir` whole; retried, since a removal can stop short when another process changes the folder
// meanwhile (a removal cut short leaves a folder the next build would only find again).
void remove_folder(const std::string& dir) {
    boost::system::error_code ec;
    for (int attempt = 0; attempt < 5; ++attempt) {
        fs::remove_all(dir, ec);
        if (!fs::exists(fs::symlink_status(dir, ec))) return;
    }
}

}  // namespace

// Leftovers of builds beside --out (".<out>.gongkai-{staging,patch,old}-<pid>") whose owner is gone are
// removed: the process named has ended (or is a zombie) and nobody holds the folder's lock. A live build's
// staging folder and a remover's folder are kept.
static void remove_stale_siblings(const fs::path& out) {
    const std::string prefix = "." + out.filename().string() + ".gongkai-";
    boost::system::error_code ec;
    std::vector<std::string> stale;
    for (fs::directory_iterator it(out.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        auto dash = name.find_last_of('-');
        std::string kind = name.substr(prefix.size(), dash - prefix.size());
        if (kind != "staging" && kind != "old" && kind != "patch") continue;
        if (leftover_owner_running(std::strtol(name.c_str() + dash + 1, nullptr, 10))) continue;
        stale.push_back(it->path().string());
    }
    for (const auto& dir : stale) {
        const int lock = lock_folder(dir);
        if (lock < 0) continue;  // another process is removing it (or it is gone)
        remove_folder(dir);
        ::close(lock);
    }
}

void remove_build_leftovers(const std::string& out_dir) {
    try {
        const fs::path out = normal_out_path(out_dir);
        if (out == out.root_path()) return;
        finish_interrupted_patch(out.string());
        remove_stale_siblings(out);
    } catch (...) {
    }
}

StagedOutput::StagedOutput(const std::string& out_dir, StageMode mode) : mode_(mode) {
    if (out_dir.empty()) throw out_problem(out_dir, "an output folder", "an empty path");
    const fs::path out = normal_out_path(out_dir);
    if (out == out.root_path()) throw out_problem(out_dir, "an output folder other than the file-system root", out.string());
    boost::system::error_code ec;
    if (fs::exists(out, ec)) {
        if (!fs::is_directory(out) || fs::is_symlink(out))
            throw out_problem(out_dir, "a folder (or nothing) at the output path", "a file or a link");
        bool empty = fs::directory_iterator(out) == fs::directory_iterator();
        if (!empty && !fs::exists(out / kSiteMarker))
            throw out_problem(out_dir, "an empty folder or a site gongkai built (with its " + std::string(kSiteMarker) + " marker)",
                              "a folder with other content, which gongkai will not replace");
    }
    out_ = out.string();
    fs::create_directories(out.parent_path());
    remove_build_leftovers(out_);
    if (mode_ == StageMode::Patch && !fs::exists(out / kSiteMarker)) mode_ = StageMode::Whole;
    const char* kind = mode_ == StageMode::Patch ? ".gongkai-patch-" : ".gongkai-staging-";
    staging_ = (out.parent_path() / ("." + out.filename().string() + kind + std::to_string(::getpid()))).string();
    fs::remove_all(staging_, ec);
    fs::create_directories(staging_);
    lock_fd_ = lock_folder(staging_);  // ours until committed or removed (remove_stale_siblings)
    if (mode_ == StageMode::Whole) write(kSiteMarker, "This folder was generated by gongkai; it is replaced on every build.\n");
}

StagedOutput::~StagedOutput() {
    if (!committed_) remove_folder(staging_);
    if (lock_fd_ >= 0) ::close(lock_fd_);
}

void StagedOutput::make_parent_dirs(const std::string& rel_path) {
    auto slash = rel_path.rfind('/');
    if (slash == std::string::npos) return;
    std::string dir = rel_path.substr(0, slash);
    {
        std::lock_guard<std::mutex> lock(dirs_mutex_);
        if (dirs_.count(dir)) return;
    }
    fs::create_directories(fs::path(staging_) / dir);
    std::lock_guard<std::mutex> lock(dirs_mutex_);
    dirs_.insert(dir);
}

void StagedOutput::write(const std::string& rel_path, const std::string& bytes) {
    if (!is_safe_relative_path(rel_path)) throw out_problem(rel_path, "a relative output path inside --out", "an unsafe path");
    make_parent_dirs(rel_path);
    std::string p = staging_ + "/" + rel_path;
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw out_problem(p, "a writable file", std::strerror(errno));
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int err = n < 0 ? errno : EIO;
            ::close(fd);
            throw out_problem(p, "a writable file", err == ENOSPC ? "no space left on the device" : std::strerror(err));
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) throw out_problem(p, "a writable file", errno == ENOSPC ? "no space left on the device" : std::strerror(errno));
    if (mode_ == StageMode::Patch) {
        std::lock_guard<std::mutex> lock(dirs_mutex_);
        staged_.push_back(rel_path);
    }
}

void StagedOutput::remove_on_commit(const std::string& rel_path) {
    if (mode_ == StageMode::Patch && is_safe_relative_path(rel_path)) removed_.push_back(rel_path);
}

bool StagedOutput::reuse_previous(const std::string& rel_path, std::uint64_t size) {
    if (!is_safe_relative_path(rel_path)) return false;
    if (mode_ == StageMode::Patch) return true;
    std::string from = out_ + "/" + rel_path;
    struct stat st;
    if (::lstat(from.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || static_cast<std::uint64_t>(st.st_size) != size) return false;
    make_parent_dirs(rel_path);
    return ::link(from.c_str(), (staging_ + "/" + rel_path).c_str()) == 0;
}

// The previous site, now at `dir`, is renamed to the "old" leftover name of this process and locked first, so
// that a removal cut short is recognised (and finished) by the next build, and one in progress is left alone.
void StagedOutput::remove_previous(const std::string& dir, bool background) {
    boost::system::error_code ec;
    fs::path out(out_);
    fs::path old = out.parent_path() / ("." + out.filename().string() + ".gongkai-old-" + std::to_string(::getpid()));
    std::string target = dir;
    if (dir != old.string()) {
        fs::remove_all(old, ec);
        if (::rename(dir.c_str(), old.c_str()) == 0) target = old.string();
    }
    const int lock = lock_folder(target);
    if (background && lock >= 0) {
        // Twice forked, so that the remover is nobody's child to wait for; the process is single-threaded
        // here (the writers have joined), and the child only removes files and exits. The folder's lock is
        // shared with the remover (the same open file), which holds it until the folder is gone: a build
        // starting meanwhile leaves the folder be, and one starting after a remover that was killed finishes it.
        const pid_t child = ::fork();
        if (child == 0) {
            // Holds nothing of the build's (not its build lock, write/build_lock.hpp) but the folder's lock.
            if (lock > 3) ::close_range(3, static_cast<unsigned>(lock) - 1, 0);
            ::close_range(static_cast<unsigned>(std::max(lock + 1, 3)), ~0U, 0);
            if (::fork() > 0) ::_exit(0);
            remove_folder(target);  // in the remover, or here when it could not be started
            ::_exit(0);
        }
        ::close(lock);
        if (child > 0) {
            int status = 0;
            ::waitpid(child, &status, 0);
            return;
        }
        remove_folder(target);
        return;
    }
    remove_folder(target);
    if (lock >= 0) ::close(lock);
}

// Flushes what was written to the file system holding `dir` (the staged site) to the disk before the swap
// makes it the published site, so that a power loss right after a build cannot leave a damaged site. One
// syncfs for the whole file system: far cheaper than an fsync per file (0.4 s after a 1,000-filing build).
static void sync_file_system(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw out_problem(dir, "a folder that can be synced to disk", std::strerror(errno));
    const int rc = ::syncfs(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) throw out_problem(dir, "a site saved to disk", err == ENOSPC ? "no space left on the device" : std::strerror(err));
}

void StagedOutput::commit(bool background) {
    if (mode_ == StageMode::Patch) return commit_patch();
    sync_file_system(staging_);
    ::unlink(journal_path(out_).c_str());  // a patch's journal never outlives the site it was for
    fs::path out(out_);
    if (fs::exists(out)) {
        // Swap the two folders in one atomic step, so that --out never disappears, not even for a moment.
        if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) == 0) {
            committed_ = true;
            remove_previous(staging_, background);  // the staging path now holds the previous site
            return;
        }
        // File systems without RENAME_EXCHANGE: two renames, putting the old site back on failure.
        boost::system::error_code ec;
        fs::path old = out.parent_path() / ("." + out.filename().string() + ".gongkai-old-" + std::to_string(::getpid()));
        fs::remove_all(old, ec);
        fs::rename(out, old);
        try {
            fs::rename(staging_, out);
        } catch (...) {
            fs::rename(old, out);
            throw;
        }
        committed_ = true;
        remove_previous(old.string(), background);
        return;
    }
    fs::rename(staging_, out);
    committed_ = true;
}

namespace {

constexpr const char* kJournalHeader = "gongkai-journal/1";

std::string journal_path(const std::string& out_dir) { return (fs::path(cache_dir_of(out_dir)) / "journal").string(); }

// Removes `rel`'s now empty parent folders inside `out`, deepest first (rmdir fails on a folder with files).
void remove_empty_parents(const std::string& out, std::string rel) {
    for (auto slash = rel.rfind('/'); slash != std::string::npos; slash = rel.rfind('/')) {
        rel.resize(slash);
        if (::rmdir((out + "/" + rel).c_str()) != 0) break;
    }
}

// Carries out a journal's lines in `out` (see StagedOutput). Every step can be repeated: a staged file that
// is gone was moved already, a file to remove that is gone was removed.
void apply_journal(const std::string& out, const std::string& patch_dir, const std::vector<std::string>& moves,
                   const std::vector<std::string>& removals) {
    // Removals first, so that a path that was a file and is now a folder (or the reverse) is free for its move.
    for (const auto& rel : removals) {
        if (::unlink((out + "/" + rel).c_str()) == 0) remove_empty_parents(out, rel);
    }
    std::unordered_set<std::string> made;
    for (const auto& rel : moves) {
        std::string from = patch_dir + "/" + rel, to = out + "/" + rel;
        if (::access(from.c_str(), F_OK) != 0) continue;
        if (auto slash = rel.rfind('/'); slash != std::string::npos) {
            std::string dir = rel.substr(0, slash);
            if (made.insert(dir).second) {
                boost::system::error_code ec;
                fs::create_directories(out + "/" + dir, ec);
            }
        }
        if (::rename(from.c_str(), to.c_str()) != 0) throw out_problem(to, "a file gongkai can replace", std::strerror(errno));
    }
    std::string from = patch_dir + "/" + kSiteMarker;  // last: the site now carries the new build id
    if (::access(from.c_str(), F_OK) == 0 && ::rename(from.c_str(), (out + "/" + kSiteMarker).c_str()) != 0)
        throw out_problem(out, "a site whose marker gongkai can replace", std::strerror(errno));
    std::string cache = cache_dir_of(out);
    ::rename((cache + "/manifest.next").c_str(), (cache + "/manifest").c_str());
    boost::system::error_code ec;
    fs::remove_all(patch_dir, ec);
    ::unlink(journal_path(out).c_str());
}

// Forgets a journal that will not be carried out, and the manifests with it: no later build replays it against
// another site, and the next one replaces the site whole.
void forget_patch(const std::string& out_dir) {
    const std::string cache = cache_dir_of(out_dir);
    ::unlink(journal_path(out_dir).c_str());
    ::unlink((cache + "/manifest").c_str());
    ::unlink((cache + "/manifest.next").c_str());
}

}  // namespace

void finish_interrupted_patch(const std::string& out_dir) {
    try {
        std::string cache = cache_dir_of(out_dir);
        auto text = read_file_bytes(journal_path(out_dir));
        if (!text) {
            ::unlink((cache + "/manifest.next").c_str());  // a patch cut short before its journal: never applied
            return;
        }
        std::vector<std::string> moves, removals;
        std::string patch_dir;
        bool ok = text->rfind(std::string(kJournalHeader) + "\n", 0) == 0;
        std::size_t pos = 0;
        while (ok && pos < text->size()) {
            std::size_t nl = text->find('\n', pos);
            if (nl == std::string::npos) break;
            std::string line = text->substr(pos, nl - pos);
            pos = nl + 1;
            if (line == kJournalHeader) continue;
            auto space = line.find(' ');
            std::string verb = line.substr(0, space), arg = space == std::string::npos ? "" : line.substr(space + 1);
            if (verb == "patch" && arg.find('/') == std::string::npos && arg.rfind(".", 0) == 0) patch_dir = arg;
            else if (verb == "move" && is_safe_relative_path(arg)) moves.push_back(arg);
            else if (verb == "remove" && is_safe_relative_path(arg)) removals.push_back(arg);
            else ok = false;
        }
        const fs::path out = normal_out_path(out_dir);
        if (!ok || patch_dir.empty()) {  // not a journal gongkai wrote whole: forget the manifest, build whole next time
            forget_patch(out_dir);
            return;
        }
        try {
            apply_journal(out.string(), (out.parent_path() / patch_dir).string(), moves, removals);
        } catch (...) {
            // It cannot be finished (a file in the way, permissions): forget it and the manifests, so that no
            // later build replays it against another site and the next one replaces the site whole.
            forget_patch(out_dir);
        }
    } catch (...) {
    }
}

// The journal is complete before anything in --out changes: it is written beside and renamed into place.
void StagedOutput::commit_patch() {
    fs::path out(out_);
    std::string journal = std::string(kJournalHeader) + "\npatch " + fs::path(staging_).filename().string() + "\n";
    for (const auto& rel : staged_)
        if (rel != kSiteMarker) journal += "move " + rel + "\n";
    for (const auto& rel : removed_) journal += "remove " + rel + "\n";
    std::string path = journal_path(out_), tmp = path + ".tmp-" + std::to_string(::getpid());
    fs::create_directories(fs::path(path).parent_path());
    {
        std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
        o << journal;
        if (!o.flush()) throw out_problem(tmp, "a writable cache folder", "the journal cannot be written");
    }
    sync_file_system(staging_);  // the staged files and the journal are on disk before the journal counts
    if (::rename(tmp.c_str(), path.c_str()) != 0) throw out_problem(path, "a writable cache folder", std::strerror(errno));
    committed_ = true;
    std::vector<std::string> moves;
    for (const auto& rel : staged_)
        if (rel != kSiteMarker) moves.push_back(rel);
    apply_journal(out_, staging_, moves, removed_);
}

}  // namespace gongkai
