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
exec dotnet /work/maskbench/.nuke/temp/bin/_build.dll Supervise --job /work/maskbench/artifacts/runs/detectron2.slurm/job.json
