#!/usr/bin/env bash
# What Check transfers per reference, measured against the test stand-ins on loopback (docker-registry with an image
# pushed by podman, an HttpListener package index and download server, a local git repository): runs the spec that
# checks Check downloads no wheel, image or weights file, and prints its per-reference byte counts.
# Then the offline bound: Check of every real recipe where nothing can be reached (scripts/check-recipes.sh).
# Needs: scripts/install-test-deps.sh and the docker-registry package; a built test project.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp /tmp/maskbench-check-measure.XXXXXX)"
trap 'rm -f "$out"' EXIT
MASKBENCH_CHECK_MEASURE="$out" dotnet test tests/MaskBench.Tests --no-build \
  --filter "FullyQualifiedName~CheckSpecs.Check_downloads_no_wheel_image_or_weights_file" >/dev/null
printf '%-6s %-80s %-12s %s\n' kind reference status bytes
awk -F'\t' '{ printf "%-6s %-80s %-12s %s\n", $1, $2, $3, $4 }' "$out"
