"""The fake log formats, by the name --format takes."""
from .detectron import Detectron
from .detectron2 import Detectron2
from .keras_progbar import KerasProgbar
from .maskrcnn_benchmark import MaskrcnnBenchmark
from .mmcv import Mmcv
from .mxnet_speedometer import MxnetSpeedometer
from .plain import Plain
from .tensorpack import Tensorpack

FORMATS = {
    "detectron2": Detectron2,
    "mmcv": Mmcv,
    "maskrcnn-benchmark": MaskrcnnBenchmark,
    "tensorpack": Tensorpack,
    "mxnet-speedometer": MxnetSpeedometer,
    "detectron": Detectron,
    "keras-progbar": KerasProgbar,
    "plain": Plain,
}
