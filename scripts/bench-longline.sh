#!/usr/bin/env bash
# Peak memory of `Aggregate --from` on a log holding one 200 MB line (fault probe rows 52 and 65): the row for
# maskrcnn-benchmark is read by scripts/bench-longline.cs under /usr/bin/time -v. With a git ref, the same is
# measured on that commit too (checked out in a temporary worktree), for a before/after.
# Usage: scripts/bench-longline.sh [MB, default 200] [git ref to compare, e.g. 02cca6a]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mb="${1:-200}"
work="$(mktemp -d /tmp/maskbench-longline.XXXXXX)"
trap 'git -C "$root" worktree remove --force "$work/before" 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/from/maskrcnn-benchmark"
line() { echo "2020-05-14 12:00:00,000 maskrcnn_benchmark.trainer INFO: eta: 0:02:25  iter: $1  loss: 2.8 (2.8)  time: 0.2500 (0.2500)  data: 0.0100 (0.0100)  lr: 0.0072  max mem: 3440"; }
{
  line 20
  head -c "$((mb * 1024 * 1024))" /dev/zero | tr '\0' 'x'
  echo
  line 40
  line 60
} >"$work/from/maskrcnn-benchmark/train.log"

measure() { # $1: label, $2: the checkout whose scripts/bench-longline.cs runs
  dotnet build -v quiet -nologo "$2/src/MaskBench" >/dev/null
  /usr/bin/time -v -o "$work/time.txt" dotnet run --file "$2/scripts/bench-longline.cs" -- "$work/from" >"$work/out.txt"
  printf '%-8s %8s MB peak RSS  %s\n' "$1" "$(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$work/time.txt")" "$(cat "$work/out.txt")"
}

echo "one line of $mb MB in train.log (plus iterations 20, 40, 60 around it)"
if [[ $# -ge 2 ]]; then
  git -C "$root" worktree add --detach "$work/before" "$2" >/dev/null 2>&1
  cp "$root/scripts/bench-longline.cs" "$work/before/scripts/"
  measure "$2" "$work/before"
fi
measure "now" "$root"
