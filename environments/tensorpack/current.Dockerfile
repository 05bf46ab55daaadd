# tensorpack at caafda on today's GPUs (Ampere, Hopper): NVIDIA's last TF1 container, 23.03-tf1-py3
# (TensorFlow 1.15.5+nv, CUDA 12.1, Python 3.8, Horovod and Open MPI 4 included). Not built or run by MaskBench's
# authors (no registry access where it was written): the recipe's stacks.current notes say what is unverified.
ARG BASE=nvcr.io/nvidia/tensorflow:23.03-tf1-py3
FROM ${BASE}
ARG PYTHON=3.8
ARG TENSORFLOW=1.15.5
COPY current.constraints.txt /opt/maskbench/constraints.txt
ENV PIP_CONSTRAINT=/opt/maskbench/constraints.txt PIP_NO_CACHE_DIR=1 PYTHONUNBUFFERED=1

# The container's own TensorFlow, Horovod and protobuf stay; tensorpack's remaining dependencies are pinned.
# tqdm, psutil, termcolor and six are imported by tensorpack at module level (recipe audit 2), scipy by FasterRCNN's
# eval.py (the container's own, per the record): installed and imported
# here, so a missing one fails Setup, not the first training. Per the record: this image was not built here.
RUN python -m pip install opencv-python-headless pycocotools tabulate msgpack msgpack-numpy pyzmq tqdm psutil termcolor six \
 && python -c "import tensorflow as tf, horovod.tensorflow as hvd, cv2, pycocotools.mask, tabulate, msgpack, msgpack_numpy, zmq, tqdm, psutil, termcolor, six, scipy; print('tf', tf.__version__)" \
 && site=$(python -c "import site; print(site.getsitepackages()[0])") && chmod a+rwx "$site" /usr/local/bin

ENV TF_CUDNN_USE_AUTOTUNE=0
