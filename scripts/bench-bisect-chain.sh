#!/usr/bin/env bash
# Bisect through the chain, as a user runs it: ./build.sh Bisect-Fake on a local upstream of N commits (default 64)
# whose fake trainer takes 0.01 s an iteration until commit K (default 41) and 0.0125 s (20 % slower) from it on.
# Each probe clones, patches, sets up (a venv) and trains the fake trainer --repeats times (window 21..40).
# Prints the answer, the commits measured against log2 of the range, the runs and the wall time; then runs the
# same bisect again (everything journaled: nothing is measured twice). Usage: scripts/bench-bisect-chain.sh [N] [K] [repeats]
set -euo pipefail
cd "$(dirname "$0")/.."
commits="${1:-64}"
first_slow="${2:-41}"
repeats="${3:-4}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
upstream="$scratch/upstream"
root="$scratch/root"
git init --quiet --initial-branch=main "$upstream"
cp tests/fake-trainer/fake_trainer.py "$upstream/"
cp -r tests/fake-trainer/fake_formats "$upstream/"
cat >"$upstream/train.py" <<'PY'
import runpy, sys
sys.argv = ["fake_trainer.py"] + sys.argv[1:] + ["--time", open("time.txt").read().strip()]
runpy.run_path("fake_trainer.py", run_name="__main__")
PY
for i in $(seq 0 $((commits - 1))); do
  if [ "$i" -lt "$first_slow" ]; then echo 0.01 >"$upstream/time.txt"; else echo 0.0125 >"$upstream/time.txt"; fi
  echo "$i" >"$upstream/commit.txt"
  git -C "$upstream" add -A
  GIT_COMMITTER_DATE="2026-01-01T00:00:00Z +$i days" git -C "$upstream" -c user.name=bench -c user.email=bench@invalid \
    commit --quiet -m "commit $i" --date "@$((1767225600 + i * 86400))"
done
good=$(git -C "$upstream" rev-list --reverse main | sed -n 1p)
bad=$(git -C "$upstream" rev-parse main)
expected=$(git -C "$upstream" rev-list --reverse main | sed -n "$((first_slow + 1))p")
mkdir -p "$root/recipes" "$root/.nuke" "$root/coco"
cp .nuke/build.schema.json "$root/.nuke/"
source scripts/fake-recipe.sh
fake_recipe fake "$upstream" "$good" '"python", "train.py", "--format", "maskrcnn-benchmark", "--images", "{batch}"' \
  >"$root/recipes/fake.json"
bisect() {
  ./build.sh Bisect-Fake --root "$root" --good "${good:0:10}" --bad "$bad" --repeats "$repeats" --provider venv --python python3 \
    --gpus 0 --coco "$root/coco" --window-skip 20 --window-end 40 --work-dir "$scratch/work" --artifacts-dir "$scratch/artifacts"
}
start=$(date +%s.%N)
bisect >"$scratch/first.out" 2>&1 || { tail -30 "$scratch/first.out"; exit 1; }
first=$(echo "$(date +%s.%N) - $start" | bc)
cp "$scratch/artifacts/bisect/fake.json" "$scratch/first.json"
start=$(date +%s.%N)
bisect >"$scratch/again.out" 2>&1 || { tail -30 "$scratch/again.out"; exit 1; }
again=$(echo "$(date +%s.%N) - $start" | bc)
/usr/bin/python3 - "$scratch/first.json" "$scratch/artifacts/bisect/fake.json" "$expected" "$commits" "$first" "$again" \
  "$(find "$scratch/artifacts/history" -name '*.json' | wc -l)" <<'PY'
import json, math, sys
result, second = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
expected, commits, first, again, history = sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
print(f"bisect over {commits} commits through ./build.sh: firstBad {result['firstBad'][:12]} "
      f"({'right' if result['firstBad'] == expected else 'WRONG, expected ' + expected[:12]}), "
      f"{result['probeCount']} commits measured (log2 of the range {math.log2(commits - 1):.1f}, +2 endpoints), "
      f"{result['probeCalls']} probe calls, {result['runs']} runs, {first:.0f} s; "
      f"run again: {again:.1f} s, {second['probeCalls']} probe calls, same answer: {second['firstBad'] == result['firstBad']}, "
      f"{history} runs in the history")
PY
