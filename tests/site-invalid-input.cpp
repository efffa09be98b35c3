// Invalid filings through the real command line: a non-zero exit, every problem listed with file and
// JSON pointer, and the previous site left byte-for-byte as it was.
#include <doctest/doctest.h>

#include <regex>

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
