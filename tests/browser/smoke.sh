#!/usr/bin/env bash
# Headless-Chromium smoke test: builds the real site, loads the department pages and the county
# dashboards, and checks that every chart rendered to SVG and that the console shows no errors.
set -euo pipefail
gongkai="$1"; src="$2"
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium is not installed (apt-get install chromium)"; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$gongkai" build --quiet --data "$src/data" --out "$work/site" --templates "$src/site-templates" --assets "$src/assets"

pass=0; fail=0
check_page() {
  local rel="$1" min_charts="$2"
  local log="$work/console.log" dom="$work/dom.html"
  timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$work/profile" --enable-logging=stderr --v=0 \
    --virtual-time-budget=5000 --window-size=1280,2000 --dump-dom "file://$work/site/$rel" >"$dom" 2>"$log" || true
  local charts svgs
  charts=$( (grep -o 'class="chart"' "$dom" || true) | wc -l)
  svgs=$( (grep -o '<svg' "$dom" || true) | wc -l)
  if [ "$charts" -ge "$min_charts" ] && [ "$svgs" -ge "$charts" ]; then
    echo "ok: $rel ($charts charts, $svgs svg)"; pass=$((pass+1))
  else
    echo "FAIL: $rel: $charts chart containers, $svgs svg elements (expected at least $min_charts charts, each with svg)"; fail=$((fail+1))
  fi
  if grep -E 'CONSOLE|Uncaught|ERROR:.*(javascript|script)' "$log" | grep -v -E 'DevTools|dbus|Fontconfig' >/dev/null; then
    echo "FAIL: console errors on $rel:"; grep -E 'CONSOLE|Uncaught' "$log" | head -20; fail=$((fail+1))
  else
    pass=$((pass+1))
  fi
}
check_page "430321-xiangtan/2024/county-government-office/index.html" 4
check_page "310107-putuo/2024/finance-bureau/index.html" 4
check_page "310107-putuo/2024/index.html" 2
check_page "430321-xiangtan/2024/index.html" 2
check_page "audit-rules/index.html" 0
check_page "index.html" 0
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
