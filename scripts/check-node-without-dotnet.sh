#!/usr/bin/env bash
# Issue 23, checked for real: the single-file MaskBench trains on a Slurm node that has no .NET. A one-node cluster of
# its own (its folder and ports beside the test cluster's), whose daemons run in a mount namespace where
# /usr/share/dotnet is an empty tmpfs, so the jobs they start see no .NET; the binary, run from a folder outside any
# checkout, runs the smoke benchmark there with --executor slurm; then ./build.sh runs the same on that cluster, and its
# node must refuse the dotnet job in one line. As root. Usage: scripts/check-node-without-dotnet.sh [binary]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
binary="$(realpath "${1:-artifacts/bin/maskbench}")"
[ -x "$binary" ] || { echo "no $binary: run ./build.sh Publish first" >&2; exit 1; }
tmp="$(mktemp -d /tmp/maskbench-nodotnet-XXXXXX)"
export MASKBENCH_SLURM_DIR="$tmp/slurm" MASKBENCH_SLURM_PORT=6957
trap 'bash "$root/scripts/stop-test-slurm.sh" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
unshare --mount --propagation private -- bash -c 'mount -t tmpfs none /usr/share/dotnet && exec bash scripts/start-test-slurm.sh' >"$tmp/start.log" 2>&1 \
  || { cat "$tmp/start.log"; exit 1; }
export SLURM_CONF="$MASKBENCH_SLURM_DIR/slurm.conf"
if srun --quiet bash -c 'dotnet --info' >/dev/null 2>&1; then echo "the node still runs dotnet" >&2; exit 1; fi
echo "the node of this cluster has no .NET: dotnet --info fails in its jobs"
slurm=(--executor slurm --slurm-exclusive false --slurm-mem-per-gpu 500M --slurm-cpus-per-gpu 1 --skip Check)
mkdir -p "$tmp/elsewhere"
cd "$tmp/elsewhere"
start="$(date +%s)"
if XDG_CACHE_HOME="$tmp/cache" "$binary" Benchmark --profile smoke "${slurm[@]}" >"$tmp/binary.log" 2>&1; then
  echo "the binary's smoke benchmark on that node: succeeded in $(( $(date +%s) - start )) s"
  grep -E "img/s|Comparison table" "$tmp/binary.log" | tail -3
  ls "$tmp/elsewhere/.work/bin/"
else
  echo "the binary's smoke benchmark on that node failed:" >&2; tail -30 "$tmp/binary.log" >&2; cat "$tmp"/elsewhere/artifacts/runs/*/*.slurm/*.err >&2 || true; exit 1
fi
cd "$root"
if ./build.sh Train-Torchvision --profile smoke "${slurm[@]}" --work-dir "$tmp/w2" --artifacts-dir "$tmp/a2" >"$tmp/dotnet.log" 2>&1; then
  echo "./build.sh's dotnet job trained on a node without .NET: the check is wrong" >&2; exit 1
fi
echo "./build.sh on that cluster, as it must fail:"
grep -E "Train-Torchvision failed" "$tmp/dotnet.log" | head -1
