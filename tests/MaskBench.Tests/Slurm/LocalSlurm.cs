using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Slurm;

/// <summary>The single-node Slurm of scripts/start-test-slurm.sh (8 fake GPUs, no accounting), started once for the
/// specs that need a real scheduler. Specs skip only when Slurm is not installed; a cluster that does not start fails them.</summary>
public sealed class LocalSlurm
{
    /// <summary>Why the real-cluster specs cannot run here, or null.</summary>
    public static string? Missing { get; } =
        File.Exists("/usr/sbin/slurmctld") && File.Exists("/usr/bin/sbatch")
            ? null
            : "Slurm is not installed: apt-get install slurm-wlm munge, then scripts/start-test-slurm.sh (.ci/run does both)";

    public string Configuration { get; }

    public LocalSlurm()
    {
        var result = ProcessRunner
            .RunAsync(
                "/bin/bash",
                [Paths.Repository("scripts", "start-test-slurm.sh")],
                new ProcessOptions { Timeout = TimeSpan.FromMinutes(1) }
            )
            .GetAwaiter()
            .GetResult();
        var line = result.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith("SLURM_CONF=", StringComparison.Ordinal));
        if (!result.Ok || line is null)
            throw new InvalidOperationException(
                $"scripts/start-test-slurm.sh failed: {result.StandardOutput}{(result.End == ProcessEnd.Exited ? result.StandardError : result.Message)}"
            );
        Configuration = line["SLURM_CONF=".Length..];
    }

    public SlurmCommands Commands =>
        SlurmCommands.OnPath with
        {
            CallTimeout = TimeSpan.FromSeconds(30),
            Variables = new Dictionary<string, string> { ["SLURM_CONF"] = Configuration },
        };

    /// <summary>Polls every 0.5 s at first, 2 s at most: the cluster is local and the specs wait on it.</summary>
    public static PollPolicy Polling { get; } =
        new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), 5, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30));

    /// <summary>One fake GPU, 1 CPU, 200 MB, not exclusive (specs share the node), <paramref name="limit"/> of time.</summary>
    public static SlurmResources OneFakeGpu(TimeSpan limit) => new(1, GpuDialect.Gres, "fake", false, "200M", 1, limit);

    internal async Task<ProcessResult> RunAsync(string program, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(
            ProcessSpec.Of([program, .. arguments], Commands.Environment()),
            new ProcessOptions { Timeout = TimeSpan.FromSeconds(30) }
        );
        return result.Started ? result : throw new InvalidOperationException($"{program} is not installed");
    }
}

[CollectionDefinition("local slurm")]
public sealed class LocalSlurmCollection : ICollectionFixture<LocalSlurm>;

/// <summary>A spec that needs the local cluster: skipped, with the reason, only where Slurm is not installed.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (LocalSlurm.Missing is { } why)
            Skip = why;
    }
}
