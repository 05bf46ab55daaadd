"""matterport/Mask_RCNN with Keras 2.2.5: `Epoch k/N` then a Progbar update per step; whole seconds per epoch."""
import math
import time

from .base import TENSORFLOW_OOM, Trainer, traceback_lines

METRICS = [("rpn_class_loss", 0.12), ("rpn_bbox_loss", 0.9), ("mrcnn_class_loss", 0.65), ("mrcnn_bbox_loss", 0.77),
           ("mrcnn_mask_loss", 0.68)]
WIDTH = 30
CHECKPOINT_SECONDS = 0.8  # ModelCheckpoint + TensorBoard after each epoch: outside the printed epoch time


class KerasProgbar(Trainer):
    noise_lines = ["", "WARNING:tensorflow:From mrcnn/model.py:772: to_float is deprecated."]

    def __init__(self, args, series):
        super().__init__(args, series)
        self.steps = args.steps_per_epoch
        self.epochs = int(math.ceil(args.iterations / float(self.steps)))

    def start(self):
        for line in ["", "Starting at epoch 0. LR=0.02", "",
                     "Checkpoint Path: /repo/logs/coco20200514T1200/mask_rcnn_coco_{epoch:04d}.h5",
                     "Selecting layers to train", "res3a_branch2a         (Conv2D)", "mrcnn_mask             (TimeDistributed)"]:
            self.emit(line)

    def before(self, i):
        if (i - 1) % self.steps == 0:
            if i > 1:
                self.pause(CHECKPOINT_SECONDS)
            self.emit("Epoch %d/%d" % ((i - 1) // self.steps + 1, self.epochs))
            self.epoch_start = self.clock
            self.last_update, self.width, self.sums = 0.0, 0, [0.0] * (len(METRICS) + 1)

    def iteration(self, i):
        current = (i - 1) % self.steps + 1
        values = [self.loss(scale, i, k) for k, (_, scale) in enumerate(METRICS)]
        for k, value in enumerate([sum(values)] + values):
            self.sums[k] += value
        self.update(i, current)
        return 0

    def pause(self, seconds):
        if self.args.sleep_scale > 0:
            time.sleep(seconds * self.args.sleep_scale)
        self.clock += seconds

    def update(self, i, current):
        now = self.clock
        if now - self.last_update < 0.05 and current < self.steps:
            return
        previous = self.width
        self.write_raw("\b" * previous + "\r" if self.args.progress_redraw else "\n")
        bar = "%*d/%d [" % (len(str(self.steps)), current, self.steps)
        filled = int(WIDTH * current / float(self.steps))
        if filled > 0:
            bar += "=" * (filled - 1) + (">" if current < self.steps else "=")
        bar += "." * (WIDTH - filled) + "]"
        per_step = (now - self.epoch_start) / current
        if current < self.steps:
            eta = per_step * (self.steps - current)
            if eta > 3600:
                info = " - ETA: %d:%02d:%02d" % (eta // 3600, (eta % 3600) // 60, eta % 60)
            elif eta > 60:
                info = " - ETA: %d:%02d" % (eta // 60, eta % 60)
            else:
                info = " - ETA: %ds" % eta
        else:
            info = " - %.0fs" % (now - self.epoch_start)
            info += " %.0fs/step" % per_step if per_step >= 1 else " %.0fms/step" % (per_step * 1e3)
        for name, total in zip(["loss"] + [n for n, _ in METRICS], self.sums):
            average = total / current
            info += " - %s:" % name + (" %.4f" % average if abs(average) > 1e-3 else " %.4e" % average)
        self.width = len(bar) + len(info)
        if previous > self.width:
            info += " " * (previous - self.width)
        if current >= self.steps and not (self.args.partial_last_line and i == self.last):
            info += "\n"
        self.write_raw(bar + info)
        self.last_update = now

    entry = ("coco.py", 530, "<module>", "model.train(dataset_train, dataset_val, ...)")

    def oom_lines(self, i):
        return traceback_lines([self.entry, ("/repo/mrcnn/model.py", 2374, "train", "use_multiprocessing=True,")],
                               TENSORFLOW_OOM)

    def missing_data_lines(self):
        self.emit("loading annotations into memory...")
        return traceback_lines([("coco.py", 476, "<module>", "dataset_train.load_coco(args.dataset, 'train')")],
                               "FileNotFoundError: [Errno 2] No such file or directory: "
                               "'/data/coco/annotations/instances_train2014.json'")
