#!/usr/bin/env bash
# The smoke benchmark as an end-to-end test (issue: the embedded default). In a scratch work and artifacts folder:
#   1. ./build.sh Benchmark --profile smoke writes a table with a plausible, positive torchvision row;
#   2. a second run is entirely up to date: no target runs;
#   3. a changed window reruns exactly Train, Parse and Aggregate.
# Prints the wall time of each part, for the README. SMOKE_ARTIFACTS=DIR keeps the run's artifacts folder there (the
# table, the runs), whether it passed or not: CI shows the table and uploads the folder.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d -t maskbench-smoke-XXXXXX)
keep() {
  if [ -n "${SMOKE_ARTIFACTS:-}" ] && [ -d "$scratch/artifacts" ]; then
    mkdir -p "$SMOKE_ARTIFACTS" && cp -R "$scratch/artifacts/." "$SMOKE_ARTIFACTS/"
  fi
}
trap 'keep; rm -rf "$scratch"' EXIT
folders=(--work-dir "$scratch/work" --artifacts-dir "$scratch/artifacts")
python=$(command -v python3)

seconds_since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

fail() { echo "smoke-e2e: FAILED: $*" >&2; exit 1; }

# The targets that ran, from the summary table of a run's output.
ran() { awk '$2 == "ran" { print $1 }' "$1" | sort | tr '\n' ' ' | sed 's/ $//'; }

start=$(date +%s%N)
./build.sh Benchmark --profile smoke "${folders[@]}" | tee "$scratch/first.txt"
first=$(seconds_since "$start")
"$python" - "$scratch/artifacts/benchmark.json" <<'PY' || fail "the table has no plausible torchvision row"
import json, sys
rows = {r["implementation"]: r for r in json.load(open(sys.argv[1]))["rows"]}
row = rows["torchvision"]
assert row["status"] == "ok", row
assert 0.01 < row["throughput"] < 1000, row
assert row["window"]["first"] == 3 and row["window"]["last"] == 10, row
print(f"smoke-e2e: torchvision {row['throughput']:.3f} img/s over {row['window']['first']}..{row['window']['last']}")
PY

start=$(date +%s%N)
./build.sh Benchmark --profile smoke "${folders[@]}" | tee "$scratch/second.txt"
second=$(seconds_since "$start")
[[ -z "$(ran "$scratch/second.txt")" ]] || fail "the second run was not entirely up to date: it ran $(ran "$scratch/second.txt")"

./build.sh Benchmark --profile smoke "${folders[@]}" --window-end 9 --plan | tee "$scratch/plan.txt"
planned=$(awk '$2 == "run" { print $1 }' "$scratch/plan.txt" | sort | tr '\n' ' ' | sed 's/ $//')
[[ "$planned" == "Aggregate Parse-Torchvision Train-Torchvision" ]] || fail "a changed window plans to run '$planned'"
start=$(date +%s%N)
./build.sh Benchmark --profile smoke "${folders[@]}" --window-end 9 | tee "$scratch/third.txt"
third=$(seconds_since "$start")
[[ "$(ran "$scratch/third.txt")" == "Aggregate Parse-Torchvision Train-Torchvision" ]] || fail "a changed window ran '$(ran "$scratch/third.txt")'"

echo "smoke-e2e: passed"
echo "smoke-e2e: wall time: first run ${first} s, second (up to date) ${second} s, changed window ${third} s"
grep -E '^(Clone|Patch|Setup|Data|Train|Parse)-?[A-Za-z]* +ran|^Aggregate +ran' "$scratch/first.txt" | awk '{ print "smoke-e2e: part " $1 " " $3 }'
