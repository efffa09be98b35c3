// Invalid filings through the real command line: a non-zero exit, every problem listed with file and
// JSON pointer, and the previous site left byte-for-byte as it was.
#include <doctest/doctest.h>

#include <regex>

#include <sys/stat.h>
#include <unistd.h>

#include <boost/filesystem.hpp>

#include "test_support.hpp"

using namespace gongkai::test;
using nlohmann::json;
namespace fs = boost::filesystem;

namespace {

struct Fixture {
    TempDir dir;
    std::string data = dir / "data";
    std::string out = dir / "site";
    std::string xiangtan = data + "/" + kXiangtanFiling;
    std::map<std::string, std::string> before;

    Fixture() {
        copy_real_data(data);
        std::string output;
        REQUIRE(build(output) == 0);
        for (const auto& rel : list_files(out)) before[rel] = read_file(out + "/" + rel);
    }
    int build(std::string& output) const {
        return run_command(std::string(GONGKAI_BINARY) + " build --quiet --data " + data + " --out " + out +
                               " --templates " + source_dir() + "/site-templates --assets " + source_dir() + "/assets",
                           output);
    }
    void check_site_untouched() const {
        auto now = list_files(out);
        REQUIRE(now.size() == before.size());
        for (const auto& rel : now) CHECK_MESSAGE(read_file(out + "/" + rel) == before.at(rel), rel);
        // No staging folder left next to the site.
        for (const auto& e : fs::directory_iterator(dir.path())) CHECK(e.path().filename().string().find("staging") == std::string::npos);
    }
};

}  // namespace

TEST_CASE("broken JSON") {
    Fixture f;
    write_file(f.xiangtan, read_file(f.xiangtan).substr(0, 500));
    std::string out;
    CHECK(f.build(out) == 1);
    CHECK(out.find("county-government-office.json") != std::string::npos);
    CHECK(out.find("well-formed JSON") != std::string::npos);
    CHECK(out.find("line ") != std::string::npos);
    f.check_site_untouched();
}

TEST_CASE("a build stopped by invalid input still removes what killed builds left, and finishes their patch") {
    Fixture f;
    // Leftovers of builds that were killed (a pid above the system's maximum has no process).
    for (const char* kind : {"staging", "old"}) {
        fs::create_directories(f.dir / (".site.gongkai-" + std::string(kind) + "-99999999/2024"));
        write_file(f.dir / (".site.gongkai-" + std::string(kind) + "-99999999/2024/index.html"), "left behind");
    }
    // A patch killed after its journal counted: one page staged, not yet moved into the site.
    const std::string page = f.before.begin()->first;
    write_file(f.dir / (".site.gongkai-patch-99999999/" + page), "patched");
    write_file(f.dir / ".site.gongkai-cache/journal", "gongkai-journal/1\npatch .site.gongkai-patch-99999999\nmove " + page + "\n");
    write_file(f.xiangtan, "{");
    std::string out;
    CHECK(f.build(out) == 1);
    CHECK(contains(out, "well-formed JSON"));
    for (const char* kind : {"staging", "old", "patch"})
        CHECK_MESSAGE(!fs::exists(f.dir / (".site.gongkai-" + std::string(kind) + "-99999999")), kind);
    CHECK(!fs::exists(f.dir / ".site.gongkai-cache/journal"));
    CHECK(read_file(f.out + "/" + page) == "patched");  // the patch was carried out, not thrown away
    f.before[page] = "patched";
    f.check_site_untouched();
}

TEST_CASE("a first build stopped by invalid input leaves nothing beside the output folder") {
    TempDir dir;
    const std::string data = dir / "data";
    copy_real_data(data);
    write_file(data + "/" + kXiangtanFiling, "{");
    std::string out;
    CHECK(run_command(std::string(GONGKAI_BINARY) + " build --quiet --data " + data + " --out " + (dir / "site") + " --templates " +
                          source_dir() + "/site-templates --assets " + source_dir() + "/assets",
                      out) == 1);
    std::vector<std::string> beside;
    for (const auto& e : fs::directory_iterator(dir.path())) beside.push_back(e.path().filename().string());
    CHECK(beside == std::vector<std::string>{"data"});
}

TEST_CASE("wrong types and missing fields in two files are all listed") {
    Fixture f;
    edit_json(f.xiangtan, [](json& j) {
        j["tables"][0]["blocks"][0]["rows"][0]["values"]["amount"] = 1577.61;
        j["department"].erase("name");
    });
    edit_json(f.data + "/" + kPutuoFiling, [](json& j) { j["year"] = "2024"; });
    std::string out;
    CHECK(f.build(out) == 1);
    CHECK(out.find("county-government-office.json: /tables/0/blocks/0/rows/0/values/amount: expected an amount") != std::string::npos);
    CHECK(out.find("county-government-office.json: /department/name: expected the required member") != std::string::npos);
    CHECK(out.find("finance-bureau.json: /year: expected an integer") != std::string::npos);
    CHECK(out.find("3 problem(s)") != std::string::npos);
    f.check_site_untouched();
}

TEST_CASE("impossible values") {
    Fixture f;
    edit_json(f.xiangtan, [](json& j) {
        j["year"] = 3024;
        j["overview"]["vehicles"]["actual"] = -1;
    });
    std::string out;
    CHECK(f.build(out) == 1);
    CHECK(out.find("/year: expected an integer from 2000 to 2100, found 3024") != std::string::npos);
    CHECK(out.find("/overview/vehicles/actual") != std::string::npos);
    f.check_site_untouched();
}

TEST_CASE("duplicate departments") {
    Fixture f;
    fs::copy_file(f.xiangtan, f.data + "/430321-xiangtan/2024/copy.json");
    edit_json(f.data + "/430321-xiangtan/2024/copy.json", [](json& j) { j["department"]["slug"] = "copy"; });
    std::string out;
    CHECK(f.build(out) == 1);
    // Reported on the later file of the two (sorted by path), naming the other one.
    CHECK(out.find("county-government-office.json: /department/name: expected one filing per department and year") != std::string::npos);
    CHECK(out.find("already filed in " + f.data + "/430321-xiangtan/2024/copy.json") != std::string::npos);
    f.check_site_untouched();
}

TEST_CASE("slugs that try to leave the output folder are rejected and nothing is written outside --out") {
    Fixture f;
    edit_json(f.xiangtan, [](json& j) { j["department"]["slug"] = "../../../../tmp/evil"; });
    std::string out;
    CHECK(f.build(out) == 1);
    CHECK(out.find("/department/slug") != std::string::npos);
    f.check_site_untouched();
    CHECK(!fs::exists(f.dir / "tmp"));
}

TEST_CASE("usage errors exit with 2; --help and --version succeed") {
    std::string out;
    CHECK(run_command(std::string(GONGKAI_BINARY) + " frobnicate", out) == 2);
    CHECK(run_command(std::string(GONGKAI_BINARY) + " build --bogus", out) == 2);
    CHECK(out.find("--bogus") != std::string::npos);
    CHECK(run_command(std::string(GONGKAI_BINARY) + " --help", out) == 0);
    CHECK(out.find("gongkai build") != std::string::npos);
    CHECK(run_command(std::string(GONGKAI_BINARY) + " --version", out) == 0);
    CHECK(out.find("gongkai 0.") != std::string::npos);
}

TEST_CASE("a successful build reports per-step timings on stderr unless --quiet") {
    Fixture f;
    std::string out;
    REQUIRE(run_command(std::string(GONGKAI_BINARY) + " build --data " + f.data + " --out " + f.out + " --templates " +
                            source_dir() + "/site-templates --assets " + source_dir() + "/assets",
                        out) == 0);
    CHECK(out.find("ms  load and validate filings") != std::string::npos);
    CHECK(out.find("ms  write site") != std::string::npos);
    REQUIRE(f.build(out) == 0);
    CHECK(out.empty());
}

TEST_CASE("--full renders every file anew and still reports its steps; a rebuild without it reuses them") {
    Fixture f;
    const std::string command = std::string(GONGKAI_BINARY) + " build --data " + f.data + " --out " + f.out + " --templates " + source_dir() +
                                "/site-templates --assets " + source_dir() + "/assets";
    // The summary line's "(N files written, M unchanged and reused)".
    auto counts = [](const std::string& out) {
        std::smatch m;
        REQUIRE(std::regex_search(out, m, std::regex(R"(\((\d+) files written, (\d+) unchanged and reused\))")));
        return std::pair{std::stoul(m[1]), std::stoul(m[2])};
    };
    std::string out;
    REQUIRE(run_command(command, out) == 0);
    auto [written, reused] = counts(out);
    CHECK(written == 0);
    CHECK(reused + 1 == f.before.size());  // every file of the site but its marker
    REQUIRE(run_command(command + " --full", out) == 0);
    CHECK(out.find("ms  write site") != std::string::npos);
    auto [written_full, reused_full] = counts(out);
    CHECK(written_full == reused);
    CHECK(reused_full == 0);
    REQUIRE(run_command(command + " --full=yes", out) == 2);
}

TEST_CASE("--out may not hold the inputs, also through a symbolic link, nor lie inside them") {
    Fixture f;
    // The data folder moved into the built site and reached through a link: building must not delete it.
    fs::rename(f.data, f.out + "/data");
    fs::create_directory_symlink(f.out + "/data", f.data);
    std::string out;
    CHECK(f.build(out) == 1);
    CHECK(out.find("does not contain --data") != std::string::npos);
    CHECK(fs::exists(f.out + "/data/" + kXiangtanFiling));
    // --out inside the data folder.
    CHECK(run_command(std::string(GONGKAI_BINARY) + " build --quiet --data " + f.data + " --out " + f.data + "/site --templates " +
                          source_dir() + "/site-templates --assets " + source_dir() + "/assets",
                      out) == 1);
    CHECK(out.find("the output folder is inside it") != std::string::npos);
}

TEST_CASE("a 决算 without all nine tables is incomplete") {
    Fixture f;
    edit_json(f.xiangtan, [](json& j) { j["tables"].erase(8); });
    std::string out;
    CHECK(f.build(out) == 1);
    CHECK(out.find("/tables: expected all nine tables of a 决算, found no table of kind three_public") != std::string::npos);
    f.check_site_untouched();
}

namespace {
// Every table amount of the filing at `path` set to the largest the format accepts, as printed text.
void set_amounts_to_maximum(const std::string& path) {
    edit_json(path, [](json& j) {
        for (auto& t : j["tables"])
            for (auto& b : t["blocks"])
                for (auto& r : b["rows"])
                    for (auto& [column, v] : r["values"].items())
                        if (v.is_string() && !v.get<std::string>().empty()) v = "999999999999.99";
    });
}
// `n` more departments in Xiangtan 2024, copies of the (already edited) county-government office.
void add_copies(const Fixture& f, int n) {
    for (int i = 1; i <= n; ++i) {
        std::string copy = f.data + "/430321-xiangtan/2024/max-" + std::to_string(i) + ".json";
        fs::copy_file(f.xiangtan, copy);
        edit_json(copy, [&](json& j) {
            j["department"]["slug"] = "max-" + std::to_string(i);
            j["department"]["name"] = "最大金额部门" + std::to_string(i);
        });
    }
}
}  // namespace

TEST_CASE("amounts at the accepted maximum in many filings: sums are exact or the build names the filing") {
    Fixture f;
    set_amounts_to_maximum(f.xiangtan);
    std::string out;
    SUBCASE("four departments at the maximum still sum exactly") {
        add_copies(f, 3);
        REQUIRE(f.build(out) == 0);
        // 4 × 999,999,999,999.99 万元 on the county dashboard, not a wrapped-around number.
        CHECK(contains(read_file(f.out + "/430321-xiangtan/2024/index.html"), "3,999,999,999,999.96"));
    }
    SUBCASE("five departments at the maximum pass the bound for sums: a clear error naming the filing") {
        add_copies(f, 4);
        CHECK(f.build(out) == 1);
        CHECK(contains(out, "max-"));
        CHECK(contains(out, "past that bound"));
        CHECK(contains(out, "of 湘潭县 2024"));
        f.check_site_untouched();
    }
}

TEST_CASE("an output folder on another file system than the inputs (a tmpfs) builds and rebuilds") {
    struct stat shm, here;
    if (::stat("/dev/shm", &shm) != 0 || !S_ISDIR(shm.st_mode)) {
        MESSAGE("no /dev/shm on this machine: nothing to test");
        return;
    }
    Fixture f;
    REQUIRE(::stat(f.data.c_str(), &here) == 0);
    if (shm.st_dev == here.st_dev) {
        MESSAGE("/dev/shm is on the same file system as the test folder: nothing to test");
        return;
    }
    const std::string parent = "/dev/shm/gongkai-test-" + std::to_string(::getpid());
    fs::create_directories(parent);
    struct Cleanup {
        std::string dir;
        ~Cleanup() { boost::system::error_code ec; fs::remove_all(dir, ec); }
    } cleanup{parent};
    const std::string command = std::string(GONGKAI_BINARY) + " build --quiet --data " + f.data + " --templates " + source_dir() +
                                "/site-templates --assets " + source_dir() + "/assets --out " + parent + "/site";
    std::string out;
    REQUIRE_MESSAGE(run_command(command, out) == 0, out);
    auto same_as_before = [&] {
        auto files = list_files(parent + "/site");
        REQUIRE(files.size() == f.before.size());
        for (const auto& rel : files) CHECK_MESSAGE(read_file(parent + "/site/" + rel) == f.before.at(rel), rel);
    };
    same_as_before();
    REQUIRE_MESSAGE(run_command(command, out) == 0, out);  // again, reusing the previous output
    same_as_before();
}

TEST_CASE("input bounds: control characters, long names, too many rows, huge and deeply nested files") {
    Fixture f;
    std::string out;
    SUBCASE("a terminal escape in a department name is refused, and not printed raw") {
        edit_json(f.xiangtan, [](json& j) { j["department"]["name"] = "湘潭县\x1b[2J人民政府办公室"; });
        CHECK(f.build(out) == 1);
        CHECK(contains(out, "/department/name: expected a name on one line, without control characters, found the control character U+001B at character 4"));
        CHECK(!contains(out, "\x1b"));
    }
    SUBCASE("a line break in a row name is refused (narrative texts keep theirs: the real filings have them)") {
        edit_json(f.xiangtan, [](json& j) { j["tables"][2]["blocks"][0]["rows"][1]["name"] = "一般公共\r\n服务支出"; });
        CHECK(f.build(out) == 1);
        CHECK(contains(out, "/tables/2/blocks/0/rows/1/name: expected a name on one line"));
        CHECK(contains(out, "U+000D"));
    }
    SUBCASE("a name longer than 200 characters") {
        std::string name;
        for (int i = 0; i < 201; ++i) name += "局";
        edit_json(f.xiangtan, [&](json& j) { j["department"]["name"] = name; });
        CHECK(f.build(out) == 1);
        CHECK(contains(out, "/department/name: expected a name of at most 200 characters, found a name of 201 characters"));
    }
    SUBCASE("more than 20,000 rows in one block") {
        edit_json(f.xiangtan, [](json& j) {
            auto& rows = j["tables"][2]["blocks"][0]["rows"];
            json row = rows.back();
            while (rows.size() <= 20'000) rows.push_back(row);
        });
        CHECK(f.build(out) == 1);
        CHECK(contains(out, "/tables/2/blocks/0/rows: expected at most 20000 rows in one block, found 20001 rows"));
    }
    SUBCASE("a file over 16 MB is refused unread") {
        std::string bytes = read_file(f.xiangtan);
        bytes.insert(bytes.size() - 1, std::string(16 * 1024 * 1024, ' '));
        write_file(f.xiangtan, bytes);
        CHECK(f.build(out) == 1);
        CHECK(contains(out, "county-government-office.json: (document): expected a file of at most 16 MB"));
    }
    SUBCASE("arrays nested more than 64 deep") {
        std::string bytes = read_file(f.xiangtan);
        bytes.insert(bytes.rfind('}'), ", \"deep\": " + std::string(100, '[') + std::string(100, ']'));
        write_file(f.xiangtan, bytes);
        CHECK(f.build(out) == 1);
        CHECK(contains(out, "county-government-office.json: /deep/0/0/0/0"));
        CHECK(contains(out, "expected arrays and objects nested at most 64 deep"));
    }
    f.check_site_untouched();
}
