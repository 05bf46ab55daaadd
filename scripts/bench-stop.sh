#!/usr/bin/env bash
# Measures how fast the runner stops a training once the window is complete (fake trainer, real runner),
# locally and, when the test image exists, in a podman container; and prints the GPU time each recipe saves.
# Usage: scripts/bench-stop.sh [repeats]   (needs scripts/install-test-deps.sh for the podman case)
set -euo pipefail
cd "$(dirname "$0")/.."
if CONTAINERS_CONF=/etc/maskbench/containers.conf podman image exists localhost/maskbench-test-python:bookworm-3 2>/dev/null; then
  export BENCH_PODMAN_IMAGE=localhost/maskbench-test-python:bookworm-3
fi
exec dotnet run --file scripts/bench-stop.cs -- "${1:-5}"
