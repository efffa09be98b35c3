#include "site/parallel.hpp"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace gongkai {

unsigned default_jobs() {
    unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 2 : n;
}

void parallel_for(std::size_t n, unsigned jobs, const std::function<void(unsigned, std::size_t)>& fn) {
    if (jobs == 0) jobs = default_jobs();
    if (jobs > n) jobs = static_cast<unsigned>(n);
    if (jobs <= 1) {
        for (std::size_t i = 0; i < n; ++i) fn(0, i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex error_mutex;
    std::vector<std::thread> threads;
    for (unsigned w = 0; w < jobs; ++w) {
        threads.emplace_back([&, w] {
            for (;;) {
                std::size_t i = next.fetch_add(1);
                if (i >= n) return;
                try {
                    fn(w, i);
                } catch (...) {
                    std::lock_guard<std::mutex> lock(error_mutex);
                    if (!error) error = std::current_exception();
                    next.store(n);
                }
            }
        });
    }
    for (auto& t : threads) t.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace gongkai
