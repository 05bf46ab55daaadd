# The CUDA 10.x + cuDNN 7 devel base the page's five PyTorch/MXNet/Caffe2 recipes and two TensorFlow recipes
# were built on (nvidia/cuda:10.x-cudnn7-devel-ubuntu18.04), rebuilt, because NVIDIA deleted those tags in 2023.
# It follows NVIDIA's published recipe, gitlab.com/nvidia/container-images/cuda dist/10.x/ubuntu18.04-x86_64/
# {base,runtime,devel,devel/cudnn7}/Dockerfile, with two fixes: each repository's key is enrolled by fingerprint,
# and cuDNN has its full 4-part version (libcudnn7=7.6.5.32-1+cuda10.1; 7.6.5-1+cuda10.1 never existed). The keys,
# per the record (shared/research/recipe-audit-2.md, N2), not fetched here (no route to NVIDIA from this workplace):
# the CUDA repository is signed with 3bf863cc since the April 2022 rotation (with only the old key apt says NO_PUBKEY
# A4B469963BF863CC); the machine-learning repository, which serves cuDNN 7 and NCCL 2.4, is still signed with the old
# 7fa2af80 ("ML repository still uses the previous key", alan-turing-institute/data-safe-haven#1193, 2022-08;
# 2024 Dockerfiles enrol both, open-mmlab/mmfashion#160), and without it apt says NO_PUBKEY F60F4B3D7FA2AF80.
# A second stage adds what every page recipe shares: Python 3.7 with a pinned pip, and site-packages that Setup's
# non-root build may write to.
#
# Built by MaskBench as the recipe's stacks.page.base says (image maskbench/cuda-base:<cuda>-cudnn<cudnn>),
# with UBUNTU_IMAGE pinned by the digest in environments/base-images.lock.
ARG UBUNTU_IMAGE=ubuntu:18.04
FROM ${UBUNTU_IMAGE}

# CUDA 10.1 update 2 (10.1.243) or 10.0 (10.0.130); the versions of NVIDIA's own Dockerfiles.
ARG CUDA=10.1
ARG CUDA_VERSION=10.1.243
# libcublas moved out of the toolkit packages in 10.1 (libcublas10 10.2.1.243-1); empty for 10.0.
ARG CUBLAS=10.2.1.243-1
ARG NCCL=2.4.8-1+cuda10.1
ARG CUDNN=7.6.5.32
ARG NVIDIA_REPO=https://developer.download.nvidia.com/compute/cuda/repos/ubuntu1804/x86_64
ARG NVIDIA_ML_REPO=https://developer.download.nvidia.com/compute/machine-learning/repos/ubuntu1804/x86_64
ARG NVIDIA_KEY_URL=https://developer.download.nvidia.com/compute/cuda/repos/ubuntu1804/x86_64/3bf863cc.pub
# The long id of the key apt asks for since the rotation (NO_PUBKEY A4B469963BF863CC).
ARG NVIDIA_KEY_ID=A4B469963BF863CC
# The machine-learning repository's key and its full fingerprint (long id F60F4B3D7FA2AF80), as published by NVIDIA
# per the record; not downloaded or checked here.
ARG NVIDIA_ML_KEY_URL=https://developer.download.nvidia.com/compute/machine-learning/repos/ubuntu1804/x86_64/7fa2af80.pub
ARG NVIDIA_ML_KEY_ID=AE09FE4BBD223A84B2CCFCE3F60F4B3D7FA2AF80
ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8

# base: the two repositories, each key's fingerprint checked before apt trusts it.
RUN apt-get update && apt-get install -y --no-install-recommends gnupg2 curl ca-certificates \
 && curl -fsSL "${NVIDIA_KEY_URL}" -o /tmp/nvidia.pub \
 && gpg --with-colons --import-options show-only --import /tmp/nvidia.pub | grep -Eq "^fpr:+[0-9A-F]*${NVIDIA_KEY_ID}:" \
 && apt-key add /tmp/nvidia.pub && rm /tmp/nvidia.pub \
 && curl -fsSL "${NVIDIA_ML_KEY_URL}" -o /tmp/nvidia-ml.pub \
 && gpg --with-colons --import-options show-only --import /tmp/nvidia-ml.pub | grep -Eq "^fpr:+[0-9A-F]*${NVIDIA_ML_KEY_ID}:" \
 && apt-key add /tmp/nvidia-ml.pub && rm /tmp/nvidia-ml.pub \
 && echo "deb ${NVIDIA_REPO} /" > /etc/apt/sources.list.d/cuda.list \
 && echo "deb ${NVIDIA_ML_REPO} /" > /etc/apt/sources.list.d/nvidia-ml.list \
 && rm -rf /var/lib/apt/lists/*

ENV CUDA_VERSION=${CUDA_VERSION}
RUN pkg=$(echo ${CUDA} | tr . -) \
 && apt-get update && apt-get install -y --no-install-recommends \
      cuda-cudart-${pkg}=${CUDA_VERSION}-1 cuda-compat-${pkg} \
 && ln -s cuda-${CUDA} /usr/local/cuda \
 && rm -rf /var/lib/apt/lists/*
RUN echo "/usr/local/nvidia/lib" >> /etc/ld.so.conf.d/nvidia.conf && echo "/usr/local/nvidia/lib64" >> /etc/ld.so.conf.d/nvidia.conf
ENV PATH=/usr/local/nvidia/bin:/usr/local/cuda/bin:${PATH} \
    LD_LIBRARY_PATH=/usr/local/nvidia/lib:/usr/local/nvidia/lib64 \
    NVIDIA_VISIBLE_DEVICES=all NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    NVIDIA_REQUIRE_CUDA="cuda>=${CUDA}"

# runtime + devel: the toolkit's libraries and compilers, NCCL and cuBLAS held at the versions of that release
# (apt-mark hold, as NVIDIA's 10.1 recipe holds libcublas10/libcublas-dev, gitlab.com/nvidia/container-images/cuda
# issue 88, per the record: otherwise a later apt-get install may replace them with 10.2.x).
RUN pkg=$(echo ${CUDA} | tr . -) \
 && cublas="" && if [ -n "${CUBLAS}" ]; then cublas="libcublas10=${CUBLAS} libcublas-dev=${CUBLAS}"; fi \
 && apt-get update && apt-get install -y --no-install-recommends \
      cuda-libraries-${pkg}=${CUDA_VERSION}-1 cuda-nvtx-${pkg}=${CUDA_VERSION}-1 \
      cuda-nvml-dev-${pkg}=${CUDA_VERSION}-1 cuda-command-line-tools-${pkg}=${CUDA_VERSION}-1 \
      cuda-libraries-dev-${pkg}=${CUDA_VERSION}-1 cuda-minimal-build-${pkg}=${CUDA_VERSION}-1 \
      libnccl2=${NCCL} libnccl-dev=${NCCL} ${cublas} \
 && apt-mark hold libnccl2 libnccl-dev \
 && if [ -n "${CUBLAS}" ]; then apt-mark hold libcublas10 libcublas-dev; fi \
 && rm -rf /var/lib/apt/lists/*
ENV LIBRARY_PATH=/usr/local/cuda/lib64/stubs

# devel/cudnn7
ENV CUDNN_VERSION=${CUDNN}
LABEL com.nvidia.cudnn.version="${CUDNN}"
RUN apt-get update && apt-get install -y --no-install-recommends \
      libcudnn7=${CUDNN}-1+cuda${CUDA} libcudnn7-dev=${CUDNN}-1+cuda${CUDA} \
 && apt-mark hold libcudnn7 libcudnn7-dev \
 && rm -rf /var/lib/apt/lists/*

# What every page recipe shares: Python 3.7 (bionic's python3-distutils serves 3.6 and 3.7), pip pinned through
# get-pip's frozen 3.7 script, the environment's constraints (PIP_CONSTRAINT, so Setup's own pip obeys them too),
# and site-packages and /usr/local/bin writable by the non-root user Setup compiles as (directories only: a
# recursive chmod would copy every file into a new layer).
ARG PYTHON=3.7
ARG GET_PIP_URL=https://bootstrap.pypa.io/pip/3.7/get-pip.py
ARG PIP=24.0
ARG SETUPTOOLS=59.6.0
ARG WHEEL=0.37.1
RUN apt-get update && apt-get install -y --no-install-recommends \
      python${PYTHON} python${PYTHON}-dev python3-distutils build-essential git \
      libglib2.0-0 libsm6 libxext6 libxrender1 libgl1-mesa-glx \
 && ln -sf /usr/bin/python${PYTHON} /usr/local/bin/python && ln -sf /usr/bin/python${PYTHON} /usr/local/bin/python3 \
 && curl -fsSL "${GET_PIP_URL}" -o /tmp/get-pip.py \
 && python /tmp/get-pip.py --no-cache-dir "pip==${PIP}" "setuptools==${SETUPTOOLS}" "wheel==${WHEEL}" && rm /tmp/get-pip.py \
 && mkdir -p /opt/maskbench && touch /opt/maskbench/constraints.txt \
 && site=$(python -c "import site; print([p for p in site.getsitepackages() if p.startswith('/usr/local/')][0])") \
 && chmod a+rwx "$site" /usr/local/bin \
 && rm -rf /var/lib/apt/lists/*
ENV PIP_CONSTRAINT=/opt/maskbench/constraints.txt PIP_NO_CACHE_DIR=1 PYTHONUNBUFFERED=1
RUN dpkg-query -W -f='${Version}\n' libcudnn7 | grep -qx "${CUDNN}-1+cuda${CUDA}" && python --version && nvcc --version | tail -n 1
