// read_pdf_isolated(): the PDF is parsed by a child process (this executable, `__extract-pdf FILE`) with
// limits on its memory and CPU time and a wall-clock deadline, so that a hostile or broken PDF can only make
// the import fail with a reason, never crash or hang gongkai.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "import/source/extractor_path.hpp"
#include "import/source/import_error.hpp"
#include "import/source/pdf_reader.hpp"

namespace gongkai::import {

namespace {
// Whether this is the sanitizer build: AddressSanitizer cannot start under an address-space limit, so there
// the reader's memory is bounded by CPU time alone.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif


std::string g_extractor;  // empty: /proc/self/exe

// Reads everything from `fd` until EOF or the deadline; false on timeout.
bool read_all(int fd, std::string& out, std::chrono::steady_clock::time_point deadline, std::size_t max_bytes) {
    char buf[65536];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) return false;
        pollfd p{fd, POLLIN, 0};
        const int r = poll(&p, 1, static_cast<int>(std::min<long long>(left, INT_MAX)));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return r != 0 ? true : false;
        const ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return true;
        if (out.size() + static_cast<std::size_t>(n) > max_bytes) return true;  // truncated: parse fails below
        out.append(buf, static_cast<std::size_t>(n));
    }
}

}  // namespace

void set_extractor_executable(const std::string& path) { g_extractor = path; }

std::vector<SourcePage> read_pdf_isolated(const std::string& path, const PdfLimits& limits) {
    const std::string exe = g_extractor.empty() ? "/proc/self/exe" : g_extractor;
    const std::string pages = std::to_string(limits.max_pages);
    const std::string seconds = std::to_string(limits.max_seconds);
    std::vector<std::string> args = {exe, "__extract-pdf", path, "--max-pages", pages, "--max-seconds", seconds};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    int out_pipe[2], err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) throw ImportError("cannot start the PDF reader (pipe)");
    if (pipe2(err_pipe, O_CLOEXEC) != 0) {
        close(out_pipe[0]), close(out_pipe[1]);
        throw ImportError("cannot start the PDF reader (pipe)");
    }
    const rlim_t mem = static_cast<rlim_t>(limits.max_memory_mb) * 1024 * 1024;
    const rlim_t cpu = static_cast<rlim_t>(std::ceil(limits.max_seconds)) + 1;
    const pid_t pid = fork();
    if (pid < 0) {
        close(out_pipe[0]), close(out_pipe[1]), close(err_pipe[0]), close(err_pipe[1]);
        throw ImportError("cannot start the PDF reader (fork)");
    }
    if (pid == 0) {
        // Child: only async-signal-safe calls until exec.
        struct rlimit as_limit{mem, mem};
        struct rlimit cpu_limit{cpu, cpu};
        struct rlimit no_core{0, 0};
        if (!kAddressSanitizer) setrlimit(RLIMIT_AS, &as_limit);  // ASan reserves terabytes of address space
        setrlimit(RLIMIT_CPU, &cpu_limit);
        setrlimit(RLIMIT_CORE, &no_core);
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        const int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0) dup2(devnull, 0);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out_pipe[1]);
    close(err_pipe[1]);
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(static_cast<long>(limits.max_seconds * 1000) + 2000);
    std::string out, err;
    const bool in_time = read_all(out_pipe[0], out, deadline, std::size_t{512} << 20);
    if (in_time) read_all(err_pipe[0], err, deadline, 64 * 1024);
    close(out_pipe[0]);
    close(err_pipe[0]);
    if (!in_time) kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!in_time) throw ImportError("reading the PDF took longer than " + seconds.substr(0, seconds.find('.')) + " s; stopped");
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        if (sig == SIGXCPU || sig == SIGKILL)
            throw ImportError("reading the PDF took longer than the time limit; stopped");
        throw ImportError("the PDF reader stopped on this file (signal " + std::to_string(sig) +
                          "; the PDF is damaged or too large for the memory limit)");
    }
    const int code = WEXITSTATUS(status);
    if (code == 127) throw ImportError("cannot start the PDF reader (" + exe + ")");
    if (code != 0) {
        if (err.empty()) err = "the PDF cannot be read (it is damaged or exceeds the memory limit)";
        throw ImportError(err);
    }
    try {
        return pages_from_json(nlohmann::json::parse(out));
    } catch (const std::exception&) {
        throw ImportError("the PDF reader returned no usable result (the PDF is damaged or too large)");
    }
}

}  // namespace gongkai::import
