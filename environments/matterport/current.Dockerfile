# matterport/Mask_RCNN at 3deaec5 on today's GPUs (Ampere, Hopper): NVIDIA's last TF1 container, 23.03-tf1-py3
# (TensorFlow 1.15.5+nv, CUDA 12.1, Python 3.8) with standalone Keras 2.2.5. Not built or run by MaskBench's
# authors (no registry access where it was written): the recipe's stacks.current notes say what is unverified.
ARG BASE=nvcr.io/nvidia/tensorflow:23.03-tf1-py3
FROM ${BASE}
ARG PYTHON=3.8
ARG TENSORFLOW=1.15.5
ARG KERAS=2.2.5
COPY current.constraints.txt /opt/maskbench/constraints.txt
ENV PIP_CONSTRAINT=/opt/maskbench/constraints.txt PIP_NO_CACHE_DIR=1 PYTHONUNBUFFERED=1

# Keras 2.2.5 without dependencies (it would replace the container's h5py and numpy); h5py < 3 for its .h5 reader.
RUN python -m pip install --no-deps "keras==${KERAS}" keras-applications keras-preprocessing \
 && python -m pip install h5py scikit-image opencv-python-headless pycocotools IPython imageio Shapely \
 && python -m pip install --no-deps imgaug \
 && python -c "import tensorflow as tf, keras, imgaug; print('tf', tf.__version__, 'keras', keras.__version__)" \
 && site=$(python -c "import site; print(site.getsitepackages()[0])") && chmod a+rwx "$site" /usr/local/bin

ENV TF_CUDNN_USE_AUTOTUNE=0
