#!/usr/bin/env bash
# The sanitizer run of issue 12: builds gongkai and its C++ tests with clang++ and
# -fsanitize=address,undefined into build-san/ (scripts/sanitized-build.sh; every report is fatal), then
# runs those tests there. Part of ./test.sh.
# Usage: scripts/sanitize.sh [ctest arguments, e.g. -R unit-serve]
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> sanitizer build (clang++, -fsanitize=address,undefined) in build-san/" >&2
scripts/sanitized-build.sh

echo "==> C++ tests under AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer" >&2
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
# The node and browser tests drive the same binary; the C++ tests cover it under the sanitizers.
ctest --test-dir build-san --output-on-failure --timeout 1200 -j2 -E 'browser|downloads|roundtrip|schema' "$@"
