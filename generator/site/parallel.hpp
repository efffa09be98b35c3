#pragma once
// A small parallel-for: runs fn(worker, index) for every index in [0, n) on up to `jobs` threads.
// The first exception thrown by any call is rethrown after all threads have stopped.
#include <cstddef>
#include <functional>

namespace gongkai {

// Number of worker threads to use when the caller asks for 0 ("as many as cores").
unsigned default_jobs();

void parallel_for(std::size_t n, unsigned jobs, const std::function<void(unsigned worker, std::size_t index)>& fn);

}  // namespace gongkai
