#pragma once
// The preview server: builds the site, serves --out over HTTP (cpp-httplib), watches the inputs,
// rebuilds on change and makes open pages reload. A failed rebuild is shown as an error page naming
// file and JSON pointer; the server keeps running and recovers on the next good save.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "site/site.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace gongkai {

class BoundedHttpServer;

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;
    int poll_ms = 400;  // how often the inputs are checked for changes
};

class PreviewServer {
public:
    PreviewServer(BuildOptions build, ServeOptions serve);
    ~PreviewServer();

    // Builds once, then serves until stop() (blocking). Returns false when the port cannot be bound.
    bool run();
    // Binds and serves on a background thread; returns the bound port (useful with port 0 in tests), or -1.
    int start();
    void stop();
    // Asks a running server to stop (safe from a signal handler: no joins, no locks).
    void request_stop();

    // The number of builds so far (successful or not); pages poll it to know when to reload.
    long generation() const { return generation_.load(); }
    bool last_build_failed() const;

private:
    void rebuild();
    void setup_routes();
    void watch_loop();
    std::string error_page() const;

    BuildOptions build_;
    ServeOptions serve_;
    std::unique_ptr<BoundedHttpServer> server_;
    std::thread server_thread_;
    std::thread watch_thread_;
    std::atomic<bool> stopping_{false};
    std::atomic<long> generation_{0};
    mutable std::mutex state_mutex_;
    std::condition_variable generation_changed_;  // with state_mutex_: wakes the requests waiting for a rebuild
    ProblemList last_problems_;
    std::string last_error_;  // non-problem failures (I/O)
};

// Limits of the preview server (see the constructor): worker threads, seconds a client may stay silent while
// sending a request (and between two requests on one connection), seconds to take a response, and the
// largest request body read at all (the server has no route that takes one).
inline constexpr int kWorkers = 1024;
inline constexpr int kReadTimeoutSeconds = 5;
inline constexpr int kWriteTimeoutSeconds = 10;
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;

// Answers a request the preview server refuses before routing: a method other than GET or HEAD without a body
// (405; with one, cpp-httplib skips or reads the body first, then 413 or 405), a GET or HEAD with a body (400),
// or more than one byte range (416). Returns false for a request to go on.
bool refuse_request(const httplib::Request& req, httplib::Response& res);

// The script element injected into the HTML pages served while the site is at `generation`: it loads
// /__gongkai/reload.js, which waits, once the page has loaded and settled, for the next generation and reloads.
std::string reload_script(long generation);

}  // namespace gongkai
