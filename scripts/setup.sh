#!/usr/bin/env bash
# Shared set-up for serve.sh and test.sh: installs missing Debian packages and npm dependencies, then
# configures and builds gongkai. Usage: scripts/setup.sh [--with-tests]
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
[ "${1:-}" = "--with-tests" ] && with_tests=1

packages=(g++ cmake ninja-build pkg-config libcpp-httplib-dev libssl-dev nlohmann-json3-dev libkainjow-mustache-dev
          libboost-filesystem-dev libxxhash-dev doctest-dev libpoppler-private-dev libpoppler-cpp-dev)
[ "$with_tests" -eq 1 ] && packages+=(poppler-utils qpdf chromium fonts-noto-cjk)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

scripts/install-packages.sh "${packages[@]}"

# npm dependencies, pinned by package-lock.json; reinstalled only when the lock file changed.
npm_install() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.gongkai-lock"; then
    echo "==> npm ci in $dir" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
    cp "$dir/package-lock.json" "$dir/node_modules/.gongkai-lock"
  fi
}
npm_install assets
[ "$with_tests" -eq 1 ] && npm_install tests

echo "==> building" >&2
# One build folder for both scripts: tests are always configured, and built only by test.sh.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON >/dev/null
if [ "$with_tests" -eq 1 ]; then cmake --build build >&2; else cmake --build build --target gongkai >&2; fi
