#!/usr/bin/env bash
# What the node side of a Slurm training adds before the training starts, through the local single-node cluster
# (started here if it is not up, as root): preflight's GPU checks on the node (the stand-in nvidia-smi answering as
# 8 idle GPUs), and a training container started inside the job (`srun podman run` of the test image) against
# `srun true`. Usage: scripts/bench-node.sh [repeats]
set -euo pipefail
cd "$(dirname "$0")/.."
conf="$(bash scripts/start-test-slurm.sh | sed -n 's/^SLURM_CONF=//p')"
export SLURM_CONF="$conf"
export CONTAINERS_CONF="${CONTAINERS_CONF:-/etc/maskbench/containers.conf}"
exec dotnet run --file scripts/bench-node.cs -- "${1:-5}"
