#!/usr/bin/env bash
# The suite in fresh clones, one after another (issue 18's proof): each clone of the repository's HEAD runs what CI
# runs (CI=true .ci/run: ./build.sh Test, which sets itself up, then the smoke benchmark end to end); the last BUSY runs
# with a busy loop on one core beside them. Per run: the exit code, the wall time, each test group's counts and time,
# and the load average at its end. Logs stay in $OUT (default /var/tmp/maskbench-suite-runs).
# Usage: scripts/bench-suite.sh [runs=5] [busy=2]    (as root, like CI; under the suite lock when others share the machine)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
busy="${2:-2}"
out="${OUT:-/var/tmp/maskbench-suite-runs}"
mkdir -p "$out"
commit="$(git rev-parse --short HEAD)"
failed=0
for i in $(seq 1 "$runs"); do
  clone="$(mktemp -d /tmp/maskbench-suite-XXXXXX)"
  git clone -q "$PWD" "$clone"
  loop=""
  if [ "$i" -gt $((runs - busy)) ]; then
    sh -c 'while :; do :; done' &
    loop=$!
  fi
  start=$(date +%s)
  rc=0
  (cd "$clone" && CI=true bash .ci/run) >"$out/run-$i.log" 2>&1 || rc=$?
  wall=$(($(date +%s) - start))
  [ -z "$loop" ] || kill "$loop"
  groups="$(sed -n 's/.*Tests by group: //p' "$out/run-$i.log" | tail -n 1)"
  smoke="$(grep -c 'smoke-e2e: FAILED' "$out/run-$i.log" || true)"
  echo "run $i of $runs at $commit$([ -z "$loop" ] || echo ', busy loop beside'): exit $rc, $((wall / 60)) min $((wall % 60)) s; ${groups:-no group line}; smoke failures $smoke; load $(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$rc" -eq 0 ] || failed=$((failed + 1))
  rm -rf "$clone"
done
echo "$((runs - failed)) of $runs green (logs in $out)"
[ "$failed" -eq 0 ]
