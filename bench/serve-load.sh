#!/usr/bin/env bash
# Load on the preview server: `gongkai serve` on a loopback port, wrk at 64 connections on the home page and on
# a department page, then hundreds of slow connections with a normal request beside them, an oversized request,
# and the server's memory around a multi-range request and a large request body. See bench/README.md.
#
#   bench/serve-load.sh [--seconds S] [--slow N] [--port P]
#
# Progress goes to stderr; results to stdout, the last line being
#   home_rps=… home_p99_ms=… department_rps=… department_p99_ms=… errors=… slow_conns_ok=yes|no
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

seconds=30
slow=200
port=18731
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --slow) slow="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    -h|--help) sed -n 2,9p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/serve-load.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

scripts/install-packages.sh wrk curl python3
[ -x build/gongkai ] || scripts/setup.sh

work="$(mktemp -d /tmp/gongkai-serve-load.XXXXXX)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

base="http://127.0.0.1:$port"
build/gongkai serve --quiet --data data --out "$work/site" --templates site-templates --assets assets --port "$port" \
  >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  curl -sf -o /dev/null "$base/" && break
  sleep 0.2
done
curl -sf -o /dev/null "$base/" || { echo "the preview server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }
department="/430321-xiangtan/2024/county-government-office/index.html"
curl -sf -o /dev/null "$base$department" || { echo "no page at $department" >&2; exit 1; }

rss_kb() { ps -o rss= -p "$server" | tr -d ' '; }

# wrk's figures: requests per second, the 99th percentile in ms, and errors (socket errors and non-2xx answers).
run_wrk() {
  local url="$1" out
  out="$(wrk -t2 -c64 -d"${seconds}s" --latency "$url")"
  echo "$out" >&2
  local rps p99 errs=0
  rps="$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.1f", v}' <<<"$out")"
  errs="$(awk '/Socket errors:/ {gsub(",",""); s=$4+$6+$8+$10} /Non-2xx/ {n=$NF} END {print s+n+0}' <<<"$out")"
  echo "$rps $p99 $errs"
}

echo "==> wrk, 64 connections, ${seconds} s: home page" >&2
read -r home_rps home_p99 home_errs < <(run_wrk "$base/")
echo "==> wrk, 64 connections, ${seconds} s: department page" >&2
read -r dept_rps dept_p99 dept_errs < <(run_wrk "$base$department")

echo "==> $slow slow connections (a header byte every 2 s), then a normal request" >&2
slow_result="$(python3 - "$port" "$slow" <<'EOF'
import socket, subprocess, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
socks = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    socks.append(s)
deadline = time.time() + 6
while time.time() < deadline:          # trickle: each connection stays busy past a read timeout or two
    for s in socks:
        try: s.sendall(b"X")
        except OSError: pass
    time.sleep(2)
t = time.time()
code = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10", f"http://127.0.0.1:{port}/"],
                      capture_output=True, text=True).stdout
elapsed = time.time() - t
print(code, f"{elapsed:.3f}")
EOF
)"
read -r slow_code slow_s <<<"$slow_result"
slow_ok=no
awk -v c="$slow_code" -v s="$slow_s" 'BEGIN {exit !(c == "200" && s < 1.0)}' && slow_ok=yes
echo "normal request beside $slow slow connections: HTTP $slow_code in ${slow_s} s" >&2

echo "==> an oversized request (a 9 KB URL)" >&2
oversized_s="$(curl -s -o /dev/null -w '%{time_total}' "$base/$(head -c 9000 /dev/zero | tr '\0' a)")"
echo "answered in ${oversized_s} s" >&2

echo "==> memory around a 1,000-range request and a 512 MB request body" >&2
before="$(rss_kb)"
ranges="bytes=0-1000000$(for i in $(seq 1 999); do printf ',0-1000000'; done)"
range_code="$(curl -s -o /dev/null -w '%{http_code}' -H "Range: $ranges" "$base/assets/echarts.min.js")"
python3 - "$port" <<'EOF' >&2
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 536870912\r\n\r\n")
chunk, sent = b"a" * 65536, 0
s.settimeout(10)
try:
    while sent < 536870912:
        s.sendall(chunk); sent += len(chunk)
    print("large body answered:", s.recv(100).split(b"\r\n")[0].decode())
except OSError as e:
    print("large body: connection ended after", sent, "bytes:", e)
EOF
after="$(rss_kb)"
growth_mb=$(( (after - before) / 1024 ))
echo "multi-range: HTTP $range_code; server memory ${before} kB -> ${after} kB (+${growth_mb} MB)" >&2

errors=$(( home_errs + dept_errs ))
echo "oversized_s=$oversized_s memory_growth_mb=$growth_mb slow_normal_s=$slow_s"
echo "home_rps=$home_rps home_p99_ms=$home_p99 department_rps=$dept_rps department_p99_ms=$dept_p99 errors=$errors slow_conns_ok=$slow_ok"
