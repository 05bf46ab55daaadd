using MaskBench.Tools.Slurm;

namespace MaskBench.Stages;

/// <summary>What a Slurm cluster is asked for each training: kept per cluster in <c>.nuke/parameters.&lt;cluster&gt;.json</c>.</summary>
/// <param name="Container">What the node runs the training in (<c>--slurm-container</c>): the environment Setup recorded
/// (none), or podman, pyxis or Apptainer on Setup's image.</param>
/// <param name="SetupSlack">Added to <c>--train-timeout</c> for the job's time limit: environment start, probes, record.</param>
internal sealed record SlurmSettings(
    string? Partition,
    string? Account,
    string? Qos,
    string? Constraint,
    GpuDialect Dialect,
    string? GpuType,
    bool Exclusive,
    string MemoryPerGpu,
    int CpusPerGpu,
    TimeSpan SetupSlack,
    JobContainerKind Container = JobContainerKind.None
)
{
    public SlurmResources Resources(int gpus, TimeSpan trainTimeout) =>
        new(
            gpus,
            Dialect,
            GpuType,
            Exclusive,
            MemoryPerGpu,
            CpusPerGpu,
            TimeLimit.For(trainTimeout, SetupSlack),
            Partition,
            Account,
            Qos,
            Constraint
        );
}
