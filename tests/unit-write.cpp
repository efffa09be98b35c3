// Atomic, contained output (write/).
#include <doctest/doctest.h>

#include <boost/filesystem.hpp>

#include "test_support.hpp"
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
