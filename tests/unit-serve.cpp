// The preview server (serve/): path safety, MIME types, status codes, rebuild on change.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include <boost/filesystem.hpp>
#include <httplib.h>

#include "serve/file_watcher.hpp"
#include "serve/preview_server.hpp"
#include "serve/safe_path.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;
namespace fs = boost::filesystem;

TEST_CASE("request paths are confined to the site root") {
    TempDir d;
    write_file(d / "site/index.html", "home");
    write_file(d / "site/a/index.html", "a");
    write_file(d / "secret.txt", "secret");
    fs::create_symlink(d / "secret.txt", d / "site/link.txt");
    fs::create_directory_symlink(d.path(), d / "site/up");
    std::string root = d / "site";
    CHECK(resolve_site_path(root, "/").verdict == PathVerdict::Directory);
    CHECK(resolve_site_path(root, "/a").verdict == PathVerdict::NeedsSlash);
    CHECK(resolve_site_path(root, "/a/").verdict == PathVerdict::Directory);
    CHECK(resolve_site_path(root, "/nope.html").verdict == PathVerdict::Missing);
    CHECK(resolve_site_path(root, "/../secret.txt").verdict == PathVerdict::Refused);
    CHECK(resolve_site_path(root, "/a/../../secret.txt").verdict == PathVerdict::Refused);
    CHECK(resolve_site_path(root, "/..\\secret.txt").verdict == PathVerdict::Refused);
    CHECK(resolve_site_path(root, "/link.txt").verdict == PathVerdict::Refused);
    CHECK(resolve_site_path(root, "/up/secret.txt").verdict == PathVerdict::Refused);
    CHECK(mime_type_for("x.html") == "text/html; charset=utf-8");
    CHECK(mime_type_for("x.js") == "text/javascript; charset=utf-8");
    CHECK(mime_type_for("x.json") == "application/json; charset=utf-8");
    CHECK(mime_type_for("x.css") == "text/css; charset=utf-8");
}

TEST_CASE("the server serves pages, its 404 page, refuses traversal and recovers from a bad save") {
    TempDir d;
    copy_real_data(d / "data");
    BuildOptions b = options_for(d / "data", d / "site");
    ServeOptions s;
    s.port = 0;
    s.poll_ms = 50;
    PreviewServer server(b, s);
    int port = server.start();
    REQUIRE(port > 0);
    httplib::Client c("127.0.0.1", port);

    auto page = c.Get("/430321-xiangtan/2024/county-government-office/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->body.find("1577.61") != std::string::npos);
    CHECK(page->body.find("/__gongkai/generation") != std::string::npos);  // live reload injected

    auto css = c.Get("/assets/gongkai.css");
    REQUIRE(css);
    CHECK(css->status == 200);
    CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");

    auto redirect = c.Get("/310107-putuo/2024");
    REQUIRE(redirect);
    CHECK(redirect->status == 301);
    CHECK(redirect->get_header_value("Location") == "2024/");

    auto offsite = c.Get("//evil.example");
    REQUIRE(offsite);
    CHECK(offsite->get_header_value("Location").rfind("//", 0) != 0);

    // A second server cannot take a port that is in use.
    ServeOptions same = s;
    same.port = port;
    PreviewServer second(b, same);
    CHECK(second.start() == -1);

    auto missing = c.Get("/no/such/page.html");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(missing->body.find("页面未找到") != std::string::npos);

    // Traversal, also percent-encoded; the data folder sits right next to the site.
    for (const char* attack : {"/../data/310107-putuo/county.json", "/%2e%2e/data/310107-putuo/county.json",
                               "/%2E%2E%2Fdata%2F310107-putuo%2Fcounty.json", "/..%5cdata%5c310107-putuo%5ccounty.json"}) {
        auto r = c.Get(attack);
        if (r) {
            CHECK_MESSAGE(r->status != 200, attack);
            CHECK_MESSAGE(r->body.find("gongkai-county/1") == std::string::npos, attack);
        }
    }

    // A broken save: the server stays up and shows an error page naming file and pointer.
    long gen = server.generation();
    std::string filing = d / "data/430321-xiangtan/2024/county-government-office.json";
    std::string good = read_file(filing);
    edit_json(filing, [](nlohmann::json& j) { j["year"] = "二〇二四"; });
    for (int i = 0; i < 100 && server.generation() == gen; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(server.generation() > gen);
    auto err = c.Get("/430321-xiangtan/2024/county-government-office/");
    REQUIRE(err);
    CHECK(err->status == 500);
    CHECK(err->body.find("county-government-office.json") != std::string::npos);
    CHECK(err->body.find("/year") != std::string::npos);

    // The next good save recovers.
    gen = server.generation();
    write_file(filing, good);
    for (int i = 0; i < 100 && server.generation() == gen; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto back = c.Get("/430321-xiangtan/2024/county-government-office/");
    REQUIRE(back);
    CHECK(back->status == 200);
    CHECK(!server.last_build_failed());
    server.stop();
}

TEST_CASE("the watcher sees saves in existing folders and in folders created or moved in later, not hidden files") {
    TempDir d;
    fs::create_directories(d / "data/430321-x/2024");
    write_file(d / "data/430321-x/2024/a.json", "{}");
    FileWatcher watcher({d / "data"});
    REQUIRE(watcher.notified());
    CHECK(!watcher.wait_for_change(100));
    write_file(d / "data/430321-x/2024/a.json", "{\"x\": 1}");
    CHECK(watcher.wait_for_change(2000));
    CHECK(!watcher.wait_for_change(100));
    write_file(d / "data/430321-x/2024/.a.json.swp", "editor");  // hidden: not a change
    CHECK(!watcher.wait_for_change(200));
    // A new year folder, then a save inside it: the new folder is watched once it appears.
    fs::create_directories(d / "data/430321-x/2025");
    CHECK(watcher.wait_for_change(2000));
    write_file(d / "data/430321-x/2025/b.json", "{}");
    CHECK(watcher.wait_for_change(2000));
    // A county prepared elsewhere and moved in whole, then changed inside.
    fs::create_directories(d / "elsewhere/2024");
    write_file(d / "elsewhere/2024/c.json", "{}");
    fs::rename(d / "elsewhere", d / "data/310107-y");
    CHECK(watcher.wait_for_change(2000));
    write_file(d / "data/310107-y/2024/c.json", "{\"y\": 2}");
    CHECK(watcher.wait_for_change(2000));
    CHECK(!watcher.wait_for_change(100));
}
