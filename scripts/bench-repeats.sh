#!/usr/bin/env bash
# `--repeats N` in one invocation against N invocations that each add one run (--repeats 1, 2, … N), which is how
# the stamps let a user grow the runs one at a time (issue 13). Both start from empty work folders, on the smoke
# profile (torchvision on the CPU) with a short window; the order alternates between rounds so that a warm page
# cache or a change in load favours neither. Usage: scripts/bench-repeats.sh [N] [window end] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-5}"
end="${2:-6}"
rounds="${3:-1}"
scratch=$(mktemp -d -t maskbench-repeats-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
now() { date +%s%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
trains() { awk '$1 ~ /^Train-Torchvision/ && $2 == "ran"' "$@" | wc -l; }
# The Train targets' own durations from the summaries (m:ss or s.sss), summed.
train_seconds() {
  awk '$1 ~ /^Train-Torchvision/ && $2 == "ran" { d = $3; if (d ~ /:/) { split(d, p, ":"); s += p[1] * 60 + p[2] } else { sub(/s$/, "", d); s += d } } END { printf "%.1f", s }' "$@"
}

one() { # one invocation with --repeats N
  local folder="$scratch/one-$1" start
  start=$(now)
  ./build.sh Benchmark --profile smoke --window-end "$end" --repeats "$n" --work-dir "$folder/work" \
    --artifacts-dir "$folder/artifacts" >"$folder.txt" 2>&1
  [ "$(trains "$folder.txt")" -eq "$n" ] || { tail -30 "$folder.txt"; echo "one invocation did not train $n runs" >&2; exit 1; }
  echo "round $1: --repeats $n in one invocation: $(seconds "$start" "$(now)") s (Train targets $(train_seconds "$folder.txt") s)"
}

many() { # N invocations, each adding one run
  local folder="$scratch/many-$1" start i
  start=$(now)
  for i in $(seq 1 "$n"); do
    ./build.sh Benchmark --profile smoke --window-end "$end" --repeats "$i" --work-dir "$folder/work" \
      --artifacts-dir "$folder/artifacts" >"$folder-$i.txt" 2>&1
  done
  [ "$(trains "$folder"-*.txt)" -eq "$n" ] || { echo "the $n invocations did not train $n runs" >&2; exit 1; }
  echo "round $1: $n invocations adding one run each: $(seconds "$start" "$(now)") s (Train targets $(train_seconds "$folder"-*.txt) s)"
}

for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then one "$round"; many "$round"; else many "$round"; one "$round"; fi
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
