#!/usr/bin/env bash
# Speed of the Slurm executor through a local single-node cluster (started here if it is not up, as root):
# the delay from submission to the first log line against `srun true`'s, and N fake trainings in flight at once
# against the slowest alone and against N in a row. Usage: scripts/bench-slurm.sh [repeats] [in-flight]
set -euo pipefail
cd "$(dirname "$0")/.."
conf="$(bash scripts/start-test-slurm.sh | sed -n 's/^SLURM_CONF=//p')"
export SLURM_CONF="$conf"
exec dotnet run --file scripts/bench-slurm.cs -- "${1:-5}" "${2:-4}"
