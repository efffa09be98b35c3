#include "serve/bounded_http_server.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <string>

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gongkai {

namespace {

// Waits until `sock` can be read (or written) for at most `sec` s and `usec` µs; false on a timeout or error.
bool wait_for(socket_t sock, short events, time_t sec, time_t usec) {
    pollfd p{sock, events, 0};
    const int ms = static_cast<int>(sec * 1000 + usec / 1000);
    for (;;) {
        const int n = ::poll(&p, 1, ms);
        if (n < 0 && errno == EINTR) continue;
        return n > 0 && (p.revents & (events | POLLHUP)) != 0 && (p.revents & POLLNVAL) == 0;
    }
}

std::string address_of(const sockaddr_storage& addr, socklen_t len, int& port) {
    char host[NI_MAXHOST] = "";
    char serv[NI_MAXSERV] = "";
    if (::getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, host, sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return "";
    port = std::atoi(serv);
    return host;
}

// A socket stream (as cpp-httplib's own, with its timeouts) that bounds each request's head.
class BoundedStream : public httplib::Stream {
public:
    BoundedStream(socket_t sock, time_t read_sec, time_t read_usec, time_t write_sec, time_t write_usec)
        : sock_(sock), read_sec_(read_sec), read_usec_(read_usec), write_sec_(write_sec), write_usec_(write_usec) {}

    // A new request begins: its head is counted from here.
    void start_request() {
        in_head_ = true;
        head_bytes_ = line_bytes_ = 0;
        blank_line_ = true;
    }
    // True once a head passed its bound (the 431 has been sent).
    bool refused() const { return refused_; }

    bool is_readable() const override { return wait_for(sock_, POLLIN, read_sec_, read_usec_); }
    bool is_writable() const override { return wait_for(sock_, POLLOUT, write_sec_, write_usec_); }

    // cpp-httplib reads a head a byte at a time: small reads are served from a buffer filled by one recv.
    ssize_t read(char* ptr, size_t size) override {
        if (refused_) return -1;
        if (buffered_ == taken_) {
            if (!is_readable()) return -1;
            char* into = size < sizeof buffer_ ? buffer_ : ptr;
            ssize_t n;
            do n = ::recv(sock_, into, into == buffer_ ? sizeof buffer_ : size, 0);
            while (n < 0 && errno == EINTR);
            if (n <= 0) return n;
            if (into == ptr) return in_head_ && !count_head(ptr, static_cast<std::size_t>(n)) ? -1 : n;
            buffered_ = static_cast<std::size_t>(n);
            taken_ = 0;
        }
        const std::size_t n = std::min(size, buffered_ - taken_);
        std::copy_n(buffer_ + taken_, n, ptr);
        taken_ += n;
        if (in_head_ && !count_head(ptr, n)) return -1;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        if (!is_writable()) return -1;
        ssize_t n;
        do n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
        while (n < 0 && errno == EINTR);
        return n;
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) ip = address_of(addr, len, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) ip = address_of(addr, len, port);
    }
    socket_t socket() const override { return sock_; }

private:
    // Counts the head's bytes in what was just read, up to the blank line that ends it; false (after a 431)
    // when a line or the head passes its bound.
    bool count_head(const char* p, std::size_t n) {
        for (std::size_t i = 0; i < n && in_head_; ++i) {
            ++head_bytes_;
            if (p[i] == '\n') {
                if (blank_line_) in_head_ = false;  // the empty line after the headers: the body follows
                blank_line_ = true;
                line_bytes_ = 0;
            } else if (p[i] != '\r') {
                blank_line_ = false;
                ++line_bytes_;
            }
            if (line_bytes_ > kMaxHeadLineBytes || head_bytes_ > kMaxHeadBytes) {
                static constexpr char kAnswer[] =
                    "HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    "Content-Length: 35\r\n\r\n431 Request Header Fields Too Large";
                [[maybe_unused]] ssize_t sent = ::send(sock_, kAnswer, sizeof kAnswer - 1, MSG_NOSIGNAL);
                refused_ = true;
                return false;
            }
        }
        return true;
    }

    socket_t sock_;
    time_t read_sec_, read_usec_, write_sec_, write_usec_;
    bool in_head_ = true, blank_line_ = true, refused_ = false;
    std::size_t head_bytes_ = 0, line_bytes_ = 0;
    char buffer_[4096];
    std::size_t buffered_ = 0, taken_ = 0;  // bytes in buffer_, and how many of them were read
};

}  // namespace

bool BoundedHttpServer::widen_listen_backlog() {
    const socket_t sock = svr_sock_;
    return sock != INVALID_SOCKET && ::listen(sock, kListenBacklog) == 0;  // listen again: only the backlog changes
}

bool BoundedHttpServer::process_and_close_socket(socket_t sock) {
    BoundedStream stream(sock, read_timeout_sec_, read_timeout_usec_, write_timeout_sec_, write_timeout_usec_);
    bool ok = false;
    // As cpp-httplib's loop: the next request on a kept-alive connection is awaited for the keep-alive time.
    for (std::size_t left = keep_alive_max_count_; left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
        if (!wait_for(sock, POLLIN, keep_alive_timeout_sec_, 0)) break;
        stream.start_request();
        bool closed = false;
        ok = process_request(stream, left == 1, closed, nullptr);
        if (!ok || closed || stream.refused()) break;
    }
    if (stream.refused()) {
        // A lingering close: what the client still sends is read and dropped for a moment, so that closing a
        // socket with unread bytes (a reset) does not throw away the 431 before the client has read it.
        ::shutdown(sock, SHUT_WR);
        char scratch[4096];
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(250);
        for (std::size_t dropped = 0; dropped < (1u << 20) && std::chrono::steady_clock::now() < until;) {
            if (!wait_for(sock, POLLIN, 0, 50000)) break;
            const ssize_t n = ::recv(sock, scratch, sizeof scratch, 0);
            if (n <= 0) break;
            dropped += static_cast<std::size_t>(n);
        }
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
}

}  // namespace gongkai
