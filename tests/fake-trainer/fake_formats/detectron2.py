"""Detectron2 v0.1.2: CommonMetricPrinter lines every 20 iterations, metrics.json, IterationTimer summary."""
import datetime
import json
import os

from .base import GREEN, RED, BLINK, UNDERLINE, Trainer, traceback_lines

LOSSES = [("loss_cls", 1.2), ("loss_box_reg", 0.45), ("loss_mask", 0.69), ("loss_rpn_cls", 0.35), ("loss_rpn_loc", 0.2)]


def median(values):
    ordered = sorted(values)
    n = len(ordered)
    return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2.0


def delta(seconds):
    return str(datetime.timedelta(seconds=int(seconds)))


class Detectron2(Trainer):
    noise_lines = ["", "/usr/lib/python3/dist-packages/torch/optim/lr_scheduler.py:123: UserWarning: "
                       "Detected call of `lr_scheduler.step()` before `optimizer.step()`."]

    def __init__(self, args, series):
        super().__init__(args, series)
        self.recorded = []      # IterationTimer: 0-based iterations >= 2
        self.history = {}       # name -> list of values, in order of first put
        self.metrics = os.path.join(args.output, "metrics.json") if args.output else None

    def log(self, name, message, level="INFO"):
        prefix = self.colored("[%s %s]: " % (self.stamp("%m/%d %H:%M:%S"), name), GREEN)
        if level == "WARNING":
            prefix = self.colored("WARNING", RED, BLINK) + " " + prefix
        elif level == "ERROR":
            prefix = self.colored("ERROR", RED, BLINK, UNDERLINE) + " " + prefix
        self.emit(prefix + message)

    def start(self):
        self.log("d2.engine.train_loop", "Starting training from iteration 0")

    def losses(self, i):
        values = [(name, self.loss(scale, i, phase)) for phase, (name, scale) in enumerate(LOSSES)]
        return [("total_loss", sum(v for _, v in values))] + values

    def put(self, name, value):
        self.history.setdefault(name, []).append(value)

    def iteration(self, i):
        k = i - 1
        losses = self.losses(i)
        if self.is_nan(i):
            loss_dict = "{" + ", ".join("'%s': tensor(nan, device='cuda:0')" % n for n, _ in losses[1:]) + "}"
            self.fail(self.guard_lines(k, loss_dict))
            return 1
        if k >= 2:
            self.recorded.append(self.t(i))
            self.put("time", self.t(i))
        self.put("data_time", self.data_time(i))
        for name, value in losses:
            self.put(name, value)
        self.put("lr", self.lr(k))
        if i == self.last:
            self.log("fvcore.common.checkpoint", "Saving checkpoint to ./output/model_final.pth")
        if (k + 1) % 20 == 0 or i == self.last:
            self.write(k)
        return 0

    def write(self, k):
        fields, smoothed = [], {"iteration": k}
        if self.recorded:
            eta_seconds = median(self.recorded[-1000:]) * (self.last - k)
            fields.append(" eta: %s  iter: %d" % (delta(eta_seconds), k))
        else:
            eta_seconds = None
            fields.append(" eta: N/A  iter: %d" % k)
        loss_text = "  ".join("{}: {:.3f}".format(n, median(v[-20:])) for n, v in self.history.items() if "loss" in n)
        time_text = "time: {:.4f}  ".format(sum(self.recorded) / len(self.recorded)) if self.recorded else ""
        data = self.history["data_time"][-20:]
        data_text = "data_time: {:.4f}  ".format(sum(data) / len(data))
        self.log("d2.utils.events", "%s  %s  %s%slr: %s  max_mem: %dM" % (
            fields[0], loss_text, time_text, data_text, "{:.6f}".format(self.history["lr"][-1]), self.memory_mb(k)))
        for name, values in self.history.items():
            smoothed[name] = values[-1] if name == "lr" else median(values[-20:])
        if eta_seconds is not None:
            smoothed["eta_seconds"] = eta_seconds
        if self.metrics:
            with open(self.metrics, "a") as f:
                f.write(json.dumps(smoothed, sort_keys=True) + "\n")

    def finish(self):
        if self.recorded:
            total = sum(self.recorded)
            self.log("d2.engine.hooks", "Overall training speed: {} iterations in {} ({:.4f} s / it)".format(
                len(self.recorded), delta(total), total / len(self.recorded)))
        self.log("d2.engine.hooks", "Total training time: {} ({} on hooks)".format(
            delta(sum(self.times) + 0.002 * self.last), delta(0.002 * self.last)))

    def fail(self, lines, stream="stderr"):
        if lines and lines[0].startswith("Traceback"):
            self.log("d2.engine.train_loop", "Exception during training:", "ERROR")
            for line in lines:
                self.emit(line)
        super().fail(lines, stream)

    def guard_lines(self, k, loss_dict):
        frames = [self.entry, ("tools/train_net.py", 150, "main", "return trainer.train()"),
                  ("detectron2/engine/train_loop.py", 140, "train", "self.run_step()"),
                  ("detectron2/engine/train_loop.py", 226, "run_step", "self._detect_anomaly(losses, loss_dict)")]
        return traceback_lines(frames, "FloatingPointError: Loss became infinite or NaN at iteration=%d!" % k) + [
            "loss_dict = " + loss_dict]
