#!/usr/bin/env bash
# Start-up cost of the build, side by side with a bare `dotnet hello.dll` (the floor any .NET program pays):
# the wall time of `./build.sh --help` and `./build.sh Benchmark --plan` once everything is compiled, and what
# NUKE's bootstrap pays on every call (a no-change `dotnet build` of the build project, then `dotnet run --no-build`).
# The commands are measured in turn within each round, so a change in the machine's load hits them alike.
#   usage: scripts/bench-plan.sh [runs, default 15] [extra build arguments, e.g. --profile smoke]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
shift || true

./build.sh --help >/dev/null # compile once if the sources changed
dotnet=$(cat .nuke/temp/dotnet.path)

# A console app that prints one line, built once into /tmp.
hello=/tmp/maskbench-hello
if [[ ! -f $hello/out/hello.dll ]]; then
    mkdir -p "$hello"
    cat >"$hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <AssemblyName>hello</AssemblyName>
  </PropertyGroup>
</Project>
XML
    echo 'System.Console.WriteLine("hello");' >"$hello/Program.cs"
    "$dotnet" build "$hello/hello.csproj" -o "$hello/out" -nologo -clp:NoSummary --verbosity quiet /nodeReuse:false /p:UseSharedCompilation=false >/dev/null
fi

nuke_bootstrap() {
    "$dotnet" build build/_build.csproj -nologo -clp:NoSummary --verbosity quiet /nodeReuse:false /p:UseSharedCompilation=false &&
        "$dotnet" run --project build/_build.csproj --no-build -- Benchmark --plan "$@"
}

once() { # milliseconds of wall time for "$@"
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{ a[NR] = $1 } END { printf "%.3f", a[int((NR + 1) / 2)] / 1000 }'; }

# hello, --help and --plan in turn, the order rotating each round (whichever runs first after a pause is slower);
# NUKE's bootstrap afterwards, so that its compiler's load does not fall on the others.
declare -a t_hello t_help t_plan t_nuke
commands=(hello help plan)
for round in $(seq "$runs"); do
    for i in 0 1 2; do
        case ${commands[$(((round + i) % 3))]} in
        hello) t_hello+=("$(once "$dotnet" "$hello/out/hello.dll")") ;;
        help) t_help+=("$(once ./build.sh --help "$@")") ;;
        plan) t_plan+=("$(once ./build.sh Benchmark --plan "$@")") ;;
        esac
    done
done
for _ in $(seq $(((runs + 2) / 3))); do
    t_nuke+=("$(once nuke_bootstrap "$@")")
done
hello_s=$(printf '%s\n' "${t_hello[@]}" | median)
help_s=$(printf '%s\n' "${t_help[@]}" | median)
plan_s=$(printf '%s\n' "${t_plan[@]}" | median)
nuke_s=$(printf '%s\n' "${t_nuke[@]}" | median)
echo "medians over $runs rounds (NUKE: $(((runs + 2) / 3))) (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "  dotnet hello.dll                               ${hello_s} s"
awk -v a="$help_s" -v h="$hello_s" 'BEGIN { printf "  ./build.sh --help                              %.3f s  (%.1fx hello)\n", a, a / h }'
awk -v a="$plan_s" -v h="$hello_s" -v x="$*" 'BEGIN { printf "  ./build.sh Benchmark --plan %-18s %.3f s  (%.1fx hello)\n", x, a, a / h }'
awk -v a="$nuke_s" -v h="$hello_s" -v p="$plan_s" 'BEGIN { printf "  NUKE-style bootstrap (build + run --no-build)  %.3f s  (%.1fx hello; --plan is %.1fx faster)\n", a, a / h, a / p }'
