#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ (see docs/reliability.md): builds them into build-san/ with clang++,
# libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer, then fuzzes each target in turn for N minutes (or
# seconds), starting from small seeds taken from data/, site-templates/ and ../shared/disclosures/ (kept in
# build-san/corpus/<target>, which grows from run to run; with --seeds-only, a fresh corpus of the seeds alone
# that is thrown away afterwards, as ./test.sh runs it). With --runs N each target runs until N inputs have been
# tried (the long runs recorded in docs/reliability.md; a time given as well stops it earlier). A crash is
# written to fuzz/findings/<target>/ and makes the run fail: turn it into a regression test.
#
# --no-build fuzzes the targets already built in build-san/ (a long run beside work on the sources).
#
#   fuzz/run.sh [--minutes N | --seconds N] [--runs N] [--target NAME] [--seeds-only] [--no-build]
#   NAME: filing, safe-path, money, render, data-dir, pdf, text or digest-store (default: every target)
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(filing safe-path money render data-dir pdf text digest-store)
seconds=""
runs=""
only=""
seeds_only=0
no_build=0
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) seconds=$(($2 * 60)); shift 2 ;;
    --seconds) seconds=$(($2)); shift 2 ;;
    --runs) runs=$(($2)); shift 2 ;;
    --target) only="$2"; shift 2 ;;
    --seeds-only) seeds_only=1; shift ;;
    --no-build) no_build=1; shift ;;
    -h|--help) sed -n 2,10p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fuzz/run.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
if [ -n "$only" ] && [[ " ${targets[*]} " != *" $only "* ]]; then
  echo "fuzz/run.sh: unknown target '$only' (one of: ${targets[*]})" >&2
  exit 2
fi
[ -z "$seconds" ] && [ -z "$runs" ] && seconds=60
[ -z "$seconds" ] || [ "$seconds" -ge 1 ] || { echo "fuzz/run.sh: the time must be at least 1 second" >&2; exit 2; }
[ -z "$runs" ] || [ "$runs" -ge 1 ] || { echo "fuzz/run.sh: --runs must be at least 1" >&2; exit 2; }
limits=()
[ -n "$seconds" ] && limits+=(-max_total_time="$seconds")
[ -n "$runs" ] && limits+=(-runs="$runs")

# jq and poppler-utils (pdfseparate) make the seeds; the sanitizer runtimes come with libclang-rt-dev.
scripts/install-packages.sh clang libclang-rt-dev jq poppler-utils
build=()
for target in "${targets[@]}"; do
  [ -n "$only" ] && [ "$only" != "$target" ] && continue
  build+=("fuzz-$target")
done
# The sanitizer build of the C++ tests (scripts/sanitize.sh) is instrumented for libFuzzer too: one build.
if [ "$no_build" -eq 0 ]; then
  scripts/sanitized-build.sh "${build[@]}"
fi
corpus_root=build-san/corpus
if [ "$seeds_only" -eq 1 ]; then
  corpus_root=$(mktemp -d)
  trap 'rm -rf "$corpus_root"' EXIT
fi

shared=../shared/disclosures
put() {  # put <dir> <text>: one seed named by its hash
  printf '%s' "$2" >"$1/$(printf '%s' "$2" | md5sum | cut -c1-12)"
}

# pieces <filing> <dir>: a filing or budget as compact JSON in pieces that each decode: its tables without the
# narrative; its tables with the narrative's sections; its tables with each group of 20 of the narrative's
# figures; its tables with its attachments, if any.
pieces() {
  local name n i
  name="$(basename "$(dirname "$1")")-$(basename "$1" .json)"
  jq -c '.narrative.sections = [] | .narrative.figures = [] | del(.attachments)' "$1" >"$2/$name-tables.json"
  jq -c '.narrative.figures = [] | del(.attachments)' "$1" >"$2/$name-sections.json"
  n=$(jq '.narrative.figures | length' "$1")
  for ((i = 0; i < n; i += 20)); do
    jq -c --argjson i "$i" '.narrative.sections = [] | .narrative.figures |= .[$i:$i + 20] | del(.attachments)' \
      "$1" >"$2/$name-figures-$i.json"
  done
  if jq -e 'has("attachments")' "$1" >/dev/null; then
    jq -c '.narrative.sections = [] | .narrative.figures = []' "$1" >"$2/$name-attachments.json"
  fi
}

seed() {  # seed <target>: the starting corpus, once
  local dir="$corpus_root/$1"
  [ -d "$dir" ] && return
  mkdir -p "$dir"
  case "$1" in
    # Every filing and budget of data/ in pieces (see pieces above): as much code reached as by the whole
    # files, with inputs a third of their size, so three times as many executions.
    filing|render) for f in $(find data -name '*.json' -path '*/20*/*' | sort); do pieces "$f" "$dir"; done ;;
    safe-path) for p in / /index.html /a/ /a /../secret/key /%2e%2e/ /out/key /.hidden '/a/../index.html'; do put "$dir" "$p"; done ;;
    money) for m in 0 0.00 1577.61 2,940.05 -3 999999999999.999999 1,000,000.5; do put "$dir" "$m"; done ;;
    # The real data folder as lines (folders end in '/'), each county alone, and links out of it.
    data-dir) put "$dir" "$(cd data && find . -mindepth 1 \( -type d -printf '%P/\n' -o -printf '%P\n' \) | sort)"
              for c in data/*/; do
                put "$dir" "$(cd data && find "$(basename "$c")" \( -type d -printf '%p/\n' -o -printf '%p\n' \) | sort)"; done
              put "$dir" $'430321-xiangtan/county.json\n430321-xiangtan/2024/a.json -> @outside\n430321-xiangtan/2025 -> @outside\nlink-county -> 430321-xiangtan\ncode-mapping.json -> @outside'
              put "$dir" $'310107-putuo/county.json\n310107-putuo/2024/x.budget.json\n310107-putuo/2024/.hidden.json\n310107-putuo/2024/Bad_Name.json\n310107-putuo/2024/y.json/\n310107-putuo/1899/\n310107-putuo/notes.txt\nstray.json\ndepartment-types.json' ;;
    # Single pages of the smaller real PDFs (a cover, a short page, a table page), else a whole PDF.
    pdf) if command -v pdfseparate >/dev/null && [ -f "$shared/putuo-district/2025-finance-bureau-budget.pdf" ]; then
           pdfseparate -f 1 -l 2 "$shared/putuo-district/2025-finance-bureau-budget.pdf" "$dir/finance-bureau-budget-page-%d.pdf"
           pdfseparate -f 3 -l 3 "$shared/putuo-district/2026-justice-bureau-budget.pdf" "$dir/justice-bureau-budget-page-%d.pdf"
         elif [ -d "$shared" ]; then
           cp "$(find "$shared" -name '*.pdf' -printf '%s %p\n' | sort -n | head -1 | cut -d' ' -f2-)" "$dir/"
         fi ;;
    # The Hunan text whole, and cut into pieces of at most 4 KB at line ends (cover, tables, narrative).
    text) for f in "$shared"/*/*.txt; do
            [ -f "$f" ] || continue
            cp "$f" "$dir/"
            split -C 4096 -d -a 3 "$f" "$dir/$(basename "$f" .txt)-part-"
          done ;;
    # Stores written by save_digest_store: the smallest real filing and budget, each as the only entry; none.
    digest-store) GONGKAI_FUZZ_SEED_OUT="$dir" build-san/fuzz/fuzz-digest-store \
                    "$(find data -name '*.json' -path '*/20*/*' ! -name '*.budget.json' -printf '%s %p\n' | sort -n | head -1 | cut -d' ' -f2-)" \
                    "$(find data -name '*.budget.json' -printf '%s %p\n' | sort -n | head -1 | cut -d' ' -f2-)" ;;
  esac
}

# Longest input per target: whole filings and PDF pages need room; the others are short by nature.
max_len() {
  case "$1" in
    filing|render|pdf|digest-store) echo 262144 ;;
    text) echo 65536 ;;
    data-dir) echo 4096 ;;
    *) echo 4096 ;;
  esac
}

status=0
for target in "${targets[@]}"; do
  [ -n "$only" ] && [ "$only" != "$target" ] && continue
  seed "$target"
  mkdir -p "fuzz/findings/$target"
  dict=()
  case "$target" in filing|render) dict=(-dict=fuzz/filing.dict) ;; esac
  echo "==> fuzz-$target for ${seconds:+$seconds second(s)}${seconds:+${runs:+ or }}${runs:+$runs inputs}, corpus: $(find "$corpus_root/$target" -type f | wc -l) files," \
       "$(du -sk "$corpus_root/$target" | cut -f1) KB" >&2
  log="build-san/fuzz-$target.log"
  if ! ASAN_OPTIONS="detect_leaks=1" "build-san/fuzz/fuzz-$target" "${dict[@]}" "${limits[@]}" \
       -timeout=10 -rss_limit_mb=4096 -max_len="$(max_len "$target")" -print_final_stats=1 \
       -artifact_prefix="fuzz/findings/$target/" "$corpus_root/$target" >"$log" 2>&1; then
    echo "fuzz-$target: FOUND A PROBLEM, see $log and fuzz/findings/$target/" >&2
    status=1
    # libFuzzer times an input by the clock: on a machine busy with other work an input can pass the 10 s
    # without being slow. Each timeout is run once more alone to tell the two apart (it still fails the run).
    for found in "fuzz/findings/$target"/timeout-*; do
      [ -f "$found" ] || continue
      if ASAN_OPTIONS=detect_leaks=0 "build-san/fuzz/fuzz-$target" -timeout=10 -runs=1 "$found" >/dev/null 2>&1; then
        echo "fuzz-$target: $found runs in under 10 s alone: the machine was busy, or it is slow only at times" >&2
      else
        echo "fuzz-$target: $found times out again when run alone: a hang to fix" >&2
      fi
    done
  fi
  # libFuzzer's last status line: executions and coverage.
  grep -E '^#[0-9]+' "$log" | tail -1 | sed "s/^/fuzz-$target: /" >&2
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$log" | sed "s/^/fuzz-$target: /" >&2 || true
done
exit $status
