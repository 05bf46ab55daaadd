#!/usr/bin/env bash
# `--repeats N` in one invocation against N invocations that each add one run (--repeats 1, 2, … N), which is how
# the stamps let a user grow the runs one at a time (issue 13). Both start from empty work folders, on the smoke
# profile (torchvision on the CPU) with a short window. Usage: scripts/bench-repeats.sh [N] [window end]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-5}"
end="${2:-6}"
scratch=$(mktemp -d -t maskbench-repeats-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
now() { date +%s%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
runs() { awk '$1 ~ /^Train-Torchvision/ && $2 == "ran"' "$1" | wc -l; }

start=$(now)
./build.sh Benchmark --profile smoke --window-end "$end" --repeats "$n" --work-dir "$scratch/one/work" \
  --artifacts-dir "$scratch/one/artifacts" >"$scratch/one.txt" 2>&1
one=$(seconds "$start" "$(now)")
[ "$(runs "$scratch/one.txt")" -eq "$n" ] || { tail -30 "$scratch/one.txt"; echo "one invocation did not train $n runs" >&2; exit 1; }

start=$(now)
trained=0
for i in $(seq 1 "$n"); do
  ./build.sh Benchmark --profile smoke --window-end "$end" --repeats "$i" --work-dir "$scratch/many/work" \
    --artifacts-dir "$scratch/many/artifacts" >"$scratch/many-$i.txt" 2>&1
  trained=$((trained + $(runs "$scratch/many-$i.txt")))
done
many=$(seconds "$start" "$(now)")
[ "$trained" -eq "$n" ] || { echo "the $n invocations trained $trained runs, not $n" >&2; exit 1; }

echo "--repeats $n in one invocation: ${one} s; $n invocations adding one run each: ${many} s ($(awk -v a="$many" -v b="$one" 'BEGIN { printf "%.2f", a / b }')x); load $(cut -d' ' -f1-3 /proc/loadavg)"
