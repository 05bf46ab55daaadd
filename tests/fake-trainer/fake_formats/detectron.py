"""Detectron (Caffe2): `json_stats:` print lines every 20 iterations (0-based) and at MAX_ITER-1."""
import datetime
import json

from .base import Trainer, traceback_lines

LOSSES = [("loss_bbox", 0.45), ("loss_cls", 1.2), ("loss_mask", 0.69)] + [
    ("loss_rpn_bbox_fpn%d" % level, 0.04) for level in range(2, 7)] + [
    ("loss_rpn_cls_fpn%d" % level, 0.07) for level in range(2, 7)]


class Detectron(Trainer):
    noise_lines = ["", "I1003 18:17:10.123456 12345 operator.cc:169] Engine CUDNN is not available for operator Relu."]

    def __init__(self, args, series):
        super().__init__(args, series)
        self.timer = []

    def log(self, level, where, message):
        file, line = where
        self.emit("%s %s:%4d: %s" % (level, file, line, message))

    def start(self):
        self.log("INFO", ("train.py", 138), "Building model: generalized_rcnn")
        self.log("INFO", ("train.py", 181), "Loading dataset: ('coco_2014_train', 'coco_2014_valminusminival')")

    def iteration(self, i):
        k = i - 1
        self.timer.append(self.t(i))
        losses = [(name, self.loss(scale, i, phase)) for phase, (name, scale) in enumerate(LOSSES)]
        if k % 20 == 0 or i == self.last:
            average = sum(self.timer) / len(self.timer)
            stats = {"iter": k, "time": "%.6f" % average, "mb_qsize": 64, "mem": self.memory_mb(k) * 2,
                     "eta": str(datetime.timedelta(seconds=int(average * (self.last - k)))),
                     "lr": "%.6f" % self.lr(k, base=0.02, warmup=500, factor=1.0 / 3),
                     "loss": "%.6f" % sum(v for _, v in losses),
                     "accuracy_cls": "%.6f" % (1.0 - 0.1 * self.loss(1.0, i))}
            stats.update((name, "%.6f" % value) for name, value in losses)
            self.emit("json_stats: " + json.dumps(stats, sort_keys=True))
        if k == 20:
            self.timer = []
        if self.is_nan(i):
            self.log("CRITICAL", ("train.py", 98), "Loss is NaN")
            frames = [("tools/train_net.py", 132, "<module>", "main()"),
                      ("detectron/utils/train.py", 86, "train_model", "handle_critical_error(model, 'Loss is NaN')"),
                      ("detectron/utils/train.py", 100, "handle_critical_error", "raise Exception(msg)")]
            self.fail(traceback_lines(frames, "Exception: Loss is NaN"))
            return 1
        return 0

    def finish(self):
        self.log("INFO", ("net.py", 143), "Saving parameters and momentum to /output/train/"
                 "coco_2014_train:coco_2014_valminusminival/generalized_rcnn/model_final.pkl")

    entry = ("tools/train_net.py", 132, "<module>", "main()")

    def oom_lines(self, i):
        return traceback_lines([self.entry, ("detectron/utils/train.py", 68, "train_model", "workspace.RunNet(...)")],
                               "RuntimeError: [enforce fail at context_gpu.cu:415] error == cudaSuccess. 2 vs 0. "
                               "Error at: caffe2/core/context_gpu.cu:415: out of memory")

    def missing_data_lines(self):
        return traceback_lines([self.entry], "AssertionError: Ann fn 'detectron/datasets/data/coco/annotations/"
                                             "instances_train2014.json' not found")
