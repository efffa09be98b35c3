// The preview server (serve/): path safety, MIME types, status codes, rebuild on change.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <boost/filesystem.hpp>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "serve/file_watcher.hpp"
#include "serve/preview_server.hpp"
#include "serve/safe_path.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;
namespace fs = boost::filesystem;

namespace {
// Waits until `done()` holds, for at most two minutes (a sanitizer build on a busy machine rebuilds slowly);
// returns whether it did.
template <class Done>
bool wait_until(Done done) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

// The resident memory of this process (and so of the server running in it), in kB.
long resident_kb() {
    std::string status = read_file("/proc/self/status");
    auto at = status.find("VmRSS:");
    return at == std::string::npos ? 0 : std::stol(status.substr(at + 6));
}

// Sends `head` and then `body_bytes` bytes of body over a raw connection, and returns the status line of the
// answer ("" when the server closed the connection without one).
std::string raw_request(int port, const std::string& head, std::size_t body_bytes) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return "";
    }
    timeval tv{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    bool ok = ::send(fd, head.data(), head.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(head.size());
    const std::string chunk(64 * 1024, 'a');
    for (std::size_t sent = 0; ok && sent < body_bytes; sent += chunk.size())
        ok = ::send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(chunk.size());
    char buf[256];
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    ::close(fd);
    std::string answer = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "";
    return answer.substr(0, answer.find("\r\n"));
}
}  // namespace

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
    // Live reload: a script of the server's own (no inline script: the page's Content-Security-Policy).
    CHECK(page->body.find("<script src=\"/__gongkai/reload.js?g=") != std::string::npos);
    CHECK(page->body.find("Content-Security-Policy") != std::string::npos);
    auto reload = c.Get("/__gongkai/reload.js");
    REQUIRE(reload);
    CHECK(reload->status == 200);
    CHECK(reload->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    CHECK(reload->body.find("/__gongkai/generation?after=") != std::string::npos);

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
    REQUIRE(wait_until([&] { return server.generation() > gen && server.last_build_failed(); }));
    auto err = c.Get("/430321-xiangtan/2024/county-government-office/");
    REQUIRE(err);
    CHECK(err->status == 500);
    CHECK(err->body.find("county-government-office.json") != std::string::npos);
    CHECK(err->body.find("/year") != std::string::npos);

    // The next good save recovers.
    gen = server.generation();
    write_file(filing, good);
    REQUIRE(wait_until([&] { return server.generation() > gen && !server.last_build_failed(); }));
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

TEST_CASE("the server answers only what a static site needs, at once, and bounded in memory") {
    TempDir d;
    copy_real_data(d / "data");
    ServeOptions s;
    s.port = 0;
    PreviewServer server(options_for(d / "data", d / "site"), s);
    int port = server.start();
    REQUIRE(port > 0);
    httplib::Client c("127.0.0.1", port);

    auto hidden = c.Get("/.gongkai-site");  // the site's marker exists, but hidden files are not served
    REQUIRE(fs::exists(d / "site/.gongkai-site"));
    REQUIRE(hidden);
    CHECK(hidden->status == 404);

    auto one_range = c.Get("/assets/gongkai.css", {{"Range", "bytes=0-9"}});
    REQUIRE(one_range);
    CHECK(one_range->status == 206);
    CHECK(one_range->body.size() == 10);
    std::string many = "bytes=0-100000";
    for (int i = 0; i < 500; ++i) many += ",0-100000";
    auto multi = c.Get("/assets/echarts.min.js", {{"Range", many}});
    REQUIRE(multi);
    CHECK(multi->status == 416);

    auto put = c.Put("/index.html", "x", "text/plain");
    REQUIRE(put);
    CHECK(put->status == 405);
    CHECK(put->get_header_value("Allow") == "GET, HEAD");
    CHECK(raw_request(port, "DELETE / HTTP/1.1\r\nHost: x\r\n\r\n", 0) == "HTTP/1.1 405 Method Not Allowed");
    CHECK(raw_request(port, "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", 0) == "HTTP/1.1 400 Bad Request");

    // An oversized URL is answered at once.
    auto t0 = std::chrono::steady_clock::now();
    auto long_url = c.Get("/" + std::string(9000, 'a'));
    REQUIRE(long_url);
    CHECK(long_url->status == 414);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1));

    // A head line past its bound is answered 431 and the connection closed: a 64 MB request line without a
    // line feed (cpp-httplib alone read it whole into memory) and a 20 KB header, and a head of many headers.
    long at_start = resident_kb();
    t0 = std::chrono::steady_clock::now();
    const std::string answered = raw_request(port, "GET /", 64 << 20);
    CHECK((answered == "HTTP/1.1 431 Request Header Fields Too Large" || answered.empty()));  // empty: reset while sending
    CHECK(resident_kb() - at_start < 16 * 1024);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
    CHECK(raw_request(port, "GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + std::string(20000, 'b') + "\r\n\r\n", 0) ==
          "HTTP/1.1 431 Request Header Fields Too Large");
    std::string many_headers = "GET / HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 80; ++i) many_headers += "X-" + std::to_string(i) + ": " + std::string(1000, 'c') + "\r\n";
    CHECK(raw_request(port, many_headers + "\r\n", 0) == "HTTP/1.1 431 Request Header Fields Too Large");
    CHECK(raw_request(port, "GET / HTTP/1.1\r\nHost: x\r\nX-Fine: " + std::string(7000, 'b') + "\r\n\r\n", 0) == "HTTP/1.1 200 OK");

    // A 256 MB body is skipped unread (413), and the server's memory stays where it was.
    long before = resident_kb();
    CHECK(raw_request(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 268435456\r\n\r\n", 268435456) ==
          "HTTP/1.1 413 Payload Too Large");
    CHECK(resident_kb() - before < 64 * 1024);

    // 200 connections opened at the same moment are all answered at once: none waits for the client to retry a
    // connection the listen backlog had no room for (1 s, then 3 s, with cpp-httplib's backlog of 5).
    {
        constexpr int kBurst = 200;
        std::vector<std::thread> clients;
        std::vector<std::string> answers(kBurst);
        std::vector<double> seconds(kBurst);
        std::atomic<int> ready{0};
        std::atomic<bool> go{false};
        for (int i = 0; i < kBurst; ++i)
            clients.emplace_back([&, i] {
                ++ready;
                while (!go) std::this_thread::yield();
                const auto start = std::chrono::steady_clock::now();
                answers[static_cast<std::size_t>(i)] =
                    raw_request(port, "GET /assets/gongkai.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 0);
                seconds[static_cast<std::size_t>(i)] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            });
        while (ready < kBurst) std::this_thread::yield();
        go = true;
        for (auto& t : clients) t.join();
        CHECK(std::count(answers.begin(), answers.end(), "HTTP/1.1 200 OK") == kBurst);
        CHECK(*std::max_element(seconds.begin(), seconds.end()) < 0.9);
    }

    // Pages are still served afterwards.
    auto home = c.Get("/");
    REQUIRE(home);
    CHECK(home->status == 200);
    server.stop();
}
