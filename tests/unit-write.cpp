// Atomic, contained output (write/).
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <boost/filesystem.hpp>

#include "test_support.hpp"
#include "write/build_lock.hpp"
#include "write/content_hash.hpp"
#include "write/output_manifest.hpp"
#include "write/staged_output.hpp"

using namespace gongkai;
using namespace gongkai::test;
namespace fs = boost::filesystem;

TEST_CASE("output paths cannot leave the output folder") {
    for (const char* bad : {"", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "a\\b", "a/"})
        CHECK_MESSAGE(!is_safe_relative_path(bad), bad);
    CHECK(is_safe_relative_path("430321-xiangtan/2024/index.html"));
    TempDir d;
    StagedOutput out(d / "site");
    CHECK_THROWS_AS(out.write("../escape.txt", "x"), BuildFailed);
    CHECK(!fs::exists(d / "escape.txt"));
}

TEST_CASE("nothing appears in --out until commit, and commit replaces it whole") {
    TempDir d;
    {
        StagedOutput first(d / "site");
        first.write("old.html", "old");
        first.commit();
    }
    CHECK(read_file(d / "site/old.html") == "old");
    {
        StagedOutput second(d / "site");
        second.write("new.html", "new");
        CHECK(!fs::exists(d / "site/new.html"));  // staged, not yet visible
        second.commit();
    }
    CHECK(read_file(d / "site/new.html") == "new");
    CHECK(!fs::exists(d / "site/old.html"));
    // No staging or backup folders are left behind.
    CHECK(list_files(d.path()).size() == 2);  // site/new.html and site/.gongkai-site
}

TEST_CASE("an abandoned build leaves the previous site and no staging folder") {
    TempDir d;
    {
        StagedOutput first(d / "site");
        first.write("index.html", "v1");
        first.commit();
    }
    {
        StagedOutput second(d / "site");
        second.write("index.html", "v2");
    }  // no commit: as when a build step throws
    CHECK(read_file(d / "site/index.html") == "v1");
    CHECK(list_files(d.path()).size() == 2);
}

TEST_CASE("a folder gongkai did not write is never replaced") {
    TempDir d;
    write_file(d / "home/precious.txt", "keep me");
    CHECK_THROWS_AS(StagedOutput(d / "home"), BuildFailed);
    CHECK(read_file(d / "home/precious.txt") == "keep me");
    CHECK_THROWS_AS(StagedOutput("/"), BuildFailed);
    write_file(d / "afile", "x");
    CHECK_THROWS_AS(StagedOutput(d / "afile"), BuildFailed);
}

namespace {
ino_t inode_of(const std::string& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_ino;
}

// A site of three files built whole, as a previous build leaves it.
void whole_site(const std::string& out) {
    StagedOutput first(out);
    first.write("keep.html", "keep");
    first.write("a/change.html", "v1");
    first.write("gone/old.html", "old");
    first.commit();
}
}  // namespace

TEST_CASE("a patch changes only the staged files in place, removes what is gone and leaves nothing behind") {
    TempDir d;
    whole_site(d / "site");
    ino_t kept = inode_of(d / "site/keep.html");
    {
        StagedOutput patch(d / "site", StageMode::Patch);
        REQUIRE(patch.mode() == StageMode::Patch);
        CHECK(patch.reuse_previous("keep.html", 4));
        patch.write("a/change.html", "v2");
        patch.write("b/new.html", "new");
        patch.write(kSiteMarker, "marker 2\n");
        patch.remove_on_commit("gone/old.html");
        CHECK(read_file(d / "site/a/change.html") == "v1");  // staged, not yet visible
        CHECK(!fs::exists(d / "site/b/new.html"));
        patch.commit();
    }
    CHECK(read_file(d / "site/a/change.html") == "v2");
    CHECK(read_file(d / "site/b/new.html") == "new");
    CHECK(read_file(d / "site/.gongkai-site") == "marker 2\n");
    CHECK(!fs::exists(d / "site/gone"));  // the emptied folder went with its file
    CHECK(inode_of(d / "site/keep.html") == kept);  // untouched, not rewritten or relinked
    // No patch folder or journal is left behind (the cache folder holds nothing but what it held).
    CHECK(list_files(d.path()) == std::vector<std::string>{"site/.gongkai-site", "site/a/change.html", "site/b/new.html", "site/keep.html"});
}

TEST_CASE("an abandoned patch leaves the site as it was") {
    TempDir d;
    whole_site(d / "site");
    {
        StagedOutput patch(d / "site", StageMode::Patch);
        patch.write("a/change.html", "v2");
        patch.remove_on_commit("keep.html");
    }  // no commit: as when a build step throws
    CHECK(read_file(d / "site/a/change.html") == "v1");
    CHECK(read_file(d / "site/keep.html") == "keep");
    CHECK(list_files(d.path()).size() == 4);
}

TEST_CASE("a patch cut short after its journal is carried out by the next build, also when half done") {
    TempDir d;
    whole_site(d / "site");
    // The state a build killed during its commit leaves: the journal, the patch folder with the files not yet
    // moved (one was: a/change.html is already v2), the next manifest.
    write_file(d / ".site.gongkai-patch-999999999/b/new.html", "new");
    write_file(d / ".site.gongkai-patch-999999999/.gongkai-site", "marker 2\n");
    write_file(d / "site/a/change.html", "v2");
    write_file(d / ".site.gongkai-cache/manifest.next", "next");
    write_file(d / ".site.gongkai-cache/manifest", "previous");
    write_file(d / ".site.gongkai-cache/journal",
               "gongkai-journal/1\npatch .site.gongkai-patch-999999999\nmove a/change.html\nmove b/new.html\nremove gone/old.html\n");
    CHECK(load_manifest(d / "site").entries.empty());  // the site is between two builds: nothing is reused
    { StagedOutput next(d / "site"); }  // any build starts by finishing it
    CHECK(read_file(d / "site/a/change.html") == "v2");
    CHECK(read_file(d / "site/b/new.html") == "new");
    CHECK(read_file(d / "site/.gongkai-site") == "marker 2\n");
    CHECK(!fs::exists(d / "site/gone/old.html"));
    CHECK(read_file(d / ".site.gongkai-cache/manifest") == "next");
    CHECK(!fs::exists(d / ".site.gongkai-cache/journal"));
    CHECK(!fs::exists(d / ".site.gongkai-patch-999999999"));
}

TEST_CASE("a journal gongkai did not write whole is not carried out, and the next build is a whole one") {
    TempDir d;
    whole_site(d / "site");
    write_file(d / ".site.gongkai-cache/manifest", "previous");
    for (const char* bad : {"gongkai-journal/1\npatch .site.gongkai-patch-1\nmove ../../etc/passwd\n", "gongkai-journal/1\nmove keep.html\n",
                            "not a journal\nremove keep.html\n", "gongkai-journal/1\npatch ../elsewhere\nremove keep.html\n"}) {
        write_file(d / ".site.gongkai-cache/journal", bad);
        finish_interrupted_patch(d / "site");
        CHECK_MESSAGE(read_file(d / "site/keep.html") == "keep", bad);
        CHECK(!fs::exists(d / ".site.gongkai-cache/journal"));
        CHECK(!fs::exists(d / ".site.gongkai-cache/manifest"));
    }
}

TEST_CASE("builds into the same folder take turns") {
    TempDir d;
    std::atomic<bool> second_has_it{false};
    std::thread second;
    {
        BuildLock first(d / "site");
        REQUIRE(first.held());
        second = std::thread([&] {
            BuildLock lock(d / "site");  // waits for the first
            second_has_it = lock.held();
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        CHECK(!second_has_it);
    }  // the first build ends
    second.join();
    CHECK(second_has_it);
    BuildLock other(d / "elsewhere");  // another folder's lock is another lock
    CHECK(other.held());
}

TEST_CASE("a journal that cannot be finished is forgotten, with the manifests, and never replayed later") {
    TempDir d;
    whole_site(d / "site");
    write_file(d / "site/blocked/page.html", "a folder where the patch wants a file");
    write_file(d / ".site.gongkai-patch-999999999/blocked", "file");
    write_file(d / ".site.gongkai-cache/manifest", "previous");
    write_file(d / ".site.gongkai-cache/manifest.next", "next");
    write_file(d / ".site.gongkai-cache/journal", "gongkai-journal/1\npatch .site.gongkai-patch-999999999\nremove keep.html\nmove blocked\n");
    finish_interrupted_patch(d / "site");
    CHECK(!fs::exists(d / ".site.gongkai-cache/journal"));
    CHECK(!fs::exists(d / ".site.gongkai-cache/manifest"));
    CHECK(!fs::exists(d / ".site.gongkai-cache/manifest.next"));
    // The next build replaces the site whole; nothing of the old journal touches the new site.
    {
        StagedOutput next(d / "site");
        next.write("keep.html", "new site");
        next.commit();
    }
    finish_interrupted_patch(d / "site");
    CHECK(read_file(d / "site/keep.html") == "new site");
}

TEST_CASE("a process that ended but was not reaped (a zombie) no longer owns its leftovers") {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    REQUIRE(child > 0);
    CHECK(leftover_owner_running(::getpid()));
    // Not reaped yet: kill() still finds it, as it finds a detached remover whose parent is an init that
    // does not reap.
    bool zombie = false;
    for (int i = 0; i < 200 && !zombie; ++i) {
        zombie = read_file("/proc/" + std::to_string(child) + "/stat").find(") Z ") != std::string::npos;
        if (!zombie) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(zombie);
    CHECK(::kill(child, 0) == 0);
    CHECK(!leftover_owner_running(child));
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(!leftover_owner_running(child));
    CHECK(!leftover_owner_running(0));
    CHECK(!leftover_owner_running(-1));
}

TEST_CASE("leftovers of killed builds are removed, unless a live process holds them") {
    TempDir d;
    {
        StagedOutput first(d / "site");
        first.write("index.html", "v1");
        first.commit();
    }
    // A pid above the system's maximum has no process: these are leftovers of builds that were killed.
    const std::string dead = "99999999";
    for (const char* kind : {"staging", "patch", "old"}) {
        fs::create_directories(d / (".site.gongkai-" + std::string(kind) + "-" + dead + "/deep/er"));
        write_file(d / (".site.gongkai-" + std::string(kind) + "-" + dead + "/deep/er/page.html"), "x");
    }
    // One named after a dead process but locked by a live one (a remover at work): kept.
    const std::string busy = d / (".site.gongkai-old-" + std::to_string(99999998));
    fs::create_directories(busy + "/sub");
    const int fd = ::open(busy.c_str(), O_RDONLY | O_DIRECTORY);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    // Another output's leftovers and other names are not this site's.
    fs::create_directories(d / (".other.gongkai-staging-" + dead));
    fs::create_directories(d / (".site.gongkai-cache"));
    fs::create_directories(d / (".site.gongkai-staging-notanumber-x"));

    remove_build_leftovers(d / "site");
    for (const char* kind : {"staging", "patch", "old"})
        CHECK_MESSAGE(!fs::exists(d / (".site.gongkai-" + std::string(kind) + "-" + dead)), kind);
    CHECK(fs::exists(busy + "/sub"));
    CHECK(fs::exists(d / (".other.gongkai-staging-" + dead)));
    CHECK(fs::exists(d / ".site.gongkai-cache"));
    CHECK(read_file(d / "site/index.html") == "v1");
    ::close(fd);  // the remover is done (or was killed): the next build removes the folder
    remove_build_leftovers(d / "site");
    CHECK(!fs::exists(busy));
    // The staging folder of a build at work is locked from its creation: kept, whatever its name says.
    StagedOutput live(d / "site");
    live.write("a/b.html", "v2");
    const std::string renamed = d / (".site.gongkai-staging-" + dead);
    REQUIRE(::rename(live.staging_dir().c_str(), renamed.c_str()) == 0);
    remove_build_leftovers(d / "site");
    CHECK(fs::exists(renamed + "/a/b.html"));
    REQUIRE(::rename(renamed.c_str(), live.staging_dir().c_str()) == 0);
}

TEST_CASE("a hash built from many values equals the content hash of their bytes, short or long") {
    for (std::size_t n : {std::size_t(3), std::size_t(5000), std::size_t(40000)}) {
        CAPTURE(n);
        HashBuilder h;
        std::string bytes;
        auto le = [&](std::uint64_t v) {
            for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
        };
        for (std::size_t i = 0; i < n; ++i) {
            const std::string text(i % 97, static_cast<char>('a' + i % 26));
            h.add(text).add(static_cast<std::uint64_t>(i));
            le(text.size());
            bytes += text;
            le(i);
        }
        CHECK(h.done() == content_hash(bytes));  // n = 3: the buffer alone; larger: spilled into the running hash
        const std::string big(200000, 'z');  // one value longer than the buffer
        h.add(big);
        le(big.size());
        bytes += big;
        CHECK(h.done() == content_hash(bytes));
        h.add(std::string_view("tail"));  // done() left the builder as it was: values still add to it
        le(4);
        bytes += "tail";
        HashBuilder moved = std::move(h);
        CHECK(moved.done() == content_hash(bytes));
    }
}
