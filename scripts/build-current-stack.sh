#!/usr/bin/env bash
# Builds the current stack (issue 19) with podman, one timed line per step:
#   1 base        debootstrap trixie minbase root -> podman import  (skipped when the tag exists: a new import has a
#                 new id, and every layer above it would rebuild; REBUILD_BASE=1 forces it)
#   2 cuda-torch  environments/base/cuda-torch-trixie.Dockerfile (Debian's CUDA 12.4 PyTorch 2.6, cuDNN stand-in)
#   3 stack       environments/detectron2/current.Dockerfile, target "stack" (wheels from WHEELHOUSE)
#   4 detectron2  the same file, final stage: the pin + patches/detectron2/current-stack.diff, extension compiled
# then lists the cubins of the built extension (cuobjdump --list-elf) and runs ROIAlign on the CPU.
# Usage: sudo bash scripts/build-current-stack.sh
#   D2_MIRROR   a git clone of facebookresearch/detectron2 holding the pin (default /work/mirror/facebookresearch/detectron2)
#   WHEELHOUSE  the wheels of environments/detectron2/current.wheels (read only when the stack layer is rebuilt)
#   STEP_TIMEOUT  seconds after which a build step is stopped (default 0: none)
set -euo pipefail
cd "$(dirname "$0")/.."
export CONTAINERS_CONF="${CONTAINERS_CONF:-/etc/maskbench/containers.conf}"
PIN=60205f80f300a7000373ea2dd6ff73574bf16978
BASE=localhost/maskbench/debian:trixie-13.8-minbase
CUDA_TORCH=localhost/maskbench/cuda-torch:trixie-13.8-standin
STACK=localhost/maskbench/detectron2-stack:current
D2=localhost/maskbench/detectron2:current
D2_MIRROR="${D2_MIRROR:-/work/mirror/facebookresearch/detectron2}"
WHEELHOUSE="${WHEELHOUSE:-/var/tmp/maskbench-wheelhouse}"
STEP_TIMEOUT="${STEP_TIMEOUT:-0}"
say() { echo "build-current-stack.sh: $*"; }
fail() { say "$*" >&2; exit 1; }
work="$(mktemp -d /var/tmp/maskbench-current.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Runs `podman build ARGS...`, its log in $work/<step>.log; prints the step's time and how many steps came from cache.
build() {
  local step="$1"; shift
  local start=$SECONDS rc=0
  timeout "$STEP_TIMEOUT" podman build --network=host "$@" >"$work/$step.log" 2>&1 || rc=$?
  local steps cached
  steps=$(grep -E '^(\[[0-9]+/[0-9]+] )?STEP ' "$work/$step.log" | grep -vc ': FROM ' || true)
  cached=$(grep -c 'Using cache' "$work/$step.log" || true)
  if [ "$rc" -ne 0 ]; then
    tail -n 15 "$work/$step.log" >&2
    [ "$rc" -eq 124 ] && fail "$step: stopped after ${STEP_TIMEOUT} s (STEP_TIMEOUT), $cached of $steps instructions from cache"
    fail "$step: podman build failed (exit $rc) after $((SECONDS - start)) s; its log is above"
  fi
  say "$step: $((SECONDS - start)) s, $cached of $steps instructions from cache"
}

# 1 base
start=$SECONDS
if podman image exists "$BASE" && [ "${REBUILD_BASE:-0}" != 1 ]; then
  say "base: present as $BASE ($(podman image inspect -f '{{.Id}}' "$BASE" | cut -c1-12)), not rebuilt (REBUILD_BASE=1 rebuilds it)"
else
  command -v debootstrap >/dev/null || fail "base: debootstrap is missing: apt-get install debootstrap"
  debootstrap --variant=minbase --include=ca-certificates --components=main,contrib,non-free \
    trixie "$work/root" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; fail "base: debootstrap failed"; }
  rm -rf "$work/root/var/cache/apt/archives/"*.deb "$work/root/var/lib/apt/lists/"*
  tar -C "$work/root" -c . | podman import --change 'CMD ["/bin/bash"]' \
    --change 'ENV PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'ENV LANG=C.UTF-8' - "$BASE" >/dev/null
  rm -rf "$work/root"
  say "base: debootstrap + podman import $BASE: $((SECONDS - start)) s"
fi

# 2 cuda-torch (cuDNN stand-in: the cudnn build context is empty)
mkdir -p "$work/cudnn"
build cuda-torch -f environments/base/cuda-torch-trixie.Dockerfile --build-context cudnn="$work/cudnn" \
  -t "$CUDA_TORCH" environments/base

# 3 stack, 4 detectron2
mkdir -p "$WHEELHOUSE"
git -C "$D2_MIRROR" cat-file -e "$PIN^{commit}" 2>/dev/null \
  || fail "detectron2: $D2_MIRROR holds no commit $PIN: clone facebookresearch/detectron2 there (D2_MIRROR=DIR)"
mkdir -p "$work/src"
git -C "$D2_MIRROR" archive "$PIN" | tar -x -C "$work/src"
git -C "$work/src" apply --whitespace=nowarn "$PWD/patches/detectron2/current-stack.diff" 2>"$work/apply.log" \
  || fail "detectron2: patches/detectron2/current-stack.diff does not apply to $PIN: $(head -n1 "$work/apply.log")"
contexts=(--build-context wheelhouse="$WHEELHOUSE" --build-context src="$work/src")
build stack -f environments/detectron2/current.Dockerfile "${contexts[@]}" --target stack -t "$STACK" environments/detectron2
build detectron2 -f environments/detectron2/current.Dockerfile "${contexts[@]}" -t "$D2" environments/detectron2
for image in "$BASE" "$CUDA_TORCH" "$STACK" "$D2"; do
  say "size: $image $(podman images --format '{{.Size}} (id {{.ID}})' "$image" | head -n1)"
done

# The architectures of the built extension, and ROIAlign on the CPU.
run() { podman run --rm --network=none "$D2" "$@"; }
so=$(run sh -c 'ls /opt/detectron2/detectron2/_C*.so') || fail "detectron2: no _C*.so in $D2"
run cuobjdump --list-elf "$so" >"$work/elf.txt" || fail "cuobjdump --list-elf $so failed"
archs=$(grep -o 'sm_[0-9]*' "$work/elf.txt" | sort | uniq -c | awk '{printf "%s%s: %s cubins", sep, $2, $1; sep=", "}')
[ -n "$archs" ] || fail "cuobjdump lists no cubin in $so"
say "extension $so: $archs"
run python -c "
import torch
from detectron2 import _C
from detectron2.layers import ROIAlign
x = torch.arange(64, dtype=torch.float32).reshape(1, 1, 8, 8)
boxes = torch.tensor([[0, 0.0, 0.0, 4.0, 4.0]])
y = ROIAlign((2, 2), spatial_scale=1.0, sampling_ratio=2, aligned=True)(x, boxes)
expected = torch.tensor([[[[4.5, 6.5], [20.5, 22.5]]]])  # bilinear means of the 2x2 samples of each bin, by hand
assert torch.allclose(y, expected), y
print('ROIAlign on the CPU:', [round(v, 3) for v in y.flatten().tolist()])
" | while read -r line; do say "$line"; done
