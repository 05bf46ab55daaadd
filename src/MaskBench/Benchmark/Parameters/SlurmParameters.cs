using MaskBench.Engine;
using MaskBench.Stages;
using MaskBench.Tools.Slurm;

namespace MaskBench.Benchmark.Parameters;

/// <summary>What a Slurm cluster is asked for (<c>--slurm-*</c>; kept per cluster in <c>.nuke/parameters.&lt;cluster&gt;.json</c>).</summary>
internal sealed class SlurmParameters
{
    [Parameter("Slurm partition for training jobs. Default: the cluster's default")]
    readonly string? Partition = null;

    [Parameter("Slurm account to charge. Default: yours")]
    readonly string? Account = null;

    [Parameter("Slurm QOS. Default: none")]
    readonly string? Qos = null;

    [Parameter("Node features the job needs, e.g. a100&nvlink. Default: none")]
    readonly string? Constraint = null;

    [Parameter("How the cluster asks for GPUs: gres (--gres=gpu:N) or gpus-per-node. Default: gres")]
    readonly GpuDialect GpuDialect = GpuDialect.Gres;

    [Parameter("GPU type in the request, e.g. a100. Default: any")]
    readonly string? GpuType = null;

    [Parameter("Whole nodes for measurements (--exclusive). Default: true")]
    readonly bool Exclusive = true;

    [Parameter("Host memory per GPU (--mem-per-gpu), e.g. 32G. Default: 32G")]
    readonly string MemPerGpu = "32G";

    [Parameter("CPUs per GPU (--cpus-per-gpu). Default: 8", Minimum = 1)]
    readonly int CpusPerGpu = 8;

    [Parameter("Added to --train-timeout for the job's --time: environment start, probes, record. Default: 10m")]
    readonly TimeSpan SetupSlack = TimeSpan.FromMinutes(10);

    [Parameter(
        "Slurm: trainings in flight on the cluster at once, whatever --jobs (which bounds the stages that run here). Default: all",
        Minimum = 1
    )]
    readonly int? MaxJobs = null;

    [Parameter("Submissions of a measurement whose job was preempted or requeued. Default: 3", Minimum = 1)]
    readonly int Attempts = 3;

    [Parameter(
        "What a Slurm job runs the training in: none (the environment Setup recorded), podman (Setup's image, the allocation's GPUs), pyxis (srun --container-image on a squashfs enroot imports here) or apptainer (exec --nv on a .sif built here from Setup's image). Default: none"
    )]
    readonly JobContainerKind Container = JobContainerKind.None;

    /// <summary>The executor <c>--executor</c> names, working in <paramref name="work"/>; the nodes run <paramref name="dll"/>.</summary>
    public IExecutor Executor(ExecutorKind kind, string work, string dll) =>
        Executors.Of(
            kind,
            new SlurmSettings(
                Partition,
                Account,
                Qos,
                Constraint,
                GpuDialect,
                GpuType,
                Exclusive,
                MemPerGpu,
                CpusPerGpu,
                SetupSlack,
                Container
            ),
            Attempts,
            work,
            dll,
            MaxJobs
        );
}
