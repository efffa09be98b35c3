#include "serve/preview_server.hpp"

#include <chrono>
#include <memory>

#include <httplib.h>

#include "load/json_file.hpp"
#include "render/escape.hpp"
#include "serve/bounded_http_server.hpp"
#include "serve/file_watcher.hpp"
#include "serve/safe_path.hpp"

namespace gongkai {

// Waits on the server for a generation other than the one the page was served in (a request the server holds
// until a rebuild or a timeout), so a page reloads as soon as a rebuild is done, also one that finished between
// serving the page and asking. It starts a second after the page has loaded, so that the page is first seen
// idle (tools that wait for a quiet network, such as the browser tests, see it settle); between two waits (each
// held at most 10 s) it pauses a second, so that a page whose own requests outlast that first second (a slow
// machine) still has quiet moments; retries after a second when the server is away. A script file of the
// server's own (the pages' Content-Security-Policy allows no inline script), told the generation in its URL.
constexpr const char* kReloadScript =
    "(function(){var g=new URL(document.currentScript.src).searchParams.get('g');"
    "function p(){fetch('/__gongkai/generation?after='+g,{cache:'no-store'})"
    ".then(function(r){return r.text();}).then(function(t){if(t!==g){location.reload();}else{setTimeout(p,1000);}})"
    ".catch(function(){setTimeout(p,1000);});}addEventListener('load',function(){setTimeout(p,1000);});})();\n";

std::string reload_script(long generation) {
    return "<script src=\"/__gongkai/reload.js?g=" + std::to_string(generation) + "\"></script>";
}

namespace {
// The answer to a method other than GET and HEAD.
void answer_not_allowed(httplib::Response& res) {
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    res.set_content("405 Method Not Allowed", "text/plain; charset=utf-8");
}
}  // namespace

bool refuse_request(const httplib::Request& req, httplib::Response& res) {
    auto refuse = [&](int status, const char* text) {
        res.status = status;
        res.set_content(text, "text/plain; charset=utf-8");
        return true;
    };
    const bool body = req.has_header("Transfer-Encoding") || (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0");
    if (req.method != "GET" && req.method != "HEAD") {
        // A request with a body goes on to cpp-httplib, which skips a body over kMaxBodyBytes unread (413) and
        // reads a smaller one before the 405 of the method handlers: answered here, the body would be taken
        // for the next request on the connection.
        if (body) return false;
        answer_not_allowed(res);
        return true;
    }
    if (body) return refuse(400, "400 Bad Request: the preview server takes no request bodies");
    // One range at most: cpp-httplib 0.11 builds a multi-range answer in memory (about 1,000 overlapping
    // ranges of a 1 MB file made a 1 GB response), and no browser needs more than one for a static site.
    if (req.has_header("Range") && req.get_header_value("Range").find(',') != std::string::npos)
        return refuse(416, "416 Range Not Satisfiable: one range at a time");
    return false;
}

PreviewServer::PreviewServer(BuildOptions build, ServeOptions serve)
    : build_(std::move(build)), serve_(std::move(serve)), server_(std::make_unique<BoundedHttpServer>()) {
    if (!build_.filing_cache) build_.filing_cache = std::make_shared<FilingCache>();
    // Every open page holds one request waiting for the next rebuild, and a slow or idle client holds a worker
    // until its read times out: enough workers (threads cost address space, not memory, until used) that
    // hundreds of such connections leave others free to serve files.
    server_->new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
    // cpp-httplib's default options add SO_REUSEPORT, which lets a second server share a busy port.
    server_->set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof(yes));
    });
    server_->set_tcp_nodelay(true);  // small responses are not held back waiting for delayed ACKs
    server_->set_read_timeout(kReadTimeoutSeconds, 0);
    server_->set_write_timeout(kWriteTimeoutSeconds, 0);
    server_->set_keep_alive_timeout(kReadTimeoutSeconds);
    server_->set_keep_alive_max_count(100);
    server_->set_payload_max_length(kMaxBodyBytes);  // there is no upload: a body larger than this is refused unread
    server_->set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        return refuse_request(req, res) ? httplib::Server::HandlerResponse::Handled : httplib::Server::HandlerResponse::Unhandled;
    });
}

PreviewServer::~PreviewServer() { stop(); }

bool PreviewServer::last_build_failed() const {
    std::lock_guard<std::mutex> lock(state_mutex_);
    return !last_problems_.empty() || !last_error_.empty();
}

void PreviewServer::rebuild() {
    ProblemList problems;
    std::string error;
    try {
        Site(build_).build();  // build_.filing_cache: unchanged filings are not read again
    } catch (const BuildFailed& e) {
        problems = e.problems();
    } catch (const std::exception& e) {
        error = e.what();
    }
    {
        std::lock_guard<std::mutex> lock(state_mutex_);
        last_problems_ = problems;
        last_error_ = error;
    }
    if (build_.log) {
        if (!problems.empty()) {
            build_.log("build failed: " + std::to_string(problems.size()) + " problem(s)");
            for (const auto& p : problems.items()) build_.log("  " + p.to_string());
        } else if (!error.empty()) {
            build_.log("build failed: " + error);
        }
    }
    {
        std::lock_guard<std::mutex> lock(state_mutex_);
        ++generation_;
    }
    generation_changed_.notify_all();
}

std::string PreviewServer::error_page() const {
    std::lock_guard<std::mutex> lock(state_mutex_);
    std::string items;
    for (const auto& p : last_problems_.items())
        items += "<li><code>" + html_escape(p.file) + "</code> <code>" + html_escape(p.pointer.empty() ? "(document)" : p.pointer) +
                 "</code><br>应为：" + html_escape(p.expected) + (p.found.empty() ? "" : "；实际：" + html_escape(p.found)) +
                 (p.context.empty() ? "" : "（" + html_escape(p.context) + "）") + "</li>";
    if (!last_error_.empty()) items += "<li>" + html_escape(last_error_) + "</li>";
    return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
           "<title>构建失败 · gongkai</title><style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
           "h1{color:#b00020}li{margin:.6rem 0;line-height:1.5}code{background:#f4f4f4;padding:0 .3em;word-break:break-all}</style></head>"
           "<body><h1>站点构建失败</h1><p>以下输入有误。修正并保存后页面会自动刷新。</p><ol>" + items + "</ol>" + reload_script(generation_.load()) + "</body></html>";
}

void PreviewServer::setup_routes() {
    // Methods other than GET and HEAD whose body cpp-httplib has read (or skipped) first; see refuse_request.
    auto not_allowed = [](const httplib::Request&, httplib::Response& res) { answer_not_allowed(res); };
    server_->Post(R"(/.*)", not_allowed);
    server_->Put(R"(/.*)", not_allowed);
    server_->Patch(R"(/.*)", not_allowed);
    server_->Delete(R"(/.*)", not_allowed);
    server_->Options(R"(/.*)", not_allowed);
    server_->Get("/__gongkai/reload.js", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-cache");
        res.set_content(kReloadScript, "text/javascript; charset=utf-8");
    });
    server_->Get("/__gongkai/generation", [this](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        if (req.has_param("after")) {  // held until the generation differs, at most 10 s
            std::string after = req.get_param_value("after");
            // In slices, so that a stop requested from a signal handler (which cannot notify) is seen soon.
            std::unique_lock<std::mutex> lock(state_mutex_);
            auto changed = [&] { return stopping_.load() || std::to_string(generation_.load()) != after; };
            for (int i = 0; i < 40 && !changed(); ++i) generation_changed_.wait_for(lock, std::chrono::milliseconds(250), changed);
        }
        res.set_content(std::to_string(generation_.load()), "text/plain; charset=utf-8");
    });
    server_->Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Cache-Control", "no-cache");
        res.set_header("X-Content-Type-Options", "nosniff");
        ResolvedPath r = resolve_site_path(build_.out_dir, req.path);
        bool failed = last_build_failed();
        auto is_html = [](const std::string& f) { return f.size() >= 5 && f.compare(f.size() - 5, 5, ".html") == 0; };
        if (failed && (r.verdict == PathVerdict::Directory || (r.verdict == PathVerdict::File && is_html(r.file)) ||
                       r.verdict == PathVerdict::Missing)) {
            res.status = 500;
            res.set_content(error_page(), "text/html; charset=utf-8");
            return;
        }
        switch (r.verdict) {
            case PathVerdict::Refused:
                res.status = 403;
                res.set_content("403 Forbidden", "text/plain; charset=utf-8");
                return;
            case PathVerdict::NeedsSlash:
                // A relative Location ("name/"), so that "//host"-style paths cannot redirect off-site.
                res.status = 301;
                res.set_header("Location", req.path.substr(req.path.find_last_of('/') + 1) + "/");
                return;
            case PathVerdict::Missing: {
                res.status = 404;
                std::string body = read_file_bytes(build_.out_dir + "/404.html").value_or("");
                if (body.empty()) body = "404 Not Found";
                res.set_content(body, "text/html; charset=utf-8");
                return;
            }
            case PathVerdict::File:
            case PathVerdict::Directory: {
                std::string body = read_file_bytes(r.file).value_or("");
                if (is_html(r.file)) {
                    auto pos = body.rfind("</body>");
                    if (pos != std::string::npos) body.insert(pos, reload_script(generation_.load()));
                }
                if (body.empty()) {
                    res.set_content(body, mime_type_for(r.file));
                    return;
                }
                // Sent as is, through a provider of known length (which cpp-httplib never compresses): a local
                // preview gains nothing from compression, and brotli at the library's default quality cost about
                // a second of CPU for each request of ECharts (1 MB), which slowed every page load.
                auto bytes = std::make_shared<const std::string>(std::move(body));
                res.set_content_provider(bytes->size(), mime_type_for(r.file), [bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                    return sink.write(bytes->data() + offset, length);
                });
                return;
            }
        }
    });
}

void PreviewServer::watch_loop() {
    // Also the place where a stop request that came before the listener was running takes effect.
    struct StopOnExit {
        httplib::Server& server;
        ~StopOnExit() { server.stop(); }
    } stop_on_exit{*server_};
    FileWatcher watcher({build_.data_dir, build_.templates_dir, build_.assets_dir});
    if (build_.log && !watcher.notified()) build_.log("inotify unavailable: checking the inputs for changes every " + std::to_string(serve_.poll_ms) + " ms");
    while (!stopping_) {
        // With inotify this sleeps in the kernel until a change (waking only to notice a stop request).
        bool changed = watcher.wait_for_change(serve_.poll_ms);
        if (stopping_) break;
        if (changed) {
            if (build_.log) build_.log("change detected, rebuilding");
            rebuild();
        }
    }
}

int PreviewServer::start() {
    rebuild();
    setup_routes();
    int port = serve_.port;
    if (port == 0) port = server_->bind_to_any_port(serve_.host);
    else if (!server_->bind_to_port(serve_.host, port)) port = -1;
    if (port < 0) return -1;
    server_->widen_listen_backlog();  // best effort: with cpp-httplib's 5 it still serves, only slower in bursts
    server_thread_ = std::thread([this] {
        if (!stopping_) server_->listen_after_bind();
    });
    watch_thread_ = std::thread([this] { watch_loop(); });
    return port;
}

bool PreviewServer::run() {
    int port = start();
    if (port < 0) return false;
    if (build_.log) build_.log("serving http://" + serve_.host + ":" + std::to_string(port) + "/ (Ctrl-C to stop)");
    server_thread_.join();
    stop();
    return true;
}

void PreviewServer::request_stop() {
    stopping_ = true;
    if (server_) server_->stop();
}

void PreviewServer::stop() {
    {
        std::lock_guard<std::mutex> lock(state_mutex_);
        stopping_ = true;
    }
    generation_changed_.notify_all();  // releases the requests waiting for a rebuild
    if (server_) server_->stop();
    if (server_thread_.joinable()) server_thread_.join();
    if (watch_thread_.joinable()) watch_thread_.join();
}

}  // namespace gongkai
