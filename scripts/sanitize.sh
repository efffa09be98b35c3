#!/usr/bin/env bash
# The sanitizer run of issue 12: builds gongkai and its C++ tests with clang++ and
# -fsanitize=address,undefined into build-san/ (every report is fatal), then runs those tests there.
# Usage: scripts/sanitize.sh [ctest arguments, e.g. -R unit-serve]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-packages.sh clang libclang-rt-dev

echo "==> sanitizer build (clang++, -fsanitize=address,undefined) in build-san/" >&2
CXX=clang++ cmake -S . -B build-san -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON -DGONGKAI_SANITIZE=ON >/dev/null
cmake --build build-san >&2

echo "==> C++ tests under AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer" >&2
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
# The node and browser tests drive the same binary; the C++ tests cover it under the sanitizers.
ctest --test-dir build-san --output-on-failure --timeout 1200 -j2 -E 'browser|downloads|roundtrip|schema' "$@"
