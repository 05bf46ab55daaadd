#!/usr/bin/env python3
"""A fake training program: prints the logs of the seven Mask R-CNN trainers from a known time series.

Standard library only, Python >= 3.7. See README.md next to this file for the options and the formula.
Iteration i (1-based) takes t(i) = T * (1 + J * (((i * 7919) % 13) - 6) / 6) seconds of simulated time.
"""
import argparse
import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fake_formats import FORMATS  # noqa: E402  (sibling module, after the path is set)


def series_time(i, base, jitter):
    return base * (1 + jitter * (((i * 7919) % 13) - 6) / 6)


def parse_arguments(argv):
    p = argparse.ArgumentParser(prog="fake_trainer.py", description=__doc__)
    p.add_argument("--format", required=True, choices=sorted(FORMATS))
    p.add_argument("--iterations", type=int, default=600)
    p.add_argument("--steps-per-epoch", type=int, default=50)
    p.add_argument("--epoch-length", type=int, default=7330)
    p.add_argument("--time", type=float, default=0.25)
    p.add_argument("--jitter", type=float, default=0.0)
    p.add_argument("--images", type=int, default=None,
                   help="images per iteration (default 16; tensorpack: --gpus, 1 image per GPU)")
    p.add_argument("--gpus", type=int, default=8)
    p.add_argument("--sleep-scale", type=float, default=0.0)
    p.add_argument("--output", default=None)
    p.add_argument("--stop-at", type=int, default=None)
    p.add_argument("--crash-at", type=int, default=None)
    p.add_argument("--nan-at", type=int, default=None)
    p.add_argument("--oom-at", type=int, default=None)
    p.add_argument("--missing-data", action="store_true")
    p.add_argument("--hang-at", type=int, default=None)
    p.add_argument("--ignore-sigint", action="store_true")
    p.add_argument("--ignore-sigterm", action="store_true")
    p.add_argument("--spawn-children", type=int, default=0)
    p.add_argument("--ansi", action="store_true")
    p.add_argument("--ranks", type=int, default=1)
    p.add_argument("--noise", action="store_true")
    p.add_argument("--progress-redraw", action="store_true")
    p.add_argument("--partial-last-line", action="store_true")
    p.add_argument("--skip-batch-at", type=int, default=None)
    p.add_argument("--quiet", action="store_true")
    p.add_argument("--spawn-daemon", action="store_true")
    p.add_argument("--spawn-bare-daemon", action="store_true")
    p.add_argument("--forge-precise", default=None, metavar="NAME")
    args = p.parse_args(argv)
    for name in ("iterations", "steps_per_epoch", "epoch_length", "gpus", "ranks"):
        if getattr(args, name) < 1:
            p.error("--%s must be at least 1" % name.replace("_", "-"))
    if args.time <= 0:
        p.error("--time must be positive")
    if abs(args.jitter) >= 1:
        p.error("--jitter must lie in (-1, 1) so that every iteration takes a positive time")
    if args.spawn_children and not args.output:
        p.error("--spawn-children needs --output DIR (the child pids go to DIR/children.pids)")
    if (args.spawn_daemon or args.spawn_bare_daemon or args.forge_precise) and not args.output:
        p.error("--spawn-daemon, --spawn-bare-daemon and --forge-precise need --output DIR")
    if args.images is None:
        args.images = args.gpus if args.format == "tensorpack" else 16
    return args


def write_atomically(path, text):
    temporary = path + ".tmp%d" % os.getpid()
    with open(temporary, "w") as f:
        f.write(text)
    os.replace(temporary, path)


def sleep_forever():
    while True:
        time.sleep(3600)


def run_child():
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sleep_forever()


def spawn_children(count, directory):
    script = os.path.abspath(__file__)
    children = [subprocess.Popen([sys.executable, script, "--child"],
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                for _ in range(count)]
    write_atomically(os.path.join(directory, "children.pids"), "".join("%d\n" % c.pid for c in children))


def spawn_daemon(directory, bare=False):
    """setsid and a double fork, as a daemon does: the grandchild leaves the trainer's session and group, loses its
    parent (init adopts it) and closes the trainer's pipes. Its pid goes to DIR/daemon.pid. A bare one then execs
    /bin/sleep with an environment of PATH alone: nothing of the trainer's environment is left to find it by."""
    pid = os.fork()
    if pid > 0:
        os.waitpid(pid, 0)
        return
    os.setsid()
    if os.fork() > 0:
        os._exit(0)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    write_atomically(os.path.join(directory, "daemon.pid"), "%d\n" % os.getpid())
    if bare:
        os.execve("/bin/sleep", ["sleep", "1235"], {"PATH": "/bin"})
    run_child()


def forge_precise(directory, name):
    """A file in the output folder that claims 10000x the speed (time 0.0001) in maskrcnn-benchmark's format."""
    lines = "".join("maskrcnn_benchmark.trainer INFO: eta: 0:00:01  iter: %d  loss: 2.8 (2.8)  time: 0.0001 (0.0001)  "
                    "data: 0.0100 (0.0100)  lr: 0.0072  max mem: 3440\n" % i for i in range(20, 620, 20))
    write_atomically(os.path.join(directory, name), lines)


class Quiet:
    def write(self, text):
        return len(text)

    def flush(self):
        pass


def main(argv):
    if argv == ["--child"]:
        run_child()
    args = parse_arguments(argv)
    if args.ignore_sigint or args.ignore_sigterm:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if args.ignore_sigterm:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if args.output:
        os.makedirs(args.output, exist_ok=True)
        write_atomically(os.path.join(args.output, "fake_trainer.pid"), "%d\n" % os.getpid())
    if args.spawn_children:
        spawn_children(args.spawn_children, args.output)
    if args.spawn_daemon or args.spawn_bare_daemon:
        spawn_daemon(args.output, bare=args.spawn_bare_daemon)
    if args.forge_precise:
        forge_precise(args.output, args.forge_precise)
    if args.quiet:
        sys.stdout = Quiet()
    trainer = FORMATS[args.format](args, lambda i: series_time(i, args.time, args.jitter))
    return trainer.run()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
