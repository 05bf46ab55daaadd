# Detectron2 v0.1.2 on the current stack: Debian trixie's CUDA 12.4 PyTorch 2.6 (environments/base/cuda-torch-trixie.Dockerfile,
# on the debootstrap root of environments/base/debian-trixie.json; recipes/detectron2.json's stacks.current.base builds
# that chain), with the Python packages Debian lacks from the wheelhouse: the build context "wheelhouse" is the folder
# --wheelhouse names (Setup checks it holds every line of current.wheels first; ./build.sh Wheelhouse-Detectron2 fills it).
# Setup then compiles the extension over the patched source with the recipe's build command, for TORCH_CUDA_ARCH_LIST.
FROM maskbench/cuda-torch:trixie-13.8-standin
ARG TORCH_CUDA_ARCH_LIST="7.0;8.0;9.0"
ARG MAX_JOBS=2
COPY current.wheels /opt/maskbench/current.wheels
RUN --mount=type=bind,from=wheelhouse,target=/wheelhouse \
    grep -v '^#' /opt/maskbench/current.wheels | awk 'NF {print $1}' > /opt/maskbench/current.wheels.txt \
 && python -m pip install --no-index --no-deps --find-links /wheelhouse -r /opt/maskbench/current.wheels.txt \
 && python -c "import fvcore, yacs, pycocotools.mask, portalocker, cv2; print('fvcore', fvcore.__version__, 'cv2', cv2.__version__)"
# Detectron2's launch() joins more than one GPU with init_process_group(init_method="tcp://127.0.0.1:<port>"). Debian's
# torch 2.6 is built without libuv, and the tcp:// rendezvous asks for libuv unless USE_LIBUV=0 ("use_libuv was
# requested but PyTorch was build without libuv support"): two processes joined over tcp:// and summing across
# the group prove the setting (rank 0 alone prints the sum, 2).
RUN printf '%s\n' 'import torch, torch.multiprocessing as mp, torch.distributed as d' \
      'def join(rank):' \
      '    d.init_process_group("gloo", init_method="tcp://127.0.0.1:29517", world_size=2, rank=rank)' \
      '    t = torch.ones(1); d.all_reduce(t)' \
      '    if rank == 0: print("tcp join ok: sum", int(t.item()), flush=True)' \
      'if __name__ == "__main__":' '    mp.spawn(join, nprocs=2)' > /tmp/tcp_check.py \
 && USE_LIBUV=0 python /tmp/tcp_check.py | tee /dev/stderr | grep -qx 'tcp join ok: sum 2' \
 && rm /tmp/tcp_check.py
ENV TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST} MAX_JOBS=${MAX_JOBS} USE_LIBUV=0
