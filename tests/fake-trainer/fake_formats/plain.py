"""A generic format for runner tests: one `iter N time T` line per iteration (1-based, T = t(N))."""
from .base import Trainer


class Plain(Trainer):
    noise_lines = ["", "some unrelated line"]

    def start(self):
        self.emit("starting %d iterations" % self.last)

    def iteration(self, i):
        if self.is_nan(i):
            self.emit("iter %d time %.6f loss nan" % (i, self.t(i)))
        else:
            self.emit("iter %d time %.6f" % (i, self.t(i)))
        return 0

    def finish(self):
        self.emit("done %d iterations" % self.last)
