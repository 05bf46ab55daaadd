"""The fake log formats, by the name --format takes."""
from .detectron2 import Detectron2
from .maskrcnn_benchmark import MaskrcnnBenchmark
from .mmcv import Mmcv
from .plain import Plain

FORMATS = {
    "detectron2": Detectron2,
    "mmcv": Mmcv,
    "maskrcnn-benchmark": MaskrcnnBenchmark,
    "plain": Plain,
}
