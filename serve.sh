#!/usr/bin/env bash
# Sets up gongkai, builds the site from data/ and serves it with live reload.
# HOST and PORT choose the address (default 127.0.0.1:8080); extra arguments go to `gongkai serve`.
# ./serve.sh --demo serves a synthetic corpus instead (3 counties × 40 departments × 3 years, marked 示例数据).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
data=data out=public
if [ "${1:-}" = "--demo" ]; then
  shift
  build/gongkai synth --out build/demo-data --counties 3 --departments 40 --years 3 --seed 2024
  data=build/demo-data out=build/demo-site
fi
exec build/gongkai serve --data "$data" --out "$out" --host "${HOST:-127.0.0.1}" --port "${PORT:-8080}" "$@"
