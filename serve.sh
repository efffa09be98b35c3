#!/usr/bin/env bash
# Sets up gongkai, builds the site from data/ and serves it with live reload.
# HOST and PORT choose the address (default 127.0.0.1:8080); extra arguments go to `gongkai serve`.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec build/gongkai serve --data data --out public --host "${HOST:-127.0.0.1}" --port "${PORT:-8080}" "$@"
