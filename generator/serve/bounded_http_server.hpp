#pragma once
// A cpp-httplib server whose request heads are read within a bound. cpp-httplib 0.11.4 (Debian 12's) reads a
// request line or header line into memory until its line feed, however long: a client sending hundreds of
// megabytes without one grew the server by as much. Here every connection is read through a stream that
// counts the bytes of each request's head (request line and headers): a line of more than kMaxHeadLineBytes or
// a head of more than kMaxHeadBytes is answered 431 and the connection closed, before more is read. Bodies are
// not counted (the preview server refuses them by size, see preview_server.cpp).
#include <cstddef>

#include <httplib.h>

namespace gongkai {

inline constexpr std::size_t kMaxHeadLineBytes = 16 * 1024;  // cpp-httplib answers a URI over 8 KB with 414
inline constexpr std::size_t kMaxHeadBytes = 64 * 1024;
// Connections that may wait to be accepted (the kernel caps it at net.core.somaxconn).
inline constexpr int kListenBacklog = 1024;

class BoundedHttpServer : public httplib::Server {
public:
    // Lets kListenBacklog connections wait to be accepted. cpp-httplib 0.11.4 listens with a backlog of 5 (built
    // into Debian's libcpp-httplib), so connections opened in a burst — 64 clients reconnecting after their
    // keep-alive count — were dropped and retried by the client 1 or 3 s later. Call after bind_to_port or
    // bind_to_any_port; false when there is no bound socket or the kernel refused.
    bool widen_listen_backlog();

private:
    // Serves the requests of one connection, as cpp-httplib does (keep-alive up to its count and timeout),
    // reading them through a bounded stream; closes the socket.
    bool process_and_close_socket(socket_t sock) override;
};

}  // namespace gongkai
