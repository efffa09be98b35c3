#!/usr/bin/env bash
# Sets up everything gongkai needs (Debian packages, npm dependencies, build), then runs every test.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --with-tests
echo "==> running tests" >&2
ctest --test-dir build --output-on-failure --timeout 300 "$@"
