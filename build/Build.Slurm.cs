using MaskBench.Benchmark;
using MaskBench.Engine;
using MaskBench.Stages;
using MaskBench.Tools.Slurm;

namespace MaskBench.Build;

/// <summary>Where trainings run, and what a Slurm cluster is asked for (kept per cluster in .nuke/parameters.&lt;cluster&gt;.json).</summary>
partial class Build
{
    [Parameter("Where Train runs: local, or slurm (one batch job per training, all in flight at once). Default: local")]
    readonly ExecutorKind Executor = ExecutorKind.Local;

    [Parameter("Slurm partition for training jobs. Default: the cluster's default")]
    readonly string? SlurmPartition = null;

    [Parameter("Slurm account to charge. Default: yours")]
    readonly string? SlurmAccount = null;

    [Parameter("Slurm QOS. Default: none")]
    readonly string? SlurmQos = null;

    [Parameter("Node features the job needs, e.g. a100&nvlink. Default: none")]
    readonly string? SlurmConstraint = null;

    [Parameter("How the cluster asks for GPUs: gres (--gres=gpu:N) or gpus-per-node. Default: gres")]
    readonly GpuDialect SlurmGpuDialect = GpuDialect.Gres;

    [Parameter("GPU type in the request, e.g. a100. Default: any")]
    readonly string? SlurmGpuType = null;

    [Parameter("Whole nodes for measurements (--exclusive). Default: true")]
    readonly bool SlurmExclusive = true;

    [Parameter("Host memory per GPU (--mem-per-gpu), e.g. 32G. Default: 32G")]
    readonly string SlurmMemPerGpu = "32G";

    [Parameter("CPUs per GPU (--cpus-per-gpu). Default: 8", Minimum = 1)]
    readonly int SlurmCpusPerGpu = 8;

    [Parameter("Added to --train-timeout for the job's --time: environment start, probes, record. Default: 10m")]
    readonly TimeSpan SlurmSetupSlack = TimeSpan.FromMinutes(10);

    [Parameter(
        "Slurm: trainings in flight on the cluster at once, whatever --jobs (which bounds the stages that run here). Default: all",
        Minimum = 1
    )]
    readonly int? SlurmMaxJobs = null;

    [Parameter("Submissions of a measurement whose job was preempted or requeued. Default: 3", Minimum = 1)]
    readonly int SlurmAttempts = 3;

    [Parameter(
        "What a Slurm job runs the training in: none (the environment Setup recorded), podman (Setup's image, the allocation's GPUs), pyxis (srun --container-image on a squashfs enroot imports here) or apptainer (exec --nv on a .sif built here from Setup's image). Default: none"
    )]
    readonly JobContainerKind SlurmContainer = JobContainerKind.None;

    protected override string PlanNotes(IReadOnlyList<string> targetsToRun) => Executors.PlanNotes(Context, Chain, targetsToRun);

    IExecutor MakeExecutor(string work) =>
        Executors.Of(
            Executor,
            new SlurmSettings(
                SlurmPartition,
                SlurmAccount,
                SlurmQos,
                SlurmConstraint,
                SlurmGpuDialect,
                SlurmGpuType,
                SlurmExclusive,
                SlurmMemPerGpu,
                SlurmCpusPerGpu,
                SlurmSetupSlack,
                SlurmContainer
            ),
            SlurmAttempts,
            work,
            Path.Combine(AppContext.BaseDirectory, "_build.dll"),
            SlurmMaxJobs
        );
}
