"""mmdetection v2.0 / mmcv TextLoggerHook: every 50 iterations of an epoch, plus <timestamp>.log.json; on stderr, where
mmcv 0.5.1's bare logging.StreamHandler() writes."""
import datetime
import json
import os

from .base import Trainer

LOSSES = [("loss_rpn_cls", 0.35), ("loss_rpn_bbox", 0.2), ("loss_cls", 1.2), ("acc", None), ("loss_bbox", 0.45),
          ("loss_mask", 0.69)]
TOTAL_EPOCHS = 12


class Mmcv(Trainer):
    stream = "stderr"
    noise_lines = ["", "2020-05-14 12:00:00,000 - mmdet - INFO - Checkpoints will be saved to ./work_dirs by HardDiskBackend."]

    def __init__(self, args, series):
        super().__init__(args, series)
        self.window = []        # the log buffer: cleared after every log event
        self.json_path = None

    def log(self, message, level="INFO"):
        self.emit("%s - mmdet - %s - %s" % (self.stamp("%Y-%m-%d %H:%M:%S,%f3"), level, message))

    def start(self):
        self.log("Start running, host: fake@fake-trainer, work_dir: ./work_dirs/mask_rcnn_r50_caffe_fpn_1x_coco")
        self.log("workflow: [('train', 1)], max: %d epochs" % TOTAL_EPOCHS)
        if self.args.output:
            self.json_path = os.path.join(self.args.output, self.stamp("%Y%m%d_%H%M%S") + ".log.json")
            meta = {"env_info": "sys.platform: linux\nPython: 3.7.7\nCUDA available: True\nGPU 0,1,2,3,4,5,6,7: "
                                "Tesla V100-SXM2-16GB\nPyTorch: 1.5.0\nMMDetection: 2.0.0+b0d845f",
                    "config": "model = dict(type='MaskRCNN')", "seed": None, "exp_name": "mask_rcnn_r50_caffe_fpn_1x_coco.py"}
            with open(self.json_path, "w") as f:
                f.write(json.dumps(meta) + "\n")

    def values(self, i):
        result = []
        for phase, (name, scale) in enumerate(LOSSES):
            if scale is None:
                result.append((name, float("nan") if self.is_nan(i) else 97.0 - 10.0 * self.loss(1.0, i, phase)))
            else:
                result.append((name, self.loss(scale, i, phase)))
        return result + [("loss", sum(v for n, v in result if n.startswith("loss")))]

    def iteration(self, i):
        length = self.args.epoch_length
        epoch, inner = (i - 1) // length + 1, (i - 1) % length + 1
        self.window.append((self.t(i), self.data_time(i), self.values(i)))
        if inner % 50 == 0:
            self.write(i, epoch, inner)
        if inner == length:
            self.window = []
        return 0

    def write(self, i, epoch, inner):
        n = len(self.window)
        mean_time = sum(w[0] for w in self.window) / n
        mean_data = sum(w[1] for w in self.window) / n
        names = [name for name, _ in self.window[-1][2]]
        means = [(name, sum(w[2][k][1] for w in self.window) / n) for k, name in enumerate(names)]
        lr = self.lr(i - 1)
        eta = sum(self.times) / i * (self.args.epoch_length * TOTAL_EPOCHS - i)
        memory = self.memory_mb(i)
        text = "Epoch [%d][%d/%d]\tlr: %.5f, eta: %s, time: %.3f, data_time: %.3f, memory: %d, " % (
            epoch, inner, self.args.epoch_length, lr, datetime.timedelta(seconds=int(eta)), mean_time, mean_data, memory)
        self.log(text + ", ".join("%s: %.4f" % (name, value) for name, value in means))
        if self.json_path:
            record = {"mode": "train", "epoch": epoch, "iter": inner, "lr": round(lr, 5), "time": round(mean_time, 5),
                      "data_time": round(mean_data, 5), "memory": memory}
            record.update((name, round(value, 5)) for name, value in means)
            with open(self.json_path, "a") as f:
                f.write(json.dumps(record) + "\n")
        self.window = []

    def missing_data_lines(self):
        return super().missing_data_lines()[:-1] + [
            "FileNotFoundError: [Errno 2] No such file or directory: 'data/coco/annotations/instances_train2017.json'"]

    entry = ("./tools/train.py", 161, "<module>", "main()")
