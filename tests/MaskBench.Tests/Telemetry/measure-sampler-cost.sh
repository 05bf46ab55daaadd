#!/usr/bin/env bash
# Measures the CPU cost of GPU telemetry: 40 s of 1 Hz sampling of 8 stand-in GPUs (see SamplerCostSpecs.cs).
# Usage, from the repository root after a build: tests/MaskBench.Tests/Telemetry/measure-sampler-cost.sh
set -euo pipefail
MASKBENCH_MEASURE=1 dotnet test tests/MaskBench.Tests --no-build --filter "FullyQualifiedName~SamplerCostSpecs" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "sampler, |Test Run|Failed"
