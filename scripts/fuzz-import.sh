#!/usr/bin/env bash
# Long mutation run of the importer (the short fixed-seed version runs in ./test.sh as import-mutations).
# Usage: scripts/fuzz-import.sh [SECONDS per family, default 600] [first seed, default random]
# Mutated extracted text goes through every import stage in process; mutated PDF word/rule lists through the
# layout and every stage; mutated PDF bytes through the binary. A failing seed is printed by the test
# ("logged: seed N"); rerun it with GONGKAI_FUZZ_SEED=N GONGKAI_FUZZ_SECONDS=1.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
seed="${2:-$(( (RANDOM << 15 | RANDOM) + 1000000 ))}"
[ -x build/tests/import-mutations ] || scripts/setup.sh --with-tests
echo "==> fuzzing the importer for ${seconds}s per family from seed ${seed}" >&2
GONGKAI_FUZZ_SECONDS="$seconds" GONGKAI_FUZZ_SEED="$seed" build/tests/import-mutations
