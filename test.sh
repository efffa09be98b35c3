#!/usr/bin/env bash
# Sets up everything gongkai needs (Debian packages, npm dependencies, build), then runs every test:
#   1. the test suite in build/ (C++ unit and whole-site tests, node and browser tests);
#   2. the C++ tests again under AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer, in build-san/
#      (scripts/sanitize.sh: clang++, every report fatal);
#   3. every libFuzzer target of fuzz/ for a short fixed time (fuzz/run.sh --seconds 15), from the same build.
# All three run; the exit code is non-zero when any failed. With ctest arguments (./test.sh -R unit-serve)
# only those tests run, in build/.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --with-tests
echo "==> running tests" >&2
if [ $# -gt 0 ]; then exec ctest --test-dir build --output-on-failure --timeout 300 "$@"; fi
failed=()
ctest --test-dir build --output-on-failure --timeout 300 || failed+=("tests (build/)")
scripts/sanitize.sh || failed+=("tests under the sanitizers (build-san/)")
fuzz/run.sh --seconds 15 --seeds-only || failed+=("fuzzing (fuzz/findings/)")
if [ "${#failed[@]}" -gt 0 ]; then
  printf '==> FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "==> all passed: tests, tests under the sanitizers, fuzzing" >&2
