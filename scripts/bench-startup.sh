#!/usr/bin/env bash
# Start-up, side by side (issue 23): the single-file MaskBench (./build.sh Publish) against ./build.sh and a bare
# `dotnet hello.dll` (a console app that prints one line, built here), each N times: `--help` and a no-op
# `Benchmark --profile smoke --plan`. Prints the median and the range of each. Usage: scripts/bench-startup.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-7}"
binary="$(pwd)/artifacts/bin/maskbench"
[ -x "$binary" ] || { echo "no $binary: run ./build.sh Publish first" >&2; exit 1; }
tmp="$(mktemp -d /tmp/maskbench-startup-XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/hello" "$tmp/elsewhere"
cat >"$tmp/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("hello");' >"$tmp/hello/Program.cs"
dotnet build "$tmp/hello" -c Release -o "$tmp/hello/out" --nologo -v q >/dev/null
./build.sh --help >/dev/null # compiled before it is timed
time_of() { # label, folder, command...
  local label="$1" folder="$2"; shift 2
  local times=()
  for _ in $(seq 1 "$n"); do
    local start end
    start="$(date +%s.%N)"
    (cd "$folder" && "$@" >/dev/null 2>&1)
    end="$(date +%s.%N)"
    times+=("$(python3 -c "print($end - $start)")")
  done
  python3 - "$label" "${times[@]}" <<'PY'
import statistics, sys
label, values = sys.argv[1], sorted(float(v) for v in sys.argv[2:])
print(f"{label:<48} median {statistics.median(values):.2f} s  ({values[0]:.2f}-{values[-1]:.2f} s, {len(values)} runs)")
PY
}
root="$(pwd)"
time_of "dotnet hello.dll" "$tmp" dotnet "$tmp/hello/out/hello.dll"
time_of "./build.sh --help" "$root" ./build.sh --help
time_of "maskbench --help (outside a checkout)" "$tmp/elsewhere" "$binary" --help
time_of "./build.sh Benchmark --profile smoke --plan" "$root" ./build.sh Benchmark --profile smoke --plan
time_of "maskbench Benchmark --profile smoke --plan" "$tmp/elsewhere" "$binary" Benchmark --profile smoke --plan
echo "binary: $(stat -c %s "$binary") bytes"
