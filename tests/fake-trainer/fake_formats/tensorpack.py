"""tensorpack caafda (FasterRCNN example under Horovod): per-epoch lines, scalar monitors, train_log/stats.json."""
import datetime
import json
import os

from .base import GREEN, RED, BLINK, TENSORFLOW_OOM, Trainer, traceback_lines


def humanize_time_delta(seconds):
    if seconds == 0:
        return "0 second"
    moment = datetime.datetime(2000, 1, 1) + datetime.timedelta(seconds=int(seconds))
    values = [int(seconds // 86400), moment.hour, moment.minute, moment.second]
    if seconds < 60:
        values[-1] = seconds
    units = ["day", "hour", "minute", "second"]
    return " ".join("{:.3g} {}{}".format(v, u, "s" if v > 1 else "") for v, u in zip(values, units) if v > 0)


class Tensorpack(Trainer):
    noise_lines = ["", "WARNING:tensorflow:From train.py:64: The name tf.ConfigProto is deprecated."]

    def __init__(self, args, series):
        super().__init__(args, series)
        self.steps = args.steps_per_epoch
        self.stats = []
        self.stats_path = os.path.join(args.output, "train_log", "stats.json") if args.output else None

    def log(self, where, message, level=None):
        prefix = self.colored("[%s @%s]" % (self.stamp("%m%d %H:%M:%S"), where), GREEN)
        if level:
            prefix += " " + self.colored(level, RED, BLINK)
        self.emit(prefix + " " + message)

    def every_rank(self, where, message):
        for _ in range(self.args.ranks):
            self.log(where, message)

    def bar(self, done, elapsed):
        rate = "?it/s" if not done else "%.2fit/s" % (done / elapsed)
        remaining = "?" if not done else "00:00"
        bar = "#" * (10 * done // self.steps) + " " * (10 - 10 * done // self.steps)
        text = "\r%3.0f%%|%s|%d/%d[%02d:%02d<%s,%s]" % (
            100.0 * done / self.steps, bar, done, self.steps, elapsed // 60, elapsed % 60, remaining, rate)
        for _ in range(self.args.ranks):
            self.write_raw(text + ("\n" if done else ""), "stderr")

    def start(self):
        self.log("logger.py:90", "Argv: ./train.py --config DATA.BASEDIR=/data/coco TRAINER=horovod")
        self.log("base.py:227", "Setup callbacks graph ...")
        if self.stats_path:
            os.makedirs(os.path.dirname(self.stats_path), exist_ok=True)

    def before(self, i):
        if (i - 1) % self.steps == 0:
            self.every_rank("base.py:275", "Start Epoch %d ..." % ((i - 1) // self.steps + 1))
            self.bar(0, 0)

    def iteration(self, i):
        epoch, inner = (i - 1) // self.steps + 1, (i - 1) % self.steps + 1
        if inner == self.steps or i == self.last:
            self.end_epoch(i, epoch, inner)
        return 0

    def end_epoch(self, i, epoch, done):
        seconds = sum(self.times[i - done + 1:i + 1])
        self.bar(done, seconds)
        self.every_rank("base.py:285", "Epoch %d (global_step %d) finished, time:%s." % (
            epoch, i, humanize_time_delta(seconds)))
        scalars = {"Throughput (samples/sec)": done * self.args.images / seconds,
                   "HostFreeMemory (GB)": 412.5 - epoch * 0.1, "QueueInput/queue_size": 50.0,
                   "fastrcnn_losses/box_loss": self.loss(0.45, i, 1), "fastrcnn_losses/label_loss": self.loss(1.2, i, 2),
                   "learning_rate": self.lr(i, base=0.02, warmup=1000, factor=0.33),
                   "maskrcnn_loss/maskrcnn_loss": self.loss(0.69, i, 3),
                   "rpn_losses/box_loss": self.loss(0.2, i, 4), "rpn_losses/label_loss": self.loss(0.35, i, 5)}
        for gpu in range(self.args.gpus):
            scalars["PeakMemory(MB)/gpu:%d" % gpu] = float(self.memory_mb(i) + gpu)
        scalars["total_cost"] = sum(v for k, v in scalars.items() if "loss" in k)
        eta = seconds / done * (self.args.iterations - i)
        self.log("misc.py:109", "Estimated Time Left: " + humanize_time_delta(eta))
        for name in sorted(scalars):
            self.log("monitor.py:474", "{}: {:.5g}".format(name, scalars[name]))
        if self.stats_path:
            record = dict(scalars, epoch_num=epoch, global_step=i)
            self.stats.append(record)
            temporary = self.stats_path + ".tmp"
            with open(temporary, "w") as f:
                json.dump(self.stats, f)
            os.replace(temporary, self.stats_path)

    def finish(self):
        self.log("base.py:289", "Training has finished!")

    entry = ("./train.py", 124, "<module>", "launch_train_with_config(traincfg, trainer)")

    def oom_lines(self, i):
        frames = [self.entry, ("tensorpack/train/base.py", 279, "main_loop", "self.run_step()")]
        return traceback_lines(frames, TENSORFLOW_OOM)

    def missing_data_lines(self):
        return traceback_lines([self.entry], "AssertionError: /data/coco/train2017 is not a directory!")
