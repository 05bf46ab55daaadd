# Detectron2 v0.1.2 on the current stack: Debian trixie's CUDA 12.4 PyTorch 2.6 (environments/base/cuda-torch-trixie.Dockerfile,
# tagged maskbench/cuda-torch:trixie-13.8-standin), its C++/CUDA extension compiled for TORCH_CUDA_ARCH_LIST.
# Built by scripts/build-current-stack.sh, with two named build contexts:
#   wheelhouse  the wheels of current.wheels (the Python packages Debian lacks), installed with no index;
#   src         the pinned tree 60205f80f300a7000373ea2dd6ff73574bf16978 with patches/detectron2/current-stack.diff applied.
# Stage "stack" (tagged maskbench/detectron2-stack:current) is everything but detectron2 itself.
FROM maskbench/cuda-torch:trixie-13.8-standin AS stack
ARG TORCH_CUDA_ARCH_LIST="7.0;8.0;9.0"
COPY current.wheels /opt/maskbench/current.wheels
RUN --mount=type=bind,from=wheelhouse,target=/wheelhouse \
    grep -v '^#' /opt/maskbench/current.wheels | awk 'NF {print $1}' > /opt/maskbench/current.wheels.txt \
 && python -m pip install --no-index --no-deps --find-links /wheelhouse -r /opt/maskbench/current.wheels.txt \
 && python -c "import fvcore, yacs, pycocotools.mask, portalocker, cv2; print('fvcore', fvcore.__version__, 'cv2', cv2.__version__)"
ENV TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST}

FROM stack
ARG MAX_JOBS=2
COPY --from=src . /opt/detectron2
WORKDIR /opt/detectron2
RUN MAX_JOBS=${MAX_JOBS} python -m pip install --no-deps --no-build-isolation -e . \
 && python -c "from detectron2 import _C; print('detectron2._C', _C.__file__)"
