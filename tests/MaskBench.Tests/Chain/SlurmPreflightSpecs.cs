using MaskBench.Chain;
using MaskBench.Slurm;

namespace MaskBench.Tests.Chain;

/// <summary>With <c>--executor slurm</c> the submit host's preflight leaves the GPUs to the node, and <c>--plan</c> says
/// what runs where.</summary>
public sealed class SlurmPreflightSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task A_GPU_training_on_Slurm_is_not_refused_for_the_submit_hosts_GPUs()
    {
        // Arrange: a login node without a GPU driver here (this machine), 8 GPUs asked for
        using var bench = new ChainBench();
        var executor = new SlurmTrainExecutor(
            SlurmExecutor.Create(SlurmCommands.OnPath, bench.Workspace.Work),
            new SlurmSettings(null, null, null, null, GpuDialect.Gres, null, true, "32G", 8, TimeSpan.FromMinutes(10)),
            "_build.dll"
        );
        var context = bench.Context(executor, bench.Settings() with { Gpus = 8 });
        var chain = new ChainTargets(context);
        var train = chain.Stage("Train").Name(chain.Stage("Train").Steps(bench.Fake(context))[0]);

        // Act
        var problem = await Record.ExceptionAsync(() => ChainPreflight.EnsureAsync(context, chain, [train], CancellationToken.None));

        // Assert
        Assert.Null(problem);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_plan_on_Slurm_says_what_runs_where_and_what_the_node_runs_the_training_in()
    {
        // Arrange
        using var build = new BuildScript.BuildScript();

        // Act
        var result = await build.Run("Benchmark", "--profile", "smoke", "--executor", "slurm", "--slurm-container", "pyxis", "--plan");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Where: Clone, Patch, Setup, Parse and Aggregate here;", result.StandardOutput);
        Assert.Contains("preflight's GPU checks there (count, idle, compute capability against the stack)", result.StandardOutput);
        Assert.Contains("then the training in pyxis (srun --container-image)", result.StandardOutput);
    }
}
