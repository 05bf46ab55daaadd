"""maskrcnn-benchmark 0ce8f6f: trainer lines every 20 iterations (1-based), `median (global avg)` meters."""
import datetime

from .base import Trainer
from .detectron2 import median

LOSSES = [("loss_box_reg", 0.45), ("loss_classifier", 1.2), ("loss_mask", 0.69), ("loss_objectness", 0.35),
          ("loss_rpn_box_reg", 0.2)]


class MaskrcnnBenchmark(Trainer):
    noise_lines = ["", "2020-05-14 12:00:00,000 maskrcnn_benchmark.utils.checkpoint INFO: No checkpoint found."]

    def __init__(self, args, series):
        super().__init__(args, series)
        self.meters = {}        # name -> every value added (SmoothedValue: median of last 20, global avg)
        self.pending = 0.0      # time of a skipped batch, counted into the next timed iteration

    def log(self, message, level="INFO", name="maskrcnn_benchmark.trainer"):
        self.emit("%s %s %s: %s" % (self.stamp("%Y-%m-%d %H:%M:%S,%f3"), name, level, message))

    def start(self):
        self.log("Start training")

    def iteration(self, i):
        if self.args.skip_batch_at == i:
            self.log("Iteration=%d || Image Ids used for training (%d, %d) || targets Length=[0, 0]"
                     % (i, 100000 + i, 200000 + i), "ERROR")
            self.pending += self.t(i)
            return 0
        values = [(name, self.loss(scale, i, phase)) for phase, (name, scale) in enumerate(LOSSES)]
        for name, value in [("loss", sum(v for _, v in values))] + values:
            self.meters.setdefault(name, []).append(value)
        self.meters.setdefault("time", []).append(self.t(i) + self.pending)
        self.meters.setdefault("data", []).append(self.data_time(i))
        self.pending = 0.0
        if i % 20 == 0 or i == self.last:
            self.write(i)
        if i == self.last:
            self.log("Saving checkpoint to ./model_final.pth", name="maskrcnn_benchmark.utils.checkpoint")
        return 0

    def write(self, i):
        def meter(name):
            values = self.meters[name]
            return "{}: {:.4f} ({:.4f})".format(name, median(values[-20:]), sum(values) / len(values))
        ordered = ["loss"] + sorted(n for n in self.meters if n not in ("loss", "time", "data")) + ["time", "data"]
        times = self.meters["time"]
        eta = sum(times) / len(times) * (self.last - i)
        self.log("  ".join(["eta: %s" % datetime.timedelta(seconds=int(eta)), "iter: %d" % i]
                           + [meter(n) for n in ordered]
                           + ["lr: {:.6f}".format(self.lr(i, base=0.02, warmup=500, factor=1.0 / 3)),
                              "max mem: {:.0f}".format(self.memory_mb(i))]))

    def finish(self):
        total = sum(self.times) + 0.003 * self.last
        self.log("Total training time: {} ({:.4f} s / it)".format(datetime.timedelta(seconds=total), total / self.last))

    def missing_data_lines(self):
        return super().missing_data_lines()[:-1] + [
            "FileNotFoundError: [Errno 2] No such file or directory: 'datasets/coco/annotations/instances_train2014.json'"]
