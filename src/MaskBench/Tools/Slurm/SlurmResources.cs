using System.Text.RegularExpressions;

namespace MaskBench.Tools.Slurm;

/// <summary>What one training job asks the scheduler for: one node, its GPUs in the cluster's dialect, memory and CPUs
/// per GPU (always set: without <c>--mem</c> a job on a <c>CR_Core_Memory</c> cluster asks for the whole node),
/// the whole node by default (measurements must not share it), a time limit (<see cref="TimeLimit.For"/>) and where
/// to run. Kept per cluster in <c>.nuke/parameters.&lt;cluster&gt;.json</c>.</summary>
/// <param name="MemoryPerGpu">Slurm's size syntax: <c>64G</c>, <c>500M</c>. With no GPUs, the job's memory.</param>
/// <param name="CpusPerGpu">With no GPUs, the job's CPUs.</param>
public sealed partial record SlurmResources(
    int GpusPerNode,
    GpuDialect Dialect,
    string? GpuType,
    bool Exclusive,
    string MemoryPerGpu,
    int CpusPerGpu,
    TimeSpan TimeLimit,
    string? Partition = null,
    string? Account = null,
    string? Qos = null,
    string? Constraint = null
)
{
    [GeneratedRegex("^[1-9][0-9]*[KMGT]?$")]
    private static partial Regex Size();

    [GeneratedRegex("^[A-Za-z0-9_.,:|&*!=+-]+$")]
    private static partial Regex Word();

    /// <summary>The <c>#SBATCH</c> options, in a fixed order; throws a one-line <see cref="SlurmException"/> for bad input.</summary>
    public IReadOnlyList<string> Directives()
    {
        if (GpusPerNode < 0)
            throw new SlurmException($"--gpus is {GpusPerNode}: use 0 or more");
        if (CpusPerGpu < 1)
            throw new SlurmException($"--slurm-cpus-per-gpu is {CpusPerGpu}: use 1 or more");
        if (!Size().IsMatch(MemoryPerGpu))
            throw new SlurmException($"--slurm-mem-per-gpu is '{MemoryPerGpu}': use Slurm's size syntax, e.g. 64G or 500M");
        if (TimeLimit <= TimeSpan.Zero)
            throw new SlurmException($"the job's time limit is {TimeLimit}: it must be positive");
        var directives = new List<string> { "--nodes=1", "--ntasks=1" };
        if (GpusPerNode > 0)
        {
            var type = Checked("--slurm-gpu-type", GpuType);
            directives.Add(
                Dialect == GpuDialect.Gres
                    ? $"--gres=gpu:{(type is null ? "" : type + ":")}{GpusPerNode}"
                    : $"--gpus-per-node={(type is null ? "" : type + ":")}{GpusPerNode}"
            );
            directives.Add($"--cpus-per-gpu={CpusPerGpu}");
            directives.Add($"--mem-per-gpu={MemoryPerGpu}");
        }
        else
        {
            directives.Add($"--cpus-per-task={CpusPerGpu}");
            directives.Add($"--mem={MemoryPerGpu}");
        }
        if (Exclusive)
            directives.Add("--exclusive");
        directives.Add($"--time={MaskBench.Tools.Slurm.TimeLimit.Format(TimeLimit)}");
        foreach (
            var (option, name, value) in new[]
            {
                ("--partition", "--slurm-partition", Partition),
                ("--account", "--slurm-account", Account),
                ("--qos", "--slurm-qos", Qos),
                ("--constraint", "--slurm-constraint", Constraint),
            }
        )
            if (Checked(name, value) is { } v)
                directives.Add($"{option}={v}");
        return directives;
    }

    /// <summary>A value that goes into an <c>#SBATCH</c> line, where sbatch's own parser, not a shell, reads it: no
    /// spaces, quotes or comment signs. Blank means unset.</summary>
    static string? Checked(string parameter, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!Word().IsMatch(value))
            throw new SlurmException($"{parameter} is '{value}': it may hold letters, digits and _ . , : | & * ! = + - only");
        return value;
    }
}
