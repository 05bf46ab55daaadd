#!/usr/bin/env python3
"""MaskBench's own Mask R-CNN training program: torchvision's R-50-FPN Mask R-CNN trained on a
COCO-format folder, from scratch (nothing is downloaded), logging like maskrcnn-benchmark's trainer:

    <time> torchvision.trainer INFO: eta: ..  iter: N  loss: A (B)  ...  time: A (B)  data: A (B)  lr: ..  max mem: ..

where A is the median of the last 20 iterations and B the global average since iteration 1 (1-based).
"""
import argparse
import datetime
import json
import os
import statistics
import sys
import time

import torch
import torchvision
from PIL import Image, ImageDraw
from torchvision.models.detection import maskrcnn_resnet50_fpn
from torchvision.transforms.functional import to_tensor


def arguments():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", required=True, help="COCO folder: annotations/instances_train2017.json, train2017/")
    p.add_argument("--output", required=True, help="fresh folder for this run")
    p.add_argument("--iterations", type=int, required=True, help="stop after this many iterations")
    p.add_argument("--batch-size", type=int, default=2, help="images per iteration")
    p.add_argument("--min-size", type=int, default=800)
    p.add_argument("--max-size", type=int, default=1333)
    p.add_argument("--device", default="auto", help="cpu, cuda or auto")
    p.add_argument("--threads", type=int, default=0, help="CPU threads for torch (0: leave as is)")
    p.add_argument("--workers", type=int, default=2, help="data loader processes")
    p.add_argument("--log-period", type=int, default=20)
    p.add_argument("--base-lr", type=float, default=0.02, help="for 16 images per iteration; scaled linearly")
    return p.parse_args()


class CocoFolder(torch.utils.data.Dataset):
    """Images with at least one object, their boxes, labels and polygon masks, read without pycocotools."""

    def __init__(self, root):
        path = os.path.join(root, "annotations", "instances_train2017.json")
        if not os.path.isfile(path):
            sys.exit(f"FileNotFoundError: [Errno 2] No such file or directory: '{path}'")
        with open(path) as f:
            coco = json.load(f)
        self.root = root
        self.labels = {c["id"]: i + 1 for i, c in enumerate(sorted(coco["categories"], key=lambda c: c["id"]))}
        self.objects = {}
        for a in coco["annotations"]:
            if not a.get("iscrowd", 0) and a["bbox"][2] > 1 and a["bbox"][3] > 1:
                self.objects.setdefault(a["image_id"], []).append(a)
        self.images = [i for i in coco["images"] if i["id"] in self.objects]

    def __len__(self):
        return len(self.images)

    def __getitem__(self, index):
        info = self.images[index]
        image = Image.open(os.path.join(self.root, "train2017", info["file_name"])).convert("RGB")
        boxes, labels, masks = [], [], []
        for a in self.objects[info["id"]]:
            x, y, w, h = a["bbox"]
            boxes.append([x, y, x + w, y + h])
            labels.append(self.labels[a["category_id"]])
            mask = Image.new("L", image.size, 0)
            for polygon in a["segmentation"]:
                ImageDraw.Draw(mask).polygon([(polygon[k], polygon[k + 1]) for k in range(0, len(polygon), 2)], fill=1)
            masks.append(torch.as_tensor(list(mask.getdata()), dtype=torch.uint8).view(image.size[1], image.size[0]))
        target = {
            "boxes": torch.tensor(boxes, dtype=torch.float32),
            "labels": torch.tensor(labels, dtype=torch.int64),
            "masks": torch.stack(masks),
        }
        return to_tensor(image), target


class Smoothed:
    """The last 20 values and the global average, as maskrcnn-benchmark's SmoothedValue."""

    def __init__(self):
        self.recent, self.total, self.count = [], 0.0, 0

    def add(self, value):
        self.recent = (self.recent + [value])[-20:]
        self.total += value
        self.count += 1

    def __str__(self):
        return f"{statistics.median(self.recent):.4f} ({self.total / self.count:.4f})"


def endless(loader):
    while True:
        yield from loader


def main():
    a = arguments()
    if a.threads:
        torch.set_num_threads(a.threads)
    device = torch.device("cuda" if a.device == "auto" and torch.cuda.is_available() else ("cpu" if a.device == "auto" else a.device))
    os.makedirs(a.output, exist_ok=True)
    torch.manual_seed(0)
    dataset = CocoFolder(a.data)
    loader = torch.utils.data.DataLoader(dataset, batch_size=a.batch_size, shuffle=True, drop_last=True, num_workers=a.workers, collate_fn=lambda b: tuple(zip(*b)))
    model = maskrcnn_resnet50_fpn(weights=None, weights_backbone=None, num_classes=81, min_size=a.min_size, max_size=a.max_size).to(device)
    model.train()
    lr = a.base_lr * a.batch_size / 16
    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=lr, momentum=0.9, weight_decay=1e-4)
    warmup = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda i: min(1.0, 1.0 / 3 + (1 - 1.0 / 3) * i / 500))
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__}, device {device}, threads {torch.get_num_threads()}, "
          f"{len(dataset)} images, batch {a.batch_size}, {a.iterations} iterations", flush=True)
    meters = {}
    end = time.perf_counter()
    for iteration, (images, targets) in enumerate(endless(loader), start=1):
        data_time = time.perf_counter() - end
        images = [i.to(device) for i in images]
        targets = [{k: v.to(device) for k, v in t.items()} for t in targets]
        losses = model(images, targets)
        loss = sum(losses.values())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        warmup.step()
        values = {"loss": loss.item(), **{k: v.item() for k, v in sorted(losses.items())}}
        batch_time = time.perf_counter() - end
        end = time.perf_counter()
        for name, value in [*values.items(), ("time", batch_time), ("data", data_time)]:
            meters.setdefault(name, Smoothed()).add(value)
        if iteration % a.log_period == 0 or iteration == a.iterations:
            eta = datetime.timedelta(seconds=int(meters["time"].total / meters["time"].count * (a.iterations - iteration)))
            memory = torch.cuda.max_memory_allocated() / 1024 / 1024 if device.type == "cuda" else 0
            stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S,%f")[:-3]
            text = "  ".join(f"{name}: {meter}" for name, meter in meters.items())
            print(f"{stamp} torchvision.trainer INFO: eta: {eta}  iter: {iteration}  {text}  lr: {optimizer.param_groups[0]['lr']:.6f}  max mem: {memory:.0f}", flush=True)
        if iteration == a.iterations:
            break
    total = meters["time"].total
    print(f"Total training time: {datetime.timedelta(seconds=total)} ({total / a.iterations:.4f} s / it)", flush=True)


if __name__ == "__main__":
    main()
