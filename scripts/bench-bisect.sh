#!/usr/bin/env bash
# Bisect's cost against log2 of the range: bisects 16 and 64 commits of a local repository whose fake trainer
# slows down by 10 % from one commit on (5 runs per probe, 1 % noise), and prints the commits measured, the
# probe calls, the runs and the wall time. Usage: scripts/bench-bisect.sh (after a build of the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/MaskBench.Tests --no-build --filter "FullyQualifiedName~BisectSpecs.Bisect_measures_about_log2_of_the_range" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "bisect over|Passed!|Failed!" | sed 's/^ *//'
