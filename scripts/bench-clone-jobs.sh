#!/usr/bin/env bash
# Clone+Patch of the upstream implementations with --jobs 1 against --jobs N: the wall time of the engine's parallel
# targets on I/O-bound work. MIRRORS holds <owner>/<repo> git repositories (bare or not) with the recipes' pins, as
# --git-mirror expects; implementations without a mirror there are left out and named.
# usage: scripts/bench-clone-jobs.sh MIRRORS [N=4]
set -euo pipefail
cd "$(dirname "$0")/.."
mirrors=$(realpath "$1")
jobs=${2:-4}
targets=()
for recipe in recipes/*.json; do
  read -r id mirror suffix < <(python3 - "$recipe" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
print(r["id"], r["source"]["mirror"], "".join(w[:1].upper() + w[1:] for w in re.split("[-_]", r["id"])))
PY
)
  if [[ -e "$mirrors/$mirror" && "$id" != torchvision ]]; then targets+=("Patch-$suffix"); else echo "bench-clone-jobs: no mirror of $id ($mirror): left out"; fi
done
./build.sh --help >/dev/null # compiled before the clock starts
for n in 1 "$jobs"; do
  scratch=$(mktemp -d -t maskbench-clone-XXXXXX)
  start=$(date +%s%N)
  ./build.sh "${targets[@]}" --git-mirror "$mirrors" --work-dir "$scratch/work" --artifacts-dir "$scratch/artifacts" --jobs "$n" >"$scratch/log.txt" 2>&1 \
    || { tail -20 "$scratch/log.txt"; exit 1; }
  echo "bench-clone-jobs: ${#targets[@]} implementations, Clone+Patch with --jobs $n: $(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s"
  rm -rf "$scratch"
done
