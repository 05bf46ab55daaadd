#!/usr/bin/env python3
"""Setup-Torchvision's check: the interpreter can train train.py, and says exactly what to install when not."""
import importlib
import sys

INSTALL = ("On Debian 12 / Ubuntu: sudo apt-get install python3-torchvision libopenblas0-openmp, "
           "then pass --python /usr/bin/python3 (the smoke profile does). Elsewhere: pip install torch torchvision pillow.")

missing = []
for module in ("torch", "torchvision", "PIL"):
    try:
        importlib.import_module(module)
    except ImportError as error:
        missing.append(f"{module} ({error})")
if missing:
    sys.exit(f"{sys.executable} cannot import {', '.join(missing)}. {INSTALL}")

import torch  # noqa: E402
import torchvision  # noqa: E402
from torchvision.models.detection import maskrcnn_resnet50_fpn  # noqa: E402, F401

blas = torch.__config__.show()
print(f"{sys.executable}: python {sys.version.split()[0]}, torch {torch.__version__}, torchvision {torchvision.__version__}, "
      f"cuda {'yes, ' + str(torch.cuda.device_count()) + ' GPUs' if torch.cuda.is_available() else 'no'}")
if "BLAS_INFO=generic" in blas:
    import os
    import sysconfig
    library = os.path.realpath(f"/usr/lib/{sysconfig.get_config_var('MULTIARCH')}/libblas.so.3")
    if "openblas" not in library:
        print(f"note: torch uses the system BLAS, here {library}: without libopenblas0-openmp it is the reference BLAS, "
              "about ten times slower on the CPU")
