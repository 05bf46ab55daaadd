#!/usr/bin/env bash
# A sweep on a cluster (issue 23): N implementations, each a whole chain (Clone, Patch, Setup, Train, Parse) whose
# training is a Slurm job on the local one-node cluster (scripts/start-test-slurm.sh, as root), through ./build.sh
# --executor slurm --jobs 1 (a login node's few cores): the trainings alone against the slowest one alone, and
# against --slurm-max-jobs 1 (one job at a time, as --jobs bounded them before). The implementations are the fake
# trainer (tests/fake-trainer) at 1x, 2x, ... the first one's iteration time, from a local git repository, in a
# scratch checkout of this commit. Usage: scripts/bench-slurm-sweep.sh [N] [seconds per iteration of the first]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-3}"
step="${2:-0.25}"
tmp="$(mktemp -d /tmp/maskbench-sweep-XXXXXX)"
# a cluster of its own (its folder and ports beside the test cluster's), so that no test's job or drained node meets it
export MASKBENCH_SLURM_DIR="$tmp/slurm" MASKBENCH_SLURM_PORT=6977
root="$(pwd)"
trap 'bash "$root/scripts/stop-test-slurm.sh" >/dev/null 2>&1 || true; git -C "$root" worktree remove --force "$tmp/mb" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
conf="$(bash scripts/start-test-slurm.sh | sed -n 's/^SLURM_CONF=//p')"
export SLURM_CONF="$conf"
git worktree add -q --detach "$tmp/mb" HEAD
git init -q "$tmp/upstream"
cp -r tests/fake-trainer/. "$tmp/upstream/"
git -C "$tmp/upstream" add -A
git -C "$tmp/upstream" -c user.name=bench -c user.email=bench@localhost commit -q -m "the fake trainer"
pin="$(git -C "$tmp/upstream" rev-parse HEAD)"
source scripts/fake-recipe.sh
ids=()
for i in $(seq 1 "$n"); do
  time="$(python3 -c "print($step * $i)")"
  ids+=("fake$i")
  fake_recipe "fake$i" "$tmp/upstream" "$pin" \
    "\"python\", \"fake_trainer.py\", \"--format\", \"maskrcnn-benchmark\", \"--images\", \"{batch}\", \"--time\", \"$time\"" \
    >"$tmp/mb/recipes/fake$i.json"
done
cd "$tmp/mb"
common=(--executor slurm --provider venv --python /usr/bin/python3 --gpus 0 --coco synthetic --window-skip 20 --window-end 40
  --jobs 1 --slurm-exclusive false --slurm-mem-per-gpu 500M --slurm-cpus-per-gpu 1 --skip Check --verbosity minimal)
all="$(IFS=,; echo "${ids[*]}")"
trains=()
for id in "${ids[@]}"; do trains+=("Train-${id^}"); done
echo "first run (compile, clone, set up, train once): $n implementations"
./build.sh Benchmark --implementations "$all" "${common[@]}" >"$tmp/first.log" 2>&1 || { tail -30 "$tmp/first.log"; exit 1; }
measure() { # label, then the build's arguments
  local label="$1"; shift
  local start end
  start="$(date +%s.%N)"
  ./build.sh Benchmark "$@" "${common[@]}" >"$tmp/run.log" 2>&1 || { tail -30 "$tmp/run.log"; exit 1; }
  cp "$tmp/run.log" "/tmp/maskbench-sweep-$(echo "$label" | cut -c1-12 | tr -c "a-z0-9\n" "-").log"
  end="$(date +%s.%N)"
  printf '%-60s %6.1f s\n' "$label" "$(python3 -c "print($end - $start)")"
}
measure "the slowest alone (${ids[-1]}, --force ${trains[-1]})" --implementations "${ids[-1]}" --force "${trains[-1]}"
measure "all $n at once (--force ${trains[*]})" --implementations "$all" --force "${trains[@]}"
measure "all $n, one job at a time (--slurm-max-jobs 1)" --implementations "$all" --force "${trains[@]}" --slurm-max-jobs 1
measure "the slowest alone, again (${ids[-1]})" --implementations "${ids[-1]}" --force "${trains[-1]}"
