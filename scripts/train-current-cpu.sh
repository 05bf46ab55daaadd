#!/usr/bin/env bash
# Trains Detectron2 v0.1.2 on this CPU in the current-stack image (issue 19 item 4, by hand: not yet through the chain).
#   the image     localhost/maskbench/detectron2:current, from scripts/build-current-stack.sh
#   the tree      its /opt/detectron2 (the pin + patches/detectron2/current-stack.diff, extension compiled), copied out,
#                 with patches/detectron2/current-stack-runtime.diff applied (Pillow 10, NumPy 2, no tensorboard)
#   the data      MaskBench's synthetic COCO (./build.sh Data), its 3 shape categories renamed to COCO's first 3
#                 "thing" classes and the 80 listed, since v0.1.2's coco_2017_train metadata insists on COCO's 80
#   the run       the recipe's tools/train_net.py and config, MODEL.DEVICE cpu, random initialisation (no weights
#                 here), batch 2 at 256 px, BASE_LR 0.0025 (the linear rule for 2 of 16 images) and MODEL.RESNETS.NORM
#                 BN: with FrozenBN from random weights the first iterations give Inf/NaN boxes.
# Usage: sudo bash scripts/train-current-cpu.sh      ITERS (default 40) iterations; WORK (default /var/tmp/d2cpu-run)
set -euo pipefail
cd "$(dirname "$0")/.."
export CONTAINERS_CONF="${CONTAINERS_CONF:-/etc/maskbench/containers.conf}"
IMAGE=localhost/maskbench/detectron2:current
ITERS="${ITERS:-40}"
WORK="${WORK:-/var/tmp/d2cpu-run}"
say() { echo "train-current-cpu.sh: $*"; }
podman image exists "$IMAGE" || { say "$IMAGE is missing: run sudo bash scripts/build-current-stack.sh" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK/data" "$WORK/out"
c=$(podman create "$IMAGE") && podman cp "$c:/opt/detectron2" "$WORK/src" && podman rm "$c" >/dev/null
git -C "$WORK/src" init -q
git -C "$WORK/src" apply --whitespace=nowarn "$PWD/patches/detectron2/current-stack-runtime.diff"
./build.sh Data >"$WORK/data.log" 2>&1 || { tail -n 5 "$WORK/data.log" >&2; say "./build.sh Data failed" >&2; exit 1; }
cp -r .work/data/synthetic-coco "$WORK/data/coco"
chmod -R a+rwX "$WORK"
run() { podman run --rm --network=none -e DETECTRON2_DATASETS=/data -e PYTHONUNBUFFERED=1 -v "$WORK/data:/data" \
  -v "$WORK/out:/out" -v "$WORK/src:/opt/detectron2" -w /opt/detectron2 "$IMAGE" "$@"; }
run python -c '
import json
from detectron2.data.datasets.builtin_meta import COCO_CATEGORIES
p = "/data/coco/annotations/instances_train2017.json"
d = json.load(open(p))
ids = [c["id"] for c in COCO_CATEGORIES if c["isthing"]]
for a in d["annotations"]:
    a["category_id"] = ids[a["category_id"] - 1]
d["categories"] = [{"id": c["id"], "name": c["name"], "supercategory": "x"} for c in COCO_CATEGORIES if c["isthing"]]
json.dump(d, open(p, "w"))'
start=$SECONDS
run python tools/train_net.py --config-file configs/Detectron1-Comparisons/mask_rcnn_R_50_FPN_noaug_1x.yaml \
  --num-gpus 1 MODEL.DEVICE cpu MODEL.WEIGHTS "" SOLVER.IMS_PER_BATCH 2 INPUT.MIN_SIZE_TRAIN "(256,)" \
  INPUT.MAX_SIZE_TRAIN 320 SOLVER.BASE_LR 0.0025 MODEL.RESNETS.NORM BN SOLVER.MAX_ITER "$ITERS" DATASETS.TEST "()" \
  DATALOADER.NUM_WORKERS 0 OUTPUT_DIR /out/run >"$WORK/train.log" 2>&1 \
  || { tail -n 20 "$WORK/train.log" >&2; say "training failed after $((SECONDS - start)) s; log: $WORK/train.log" >&2; exit 1; }
grep -E ' iter: |Overall training speed' "$WORK/train.log" || true
say "$ITERS iterations in $((SECONDS - start)) s; log: $WORK/train.log"
