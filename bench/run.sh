#!/usr/bin/env bash
# Benchmark: gongkai against Hugo (the same department and county pages from the same filings) and against
# `cp -r` of gongkai's output (the I/O floor), on a synthetic corpus. See bench/README.md.
#
#   bench/run.sh [--filings N] [--runs R] [--keep DIR]
#
# Progress goes to stderr; results to stdout, the last line being
#   filings=N pages=P gongkai_s=… hugo_s=… ratio=… cp_s=… gongkai_rss_mb=… hugo_rss_mb=… incremental_s=…
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
START_DIR="$PWD"
cd "$ROOT"

usage() {
  cat <<'EOF'
Usage: bench/run.sh [--filings N] [--runs R] [--keep DIR]

  --filings N   size of the synthetic corpus in 决算 filings (default 10000); it is generated as
                ceil(N/200) counties x 40 departments x 5 years, so N is rounded up to a multiple of 200
  --runs R      timed runs of each tool: gongkai, cp -r and hugo alternating, then as many gongkai
                incremental rebuilds (default 3, minimum 3)
  --keep DIR    work in DIR (created; must be empty) and keep it: corpus, Hugo input, every output
EOF
}

filings=10000
runs=3
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --filings) [ $# -ge 2 ] || { usage >&2; exit 2; }; filings="$2"; shift 2 ;;
    --filings=*) filings="${1#*=}"; shift ;;
    --runs) [ $# -ge 2 ] || { usage >&2; exit 2; }; runs="$2"; shift 2 ;;
    --runs=*) runs="${1#*=}"; shift ;;
    --keep) [ $# -ge 2 ] || { usage >&2; exit 2; }; keep="$2"; shift 2 ;;
    --keep=*) keep="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$filings" =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: --filings needs a positive whole number, not '$filings'" >&2; exit 2; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: --runs needs a positive whole number, not '$runs'" >&2; exit 2; }
[ "$runs" -ge 3 ] || { echo "bench/run.sh: --runs must be at least 3 (each build is timed at least three times)" >&2; exit 2; }

say() { echo "==> $*" >&2; }

# --- tools -------------------------------------------------------------------------------------------
for tool in hugo python3 /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench/run.sh: '$tool' is not installed" >&2; exit 1; }
done
GK="${GONGKAI:-$ROOT/build/gongkai}"   # GONGKAI=/path/to/copy: time another binary (default: the project's)
if [ ! -x "$GK" ] && [ -z "${GONGKAI:-}" ]; then
  say "build/gongkai is missing: building it"
  cmake --build build -j2 --target gongkai >&2 \
    || { echo "bench/run.sh: could not build gongkai; run scripts/setup.sh first" >&2; exit 1; }
fi
if [ ! -d assets/node_modules/echarts ]; then
  say "assets/node_modules/echarts is missing: npm ci --prefix assets"
  npm ci --prefix assets --no-audit --no-fund --loglevel=error >&2
fi

# --- work folder --------------------------------------------------------------------------------------
if [ -n "$keep" ]; then
  case "$keep" in /*) ;; *) keep="$START_DIR/$keep" ;; esac
  mkdir -p "$keep"
  [ -z "$(ls -A "$keep")" ] || { echo "bench/run.sh: --keep $keep is not empty" >&2; exit 2; }
  WORK="$(cd "$keep" && pwd)"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/gongkai-bench.XXXXXX")"
fi

# gongkai removes the site it replaces in a detached background process (".<out>.gongkai-old-<pid>" beside
# --out). Wait for those, then flush dirty pages, so that neither deletions nor the write-back of the previous
# step's output are timed in the next step. Then probe the file system: on ext4 without a journal, creating
# files is slow for minutes after many were deleted (see "timed runs" below), also by someone else; wait until
# creating 100 folders with 20 empty files each takes less than $PROBE_MAX_S s (typically 0.02-0.05 s on a
# quiet file system, 0.4-1 s after a large deletion), for at most 7 minutes. The probe's files are kept.
PROBE_MAX_S=${PROBE_MAX_S:-0.2}
probes=0
fs_waited=0
probe_fs() {
  python3 - "$1" <<'PY'
import os, sys, time
d = sys.argv[1]
os.makedirs(d)
t = time.perf_counter()
for i in range(100):
    sub = os.path.join(d, str(i))
    os.mkdir(sub)
    for j in range(20):
        open(os.path.join(sub, str(j)), "w").close()
print("%.3f" % (time.perf_counter() - t))
PY
}
settle() {
  local waited=0 took
  while compgen -G "$WORK/gk/*/.site.gongkai-old-*" >/dev/null; do
    sleep 0.1
    waited=$((waited + 1))
    [ "$waited" -lt 6000 ] || { echo "bench/run.sh: gongkai's background removal did not finish in 10 minutes" >&2; break; }
  done
  sync
  sleep 0.5
  waited=0
  while probes=$((probes + 1)) && took=$(probe_fs "$WORK/probe/$probes") && awk -v t="$took" -v m="$PROBE_MAX_S" 'BEGIN { exit !(t > m) }'; do
    if [ "$waited" -ge 420 ]; then
      say "warning: the file system is still slow to create files (probe $took s); timing anyway"
      break
    fi
    [ "$waited" -gt 0 ] || say "file system slow to create files (probe $took s > $PROBE_MAX_S s), recent deletions? waiting"
    sleep 15
    waited=$((waited + 15))
    fs_waited=$((fs_waited + 15))
  done
}

cleanup() {
  local rc=$?
  if [ -z "$keep" ] && [ -n "${WORK:-}" ] && [ -d "$WORK" ]; then
    # a killed run may leave a gongkai remover working in $WORK; give it a moment before removing all
    for _ in $(seq 50); do compgen -G "$WORK/gk/*/.site.gongkai-old-*" >/dev/null || break; sleep 0.1; done
    rm -rf "$WORK"
  elif [ -n "$keep" ]; then
    echo "==> kept $WORK" >&2
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Runs a command with its wall time (date, nanoseconds) and peak RSS (/usr/bin/time %M, KB). Sets
# $elapsed (seconds) and $rss_kb.
timed() {
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f %M -o "$WORK/rss.txt" "$@"
  t1=$(date +%s.%N)
  elapsed=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  rss_kb=$(tail -n 1 "$WORK/rss.txt")
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
fmt2() { awk -v x="$1" 'BEGIN { printf "%.2f", x }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# --- corpus and Hugo input (not timed) --------------------------------------------------------------------
counties=$(( (filings + 199) / 200 ))
# Every run's outputs stay until the end (see "timed runs"): per filing about 90 KB of corpus, 40 KB of Hugo
# content, and per run 325 KB of gongkai site, as much again for its copy and 85 KB of Hugo site.
need_kb=$(( counties * 200 * (130 + runs * 740) * 11 / 10 ))
avail_kb=$(df -Pk "$WORK" | awk 'NR == 2 { print $4 }')
if [ "$avail_kb" -lt "$need_kb" ]; then
  echo "bench/run.sh: about $((need_kb / 1048576 + 1)) GB needed in $WORK, $((avail_kb / 1048576)) GB free; lower --runs or point TMPDIR elsewhere" >&2
  exit 1
fi
say "synthetic corpus: $counties counties x 40 departments x 5 years"
"$GK" synth --out "$WORK/corpus" --counties "$counties" --departments 40 --years 5 >&2
corpus_filings=$(find "$WORK/corpus" -mindepth 3 -maxdepth 3 -name '*.json' ! -name '*.budget.json' | wc -l)
[ "$corpus_filings" -eq "$filings" ] || say "note: $filings filings requested, the corpus has $corpus_filings"

say "converting the filings into Hugo content"
cp -r bench/hugo-site "$WORK/hugo-src"
rm -rf "$WORK/hugo-src/content" "$WORK/hugo-src/public" "$WORK/hugo-src/resources"
python3 bench/to-hugo.py "$WORK/corpus" "$WORK/hugo-src/content" >&2

# The filing changed between a full build and the incremental one: the first department of the first
# county's middle year; its department name gets one more character (and back, on alternate runs).
first_county=$(find "$WORK/corpus" -mindepth 1 -maxdepth 1 -type d | sort | head -n 1)
mapfile -t year_dirs < <(find "$first_county" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*' | sort)
touch_year=${year_dirs[$(( (${#year_dirs[@]} - 1) / 2 ))]}
touch_file=$(find "$touch_year" -maxdepth 1 -name '*.json' ! -name '*.budget.json' | sort | head -n 1)
mkdir -p "$WORK/alter"
cp "$touch_file" "$WORK/alter/original.json"
python3 - "$touch_file" "$WORK/alter/altered.json" <<'EOF'
import json, sys
src, dst = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
name = json.loads(text)["department"]["name"]
start = text.index('"department"')
old = '"name": "%s"' % name
at = text.index(old, start)
text = text[:at] + '"name": "%s"' % ("新" + name) + text[at + len(old):]
open(dst, "w", encoding="utf-8").write(text)
EOF
say "incremental change: department name in ${touch_file#"$WORK"/corpus/}"

# --- timed runs -------------------------------------------------------------------------------------------
# Nothing is deleted while timing: every run writes into folders of its own, removed at exit. On ext4 without
# a journal (as in some VMs), the kernel will not reuse an inode freed within the last 60 s (360 s while its
# inode-table block is dirty) and rescans those on every file it creates, so a build started right after
# `rm -rf` of a previous 30,000-file output ran 2-15x slower (cp -r of a 1,000-filing site: 1 s -> 18 s).
gk_t=(); gk_rss=(); cp_t=(); hugo_t=(); hugo_rss=(); inc_t=(); inc_rss=()
pages=0
for ((i = 1; i <= runs; i++)); do
  # gongkai, full build into a fresh --out (in a folder of its own, so that no cache of an earlier build is beside it)
  mkdir -p "$WORK/gk/$i"
  settle
  timed "$GK" build --data "$WORK/corpus" --out "$WORK/gk/$i/site" --templates site-templates --assets assets --quiet
  gk_t+=("$elapsed"); gk_rss+=("$rss_kb")
  [ "$pages" -gt 0 ] || pages=$(find "$WORK/gk/$i/site" -name '*.html' | wc -l)
  say "run $i/$runs  gongkai full        $(fmt2 "$elapsed") s  $(mb "$rss_kb") MB"

  # cp -r of gongkai's output: the cost of writing that many files and bytes at all
  mkdir -p "$WORK/cp"
  settle
  timed cp -r "$WORK/gk/$i/site" "$WORK/cp/$i"
  cp_t+=("$elapsed")
  say "run $i/$runs  cp -r               $(fmt2 "$elapsed") s"

  # Hugo, into a fresh destination
  settle
  timed hugo --quiet --source "$WORK/hugo-src" --destination "$WORK/hugo-out/$i" --cacheDir "$WORK/hugo-cache"
  hugo_t+=("$elapsed"); hugo_rss+=("$rss_kb")
  say "run $i/$runs  hugo                $(fmt2 "$elapsed") s  $(mb "$rss_kb") MB"
done

# gongkai again into each run's --out after one filing changed since that site was built. gongkai then
# removes the site it replaced in the background (only its folders and changed files: the others are hard
# links into the new site); settle waits for that before the next timing.
cp "$WORK/alter/altered.json" "$touch_file"
for ((i = 1; i <= runs; i++)); do
  settle
  timed "$GK" build --data "$WORK/corpus" --out "$WORK/gk/$i/site" --templates site-templates --assets assets --quiet
  inc_t+=("$elapsed"); inc_rss+=("$rss_kb")
  say "run $i/$runs  gongkai incremental $(fmt2 "$elapsed") s  $(mb "$rss_kb") MB"
done
settle
cp "$WORK/alter/original.json" "$touch_file"
out="$WORK/gk/1/site"

# gongkai serve: the time from saving a filing to the moment an open page is told to reload (the page's
# request for the next generation returns), with the preview server's decoded filings kept between builds.
serve_t=()
serve_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
settle
"$GK" serve --data "$WORK/corpus" --out "$WORK/serve/site" --templates site-templates --assets assets --port "$serve_port" --quiet \
  >"$WORK/serve.log" 2>&1 &
serve_pid=$!
gen=""
for _ in $(seq 1200); do
  gen=$(curl -sf "http://127.0.0.1:$serve_port/__gongkai/generation" || true)
  [ -z "$gen" ] || break
  sleep 0.5
done
if [ -n "$gen" ]; then
  sleep 2  # let the watcher settle after the first build
  for ((i = 1; i <= runs; i++)); do
    gen=$(curl -sf "http://127.0.0.1:$serve_port/__gongkai/generation")
    if (( i % 2 )); then src="$WORK/alter/altered.json"; else src="$WORK/alter/original.json"; fi
    t0=$(date +%s.%N)
    cp "$src" "$touch_file"
    curl -sf "http://127.0.0.1:$serve_port/__gongkai/generation?after=$gen" >/dev/null
    t1=$(date +%s.%N)
    serve_t+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
    say "run $i/$runs  gongkai serve, save to reload $(fmt2 "${serve_t[-1]}") s"
    sleep 1
  done
else
  say "warning: gongkai serve did not answer (see $WORK/serve.log)"
fi
kill "$serve_pid" 2>/dev/null || true
wait "$serve_pid" 2>/dev/null || true
cp "$WORK/alter/original.json" "$touch_file"

# --- results ------------------------------------------------------------------------------------------------
gk_s=$(fmt2 "$(median "${gk_t[@]}")")
hugo_s=$(fmt2 "$(median "${hugo_t[@]}")")
cp_s=$(fmt2 "$(median "${cp_t[@]}")")
inc_s=$(fmt2 "$(median "${inc_t[@]}")")
ratio=$(awk -v h="$(median "${hugo_t[@]}")" -v g="$(median "${gk_t[@]}")" 'BEGIN { printf "%.2f", (g > 0 ? h / g : 0) }')
gk_mb=$(mb "$(median "${gk_rss[@]}")")
inc_mb=$(mb "$(median "${inc_rss[@]}")")
hugo_mb=$(mb "$(median "${hugo_rss[@]}")")
hugo_pages=$(find "$WORK/hugo-out/1" -name '*.html' | wc -l)
gk_size=$(du -sh "$out" | cut -f1)
hugo_size=$(du -sh "$WORK/hugo-out/1" | cut -f1)

echo "corpus: $corpus_filings filings ($counties counties x 40 departments x 5 years), budgets beside each"
echo "runs: $runs (medians below; gongkai full / cp -r / hugo alternating, then the incremental rebuilds)"
printf '%-22s %s\n' "gongkai full build:" "$gk_s s  (runs: ${gk_t[*]})  peak RSS $gk_mb MB  $pages pages"
printf '%-22s %s\n' "gongkai incremental:" "$inc_s s  (runs: ${inc_t[*]})  peak RSS $inc_mb MB  one filing changed"
[ ${#serve_t[@]} -eq 0 ] || printf '%-22s %s\n' "gongkai serve:" "$(fmt2 "$(median "${serve_t[@]}")") s  (runs: ${serve_t[*]})  from saving one filing to the open page's reload signal"
printf '%-22s %s\n' "hugo build:" "$hugo_s s  (runs: ${hugo_t[*]})  peak RSS $hugo_mb MB  $hugo_pages pages"
printf '%-22s %s\n' "cp -r of gongkai site:" "$cp_s s  (runs: ${cp_t[*]})"
echo "output size: gongkai $gk_size, hugo $hugo_size"
[ "$fs_waited" -eq 0 ] || echo "note: waited $fs_waited s in all for the file system to recover from deletions before timing"
echo "filings=$corpus_filings pages=$pages gongkai_s=$gk_s hugo_s=$hugo_s ratio=$ratio cp_s=$cp_s gongkai_rss_mb=$gk_mb hugo_rss_mb=$hugo_mb incremental_s=$inc_s"
