#!/usr/bin/env bash
# Measures the CPU cost of GPU telemetry: 40 s of 1 Hz sampling of 8 stand-in GPUs (see scripts/bench-sampler.cs).
# Usage: scripts/bench-sampler.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --file scripts/bench-sampler.cs
