#!/bin/bash
# MaskBench training job maskbench-detectron2-r1: written by MaskBench, submitted with sbatch --parsable.
# Its hash is part of the Train stamp: an edit by hand makes the training stale.
#SBATCH --job-name=maskbench-detectron2-r1
#SBATCH --output=/work/maskbench/artifacts/runs/detectron2.slurm/slurm-%j.out
#SBATCH --error=/work/maskbench/artifacts/runs/detectron2.slurm/slurm-%j.err
#SBATCH --chdir=/work/maskbench
#SBATCH --nodes=1
#SBATCH --ntasks=1
#SBATCH --gres=gpu:a100:8
#SBATCH --cpus-per-gpu=8
#SBATCH --mem-per-gpu=64G
#SBATCH --exclusive
#SBATCH --time=0-00:44:00
#SBATCH --partition=gpu
#SBATCH --account=perf-team
#SBATCH --qos=normal
#SBATCH --constraint=a100&nvlink
#SBATCH --signal=B:TERM@90
#SBATCH --no-requeue
#SBATCH --open-mode=truncate
#SBATCH --export=ALL
export MASKBENCH_NOTE='it'\''s a $test'
export PYTHONUNBUFFERED=1
[ -f /work/maskbench/.work/bin/maskbench-0123456789abcdef ] && [ -x /work/maskbench/.work/bin/maskbench-0123456789abcdef ] || { printf 'maskbench: %s is missing or may not be executed on node %s (a noexec mount?): %s\n' /work/maskbench/.work/bin/maskbench-0123456789abcdef "$(hostname)" 'the work folder must be on a filesystem the x86_64 nodes share and may execute from (not mounted noexec); pass another --work-dir' >&2; exit 3; }
[ "$(uname -m)" = x86_64 ] || { printf 'maskbench: %s is built for x86_64, and node %s is %s: %s\n' /work/maskbench/.work/bin/maskbench-0123456789abcdef "$(hostname)" "$(uname -m)" 'the work folder must be on a filesystem the x86_64 nodes share and may execute from (not mounted noexec); pass another --work-dir' >&2; exit 3; }
echo 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  /work/maskbench/.work/bin/maskbench-0123456789abcdef' | sha256sum --check --status || { printf 'maskbench: %s is not the MaskBench the submit host placed (another version, or changed): %s\n' /work/maskbench/.work/bin/maskbench-0123456789abcdef 'the work folder must be on a filesystem the x86_64 nodes share and may execute from (not mounted noexec); pass another --work-dir' >&2; exit 3; }
exec /work/maskbench/.work/bin/maskbench-0123456789abcdef Supervise --job /work/maskbench/artifacts/runs/detectron2.slurm/job.json
