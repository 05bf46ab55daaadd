"""SimpleDet 9187a1: MXNet Speedometer lines every 10 batches (0-based), on stderr, Asia/Shanghai time."""
from .base import Trainer, traceback_lines

METRICS = [("RpnAcc", 0.9), ("RpnL1", 0.5), ("RcnnAcc", 0.8), ("RcnnL1", 1.0)]


class MxnetSpeedometer(Trainer):
    stream = "stderr"
    noise_lines = ["", "[12:00:00] src/operator/nn/./cudnn/./cudnn_algoreg-inl.h:97: Running performance tests "
                       "to find the best convolution algorithm, this can take a while..."]

    def __init__(self, args, series):
        super().__init__(args, series)
        self.sums = [0.0] * len(METRICS)

    def log(self, message):
        self.emit(self.stamp("%m-%d %H:%M:%S", offset_hours=8) + " " + message)

    def start(self):
        self.log("total iter 87696")
        self.log("lr 0.02, lr_iters [58464, 78912]")
        self.log("lr mode: step")
        self.log("warmup lr 0.0, warmup step 500")

    def metric(self, k, i):
        name, scale = METRICS[k]
        if self.is_nan(i):
            return float("nan")
        return 1.0 - 0.1 * self.loss(1.0, i, k) if name.endswith("Acc") else self.loss(scale, i, k)

    def means(self, i):
        return [(name, self.sums[k] / i) for k, (name, _) in enumerate(METRICS)]

    def iteration(self, i):
        for k in range(len(METRICS)):
            self.sums[k] += self.metric(k, i)
        batch = i - 1
        if batch > 0 and batch % 10 == 0:
            speed = 10 * self.args.images / sum(self.times[i - 9:i + 1])
            self.log("Epoch[0] Batch [%d]\tSpeed: %.2f samples/sec\tTrain-" % (batch, speed)
                     + "".join("%s=%f,\t" % pair for pair in self.means(i)))
        return 0

    def finish(self):
        for name, value in self.means(self.last):
            self.log("Epoch[0] Train-%s=%f" % (name, value))
        self.log("Epoch[0] Time cost=%.3f" % sum(self.times))
        self.log('Saved checkpoint to "experiments/mask_r50v1_fpn_1x/checkpoint-0001.params"')

    entry = ("detection_train.py", 288, "<module>", "train_net(parse_args())")

    def oom_lines(self, i):
        return traceback_lines([self.entry, ("core/detection_module.py", 1021, "fit", "self.update()")],
                               "mxnet.base.MXNetError: [%s] src/storage/./pooled_storage_manager.h:157: "
                               "cudaMalloc failed: out of memory" % self.stamp("%H:%M:%S"))

    def missing_data_lines(self):
        return traceback_lines([self.entry], "FileNotFoundError: [Errno 2] No such file or directory: "
                                             "'data/cache/coco_train2017.roidb'")
