#!/usr/bin/env bash
# Wall time of `./build.sh Benchmark --plan` once everything is compiled, against what NUKE's bootstrap pays on
# every call (a no-change `dotnet build` of the build project, then `dotnet run --no-build`).
#   usage: scripts/bench-plan.sh [runs, default 10] [extra build arguments, e.g. --profile smoke]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
shift || true

./build.sh --help >/dev/null # compile once if the sources changed

measure() { # prints the median wall time of "$@" over $runs runs, in seconds
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        times+=("$(((end - start) / 1000000))")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f", a[int((NR + 1) / 2)] / 1000 }'
}

nuke_bootstrap() {
    dotnet build build/_build.csproj -nologo -clp:NoSummary --verbosity quiet /nodeReuse:false /p:UseSharedCompilation=false &&
        dotnet run --project build/_build.csproj --no-build -- Benchmark --plan "$@"
}

plan=$(measure ./build.sh Benchmark --plan "$@")
bootstrap=$(measure nuke_bootstrap "$@")
echo "./build.sh Benchmark --plan $*: median ${plan} s over $runs runs"
echo "NUKE-style bootstrap (dotnet build + dotnet run --no-build): median ${bootstrap} s"
awk -v a="$plan" -v b="$bootstrap" 'BEGIN { printf "speed-up: %.1fx\n", b / a }'
