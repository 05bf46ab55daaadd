#!/usr/bin/env bash
# Parser speed: a 90,000-iteration log (a full 1x schedule) of each format, written by the fake trainer,
# parsed by MaskBench's parsers (best of 5), next to a plain `wc -l` of the same file as the floor.
# Usage: scripts/bench-parsers.sh [ITERATIONS]   (needs python3 and the .NET SDK; writes under .work/bench-parsers)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
iterations="${1:-90000}"
work="$root/.work/bench-parsers"
rm -rf "$work"
mkdir -p "$work"

formats=(detectron2 mmcv maskrcnn-benchmark tensorpack mxnet-speedometer detectron keras-progbar)
for format in "${formats[@]}"; do
  mkdir -p "$work/$format"
  python3 "$root/tests/fake-trainer/fake_trainer.py" --format "$format" --iterations "$iterations" \
    --jitter 0.3 --ansi --noise --ranks 8 --progress-redraw \
    >"$work/$format/train.log" 2>&1
done

dotnet build -c Release -v quiet -nologo "$root/scripts/ParserBench" >/dev/null
args=()
for format in "${formats[@]}"; do
  [[ "$format" == tensorpack ]] && args+=("$format:8") || args+=("$format")
done
parsed="$(dotnet "$root/scripts/ParserBench/bin/Release/net10.0/linux-x64/ParserBench.dll" "$work" "${args[@]}")"

printf '%-20s %8s %10s %10s %10s %12s %12s\n' format MB lines parse_s parse_MB/s wc-l_s wc-l_MB/s
while IFS=$'\t' read -r format mb _last seconds rate _ips status; do
  [[ "$format" == format ]] && continue
  file="$work/$format/train.log"
  lines=$(wc -l <"$file")
  best=999
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N); wc -l "$file" >/dev/null; end=$(date +%s%N)
    best=$(awk -v a="$best" -v b="$(( (end - start) ))" 'BEGIN { s = b / 1e9; print (s < a ? s : a) }')
  done
  wcrate=$(awk -v mb="$mb" -v s="$best" 'BEGIN { printf "%.0f", mb / s }')
  printf '%-20s %8s %10s %10s %10s %12.4f %12s   (%s)\n' "$format" "$mb" "$lines" "$seconds" "$rate" "$best" "$wcrate" "$status"
done <<<"$parsed"
