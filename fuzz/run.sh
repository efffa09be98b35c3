#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ (see docs/reliability.md): builds them into build-fuzz/ with clang++,
# libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer, then fuzzes each target for N minutes, starting
# from seeds taken from data/ (kept in build-fuzz/corpus/<target>, which grows from run to run). A crash is
# written to fuzz/findings/<target>/ and stops the run with a non-zero exit: turn it into a regression test.
#
#   fuzz/run.sh [--minutes N] [--target filing|safe-path|money]
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=1
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --target) only="$2"; shift 2 ;;
    -h|--help) sed -n 2,7p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fuzz/run.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

scripts/install-packages.sh clang libclang-rt-dev
CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
  -DGONGKAI_SANITIZE=ON -DGONGKAI_FUZZ=ON >/dev/null
cmake --build build-fuzz --target fuzz-filing fuzz-safe-path fuzz-money >&2

seed() {  # seed <target>: the starting corpus, once
  local dir="build-fuzz/corpus/$1"
  [ -d "$dir" ] && return
  mkdir -p "$dir"
  case "$1" in
    filing) find data -name '*.json' -path '*/20*/*' -exec cp {} "$dir/" \; ;;
    safe-path) for p in / /index.html /a/ /a /../secret/key /%2e%2e/ /out/key /.hidden '/a/../index.html'; do
                 printf '%s' "$p" >"$dir/$(printf '%s' "$p" | md5sum | cut -c1-12)"; done ;;
    money) for m in 0 0.00 1577.61 2,940.05 -3 999999999999.999999 1,000,000.5; do
             printf '%s' "$m" >"$dir/$(printf '%s' "$m" | md5sum | cut -c1-12)"; done ;;
  esac
}

status=0
for target in filing safe-path money; do
  [ -n "$only" ] && [ "$only" != "$target" ] && continue
  seed "$target"
  mkdir -p "fuzz/findings/$target"
  dict=()
  [ "$target" = filing ] && dict=(-dict=fuzz/filing.dict)
  echo "==> fuzz-$target for $minutes minute(s)" >&2
  log="build-fuzz/fuzz-$target.log"
  if ! ASAN_OPTIONS="detect_leaks=1" "build-fuzz/fuzz/fuzz-$target" "${dict[@]}" -max_total_time=$((minutes * 60)) \
       -timeout=10 -rss_limit_mb=4096 -max_len=262144 -artifact_prefix="fuzz/findings/$target/" \
       "build-fuzz/corpus/$target" >"$log" 2>&1; then
    echo "fuzz-$target: FOUND A PROBLEM, see $log and fuzz/findings/$target/" >&2
    status=1
  fi
  # libFuzzer's last status line: executions and coverage.
  grep -E '^#[0-9]+' "$log" | tail -1 | sed "s/^/fuzz-$target: /" >&2
  grep -E '^stat::number_of_executed_units' "$log" | sed "s/^/fuzz-$target: /" >&2 || true
done
exit $status
