# The CUDA PyTorch layer of the current stack: Debian trixie's own CUDA 12.4 toolkit, cuDNN 9 and PyTorch 2.6
# (contrib/non-free), every package pinned by version in cuda-torch-trixie.packages (the whole closure apt resolved
# on the archive of 2026-12-03, snapshot.debian.org 20261203T000000Z). Built FROM the debootstrap base of
# debian-trixie.json; no registry is involved. Setup builds the chain (the current stack's base in recipes/*.json).
# Editing cuda-torch-trixie.packages or cudnn-standin.sh changes the COPY layer, and the 9 GB install below is rebuilt.
#
# cuDNN: Debian's nvidia-cudnn is an installer whose postinst downloads cuDNN 9.0.0.312 from NVIDIA. Its download is
# declined here (debconf), and CUDNN selects what provides libcudnn.so.9:
#   standin    MaskBench's cuDNN STAND-IN (cudnn-standin.sh): our generated library exporting the entry points torch
#              names, doing no cuDNN work. For verification only (CPU training, compiling extensions): the image
#              carries /usr/share/maskbench/stand-ins/cudnn; Setup names it in the manifest and preflight refuses a
#              GPU measurement on it.
#   9.0.0.312  NVIDIA's cuDNN from the tarball the postinst would download, placed by hand in the build context
#              named cudnn (environments/base/cudnn/, --stack CUDNN=9.0.0.312): update-nvidia-cudnn checks its sha512.
# Architectures: Debian's torch 2.6.0+debian is built for sm_50 ... sm_90 and compute_90 (torch.cuda.get_arch_list());
# TORCH_CUDA_ARCH_LIST is what extensions compiled on this layer target.
FROM maskbench/debian:trixie-13.8-minbase
ARG CUDNN=standin
ARG TORCH_CUDA_ARCH_LIST="7.0;8.0;9.0"
COPY cuda-torch-trixie.packages cudnn-standin.sh /opt/maskbench/
RUN echo 'nvidia-cudnn nvidia-cudnn/question select I Disagree' | debconf-set-selections \
 && echo 'nvidia-cudnn nvidia-cudnn/license note' | debconf-set-selections \
 && apt-get update \
 && grep -v '^#' /opt/maskbench/cuda-torch-trixie.packages \
  | DEBIAN_FRONTEND=noninteractive xargs apt-get install -y --no-install-recommends \
 && apt-get clean && rm -rf /var/lib/apt/lists/*
RUN --mount=type=bind,from=cudnn,target=/cudnn \
    case "${CUDNN}" in \
      standin) /opt/maskbench/cudnn-standin.sh ;; \
      9.0.0.312) tarball=cudnn-linux-x86_64-9.0.0.312_cuda12-archive.tar.xz \
        && test -f "/cudnn/$tarball" || { echo "CUDNN=9.0.0.312: place $tarball in the cudnn build context (--build-context cudnn=DIR)" >&2; exit 1; } \
        && mkdir -p /tmp/cudnn && cp "/cudnn/$tarball" /tmp/cudnn/ \
        && update-nvidia-cudnn --update --tmpdir /tmp/cudnn --filelist /var/lib/nvidia-cudnn/filelist.txt \
        && rm -rf /tmp/cudnn ;; \
      *) echo "CUDNN must be standin or 9.0.0.312, not ${CUDNN}" >&2; exit 1 ;; \
    esac
LABEL org.maskbench.cudnn=${CUDNN} org.maskbench.base=debian-trixie-13.8 org.maskbench.snapshot=20261203T000000Z
ENV CC=gcc-13 CXX=g++-13 NVCC_CCBIN=g++-13 CUDA_HOME=/usr FORCE_CUDA=1 TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST} \
    PIP_BREAK_SYSTEM_PACKAGES=1 PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHONUNBUFFERED=1
RUN python -c "import torch, numpy; print('torch', torch.__version__, 'cuda', torch.version.cuda, 'archs', torch.cuda.get_arch_list(), 'numpy', numpy.__version__); print(torch.ones(2) + 1)" \
 && nvcc --version | tail -2 \
 && mkdir -p /usr/local/lib/python3.13/dist-packages && chmod a+rwx /usr/local/lib/python3.13/dist-packages /usr/local/bin
