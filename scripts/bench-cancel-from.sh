#!/usr/bin/env bash
# How fast SIGTERM ends `Aggregate --from` while it parses a huge log (issue 10, bounded reads).
# Usage: scripts/bench-cancel-from.sh [megabytes] [seconds before SIGTERM]
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-500}"
after="${2:-10}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/from/detectron2"
/usr/bin/python3 - "$scratch/from/detectron2/train.log" "$megabytes" <<'PY'
import sys
line = b"noise line with some text to look like a log of a training, nothing to see here, ok\n"
block = line * 12000
with open(sys.argv[1], "wb") as f:
    for _ in range(int(sys.argv[2]) * 1024 * 1024 // len(block)):
        f.write(block)
PY
./build.sh Aggregate --from "$scratch/from" --artifacts-dir "$scratch/artifacts" >"$scratch/build.out" 2>&1 &
build=$!
sleep "$after"
sent=$(date +%s.%N)
kill -TERM "$build"
wait "$build" && code=0 || code=$?
ended=$(date +%s.%N)
grep -E "Aggregate +failed" "$scratch/build.out" || { tail -5 "$scratch/build.out"; echo "the parse ended before SIGTERM: raise the size" >&2; exit 1; }
echo "exit $code; SIGTERM to exit: $(echo "$ended - $sent" | bc) s; artifacts written: $(ls "$scratch/artifacts" 2>/dev/null | wc -l)"
