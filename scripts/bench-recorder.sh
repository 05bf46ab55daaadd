#!/usr/bin/env bash
# The line recorder's throughput and memory (issue 10, rows 64 and 65 of the fault probe):
#   1. a trainer printing 500k lines as fast as it can: lines/s alone (stdout to a file) and through the runner
#      (train.log, train.times.tsv, watcher, console echo as in a build);
#   2. peak RSS of the recording process on one 200 MB line.
# Usage: scripts/bench-recorder.sh [lines] [megabytes] [--before]      The build's console output goes to /dev/null.
# --before: the same, against the commit before the recorder was rewritten (02cca6a), in a temporary worktree.
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-500000}"
megabytes="${2:-200}"
here="$PWD"
if [ "${3:-}" = "--before" ]; then
  before="$(mktemp -d)/before"
  git worktree add -q "$before" 02cca6a
  trap 'git -C "$here" worktree remove --force "$before"' EXIT
  cp scripts/bench-recorder.cs "$before/scripts/"
  cd "$before"
fi
dotnet run --file scripts/bench-recorder.cs -- flood "$lines" >/dev/null
dotnet run --file scripts/bench-recorder.cs -- bigline "$megabytes" >/dev/null
