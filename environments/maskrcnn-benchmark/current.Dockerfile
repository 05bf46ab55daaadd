# maskrcnn-benchmark 0ce8f6f on the current stack: Debian trixie's CUDA 12.4 PyTorch 2.6 (environments/base/cuda-torch-trixie.Dockerfile,
# on the debootstrap root of environments/base/debian-trixie.json; recipes/maskrcnn-benchmark.json's stacks.current.base
# builds that chain), with the Python packages Debian lacks (yacs, pycocotools, Python-only apex) from the wheelhouse:
# the build context "wheelhouse" is the folder --wheelhouse names (Setup checks it holds every line of current.wheels
# first; ./build.sh Wheelhouse-MaskrcnnBenchmark fills it). Setup then compiles maskrcnn_benchmark._C over the patched
# source (patches/maskrcnn-benchmark/current/) with the recipe's build command, for TORCH_CUDA_ARCH_LIST.
FROM maskbench/cuda-torch:trixie-13.8-standin
ARG TORCH_CUDA_ARCH_LIST="7.0;8.0;9.0"
ARG MAX_JOBS=2
COPY current.wheels /opt/maskbench/current.wheels
RUN --mount=type=bind,from=wheelhouse,target=/wheelhouse \
    grep -v '^#' /opt/maskbench/current.wheels | awk 'NF {print $1}' > /opt/maskbench/current.wheels.txt \
 && python -m pip install --no-index --no-deps --find-links /wheelhouse -r /opt/maskbench/current.wheels.txt \
 && python -c "import yacs, pycocotools.mask, cv2, tqdm; from apex import amp; print('apex.amp', amp.initialize.__module__, 'cv2', cv2.__version__)"
# The recipe's command starts tools/train_net.py with python -m torch.distributed.launch. Debian's torch 2.6 is built
# without libuv, yet its launcher's TCPStores ask for libuv: the static rendezvous of the agent never passes use_libuv,
# and the agent-store client of init_process_group(env://) drops it, so every launch (even --nproc_per_node=1) fails
# with "use_libuv was requested but PyTorch was build without libuv support". The two edits below pass
# use_libuv=False / the USE_LIBUV the env:// handler reads, and USE_LIBUV=0 selects the TCPStore Debian built;
# a two-process gloo launch proves it.
RUN d=/usr/lib/python3/dist-packages/torch/distributed \
 && test "$(grep -c '^                multi_tenant=True,$' $d/elastic/rendezvous/static_tcp_rendezvous.py)" = 1 \
 && test "$(grep -c '^            is_master=False,$' $d/rendezvous.py)" = 1 \
 && sed -i 's/^                multi_tenant=True,$/&\n                use_libuv=False,/' $d/elastic/rendezvous/static_tcp_rendezvous.py \
 && sed -i 's/^            is_master=False,$/&\n            use_libuv=use_libuv,/' $d/rendezvous.py \
 && printf '%s\n' 'import torch.distributed as d' 'd.init_process_group("gloo", init_method="env://")' \
      'print("launch ok: rank", d.get_rank(), "of", d.get_world_size())' > /tmp/launch_check.py \
 && USE_LIBUV=0 python -m torch.distributed.launch --nproc_per_node=2 /tmp/launch_check.py 2>&1 | grep -c 'launch ok' | grep -qx 2 \
 && rm /tmp/launch_check.py
ENV TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST} MAX_JOBS=${MAX_JOBS} USE_LIBUV=0
