#!/usr/bin/env bash
# The sanitizer build of issue 12, shared by scripts/sanitize.sh (the C++ tests) and fuzz/run.sh (the
# libFuzzer targets): clang++, -fsanitize=address,undefined (every report fatal) and libFuzzer's coverage
# instrumentation, at -O1 with line tables only (a third of the compile time of -O2 -g, stack traces keep
# their file and line), in build-san/. Builds the targets named, or all of them.
# Usage: scripts/sanitized-build.sh [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-packages.sh clang libclang-rt-dev
CXX=clang++ cmake -S . -B build-san -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
  -DBUILD_TESTING=ON -DGONGKAI_SANITIZE=ON -DGONGKAI_FUZZ=ON >/dev/null
if [ $# -gt 0 ]; then cmake --build build-san --target "$@" >&2; else cmake --build build-san >&2; fi
