"""What every fake format shares: the simulated clock, the loss curves, the failure modes, line output."""
import math
import sys
import time

START_OF_RUN = 1589457600.0  # 2020-05-14 12:00:00 UTC: the simulated clock starts here
STARTUP_SECONDS = 12.0       # simulated model building before iteration 1

GREEN, RED, RESET = "\x1b[32m", "\x1b[31m", "\x1b[0m"
BLINK, UNDERLINE = "\x1b[5m", "\x1b[4m"

PYTORCH_OOM = ("RuntimeError: CUDA out of memory. Tried to allocate 50.00 MiB (GPU 0; 15.78 GiB total capacity; "
               "14.52 GiB already allocated; 21.44 MiB free; 14.71 GiB reserved in total by PyTorch)")
TENSORFLOW_OOM = ("tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor with "
                  "shape[2,256,200,336] and type float on /job:localhost/replica:0/task:0/device:GPU:0 "
                  "by allocator GPU_0_bfc")


def traceback_lines(frames, exception):
    """A Python traceback: frames are (file, line, function, source) tuples, outermost first."""
    lines = ["Traceback (most recent call last):"]
    for file, line, function, source in frames:
        lines.append('  File "%s", line %d, in %s' % (file, line, function))
        lines.append("    " + source)
    return lines + [exception]


class Trainer:
    stream = "stdout"          # where the format's log lines go
    noise_lines = ["", "UserWarning: this is an unrelated warning line"]
    config_dump = ["Running with full config:", "SOLVER:", "  BASE_LR: 0.02", "  IMS_PER_BATCH: 16",
                   "  MAX_ITER: 90000", "  STEPS: (60000, 80000)", ""]

    def __init__(self, args, series):
        self.args = args
        self.t = series
        self.clock = START_OF_RUN
        self.last = min(args.iterations, args.stop_at) if args.stop_at else args.iterations
        self.times = [0.0]     # times[i] = t(i), 1-based
        self._unterminated = {}

    # ---- output ----
    def emit(self, text, stream=None):
        name = stream or self.stream
        out = sys.stdout if name == "stdout" else sys.stderr
        if self.args.partial_last_line:
            out.write(self._unterminated.pop(name, "") + text)
            self._unterminated[name] = "\n"
        else:
            out.write(text + "\n")
        out.flush()

    def write_raw(self, text, stream=None):
        name = stream or self.stream
        out = sys.stdout if name == "stdout" else sys.stderr
        out.write(self._unterminated.pop(name, "") + text)
        out.flush()

    def colored(self, text, colour, *attributes):
        if not self.args.ansi:
            return text
        result = colour + text
        for attribute in attributes:
            result = attribute + result
        return result + RESET

    def stamp(self, pattern, offset_hours=0.0):
        seconds = self.clock + offset_hours * 3600
        text = time.strftime(pattern, time.gmtime(seconds))
        return text.replace("%f3", "%03d" % int(round((seconds % 1) * 1000) % 1000))

    # ---- simulated quantities ----
    def is_nan(self, i):
        return self.args.nan_at is not None and i >= self.args.nan_at

    def loss(self, scale, i, phase=0):
        if self.is_nan(i):
            return float("nan")
        wobble = (((i + phase) * 31) % 7 - 3) / 60.0
        return scale * (0.35 + 0.65 * math.exp(-i / 300.0)) * (1 + wobble)

    def data_time(self, i):
        return 0.04 * self.t(i)

    def lr(self, i, base=0.02, warmup=1000, factor=0.001):
        alpha = min(1.0, i / float(warmup))
        return base * (factor * (1 - alpha) + alpha)

    def memory_mb(self, i):
        return 3400 + min(i, 200) * 2

    # ---- the run ----
    def run(self):
        a = self.args
        self.clock += STARTUP_SECONDS
        self.start()
        if a.noise:
            for line in self.config_dump:
                self.emit(line)
        if a.missing_data:
            self.fail(self.missing_data_lines())
            return 1
        for i in range(1, self.last + 1):
            if a.hang_at == i:
                while True:
                    time.sleep(3600)
            self.before(i)
            if a.sleep_scale > 0:
                time.sleep(self.t(i) * a.sleep_scale)
            self.clock += self.t(i)
            self.times.append(self.t(i))
            if a.crash_at == i:
                self.fail(self.crash_lines(i))
                return 1
            if a.oom_at == i:
                self.fail(self.oom_lines(i))
                return 1
            code = self.iteration(i)
            if code:
                return code
            if a.noise and i % 17 == 3:
                self.noise(i)
        self.finish()
        return 0

    def fail(self, lines, stream="stderr"):
        for line in lines:
            self.emit(line, stream)

    def noise(self, i):
        for line in self.noise_lines:
            self.emit(line)
        self.emit("fake noise on the other stream at iteration %d" % i,
                  "stderr" if self.stream == "stdout" else "stdout")

    # ---- what a format provides ----
    def start(self):
        pass

    def before(self, i):
        """Lines printed when iteration i starts, before its time passes."""

    def iteration(self, i):
        """Lines printed when iteration i has finished; returns an exit code to stop with, or 0."""
        raise NotImplementedError

    def finish(self):
        pass

    entry = ("tools/train_net.py", 147, "<module>", "main(args)")

    def crash_lines(self, i):
        return traceback_lines([self.entry, ("tools/train_net.py", 121, "main", "return trainer.train()")],
                               "RuntimeError: simulated crash at iteration %d (--crash-at)" % i)

    def oom_lines(self, i):
        return traceback_lines([self.entry, ("tools/train_net.py", 121, "main", "return trainer.train()")],
                               PYTORCH_OOM)

    def missing_data_lines(self):
        return traceback_lines([self.entry], "FileNotFoundError: [Errno 2] No such file or directory: "
                                             "'datasets/coco/annotations/instances_train2017.json'")
