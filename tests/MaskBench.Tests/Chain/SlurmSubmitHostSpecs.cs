using MaskBench.Benchmark;
using MaskBench.Stages;
using MaskBench.Stages.Train;
using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Chain;

/// <summary>What the submit host does with <c>--executor slurm</c>: its preflight leaves the GPUs to the node, the
/// container the node trains in is part of Train's stamp, and <c>--plan</c> says what runs where.</summary>
[Trait(Needs.Trait, Needs.Processes)]
public sealed class SlurmSubmitHostSpecs
{
    static SlurmTrainExecutor Executor(ChainBench bench, JobContainerKind container = JobContainerKind.None) =>
        new(
            SlurmExecutor.Create(SlurmCommands.OnPath, bench.Workspace.Work),
            new SlurmSettings(null, null, null, null, GpuDialect.Gres, null, true, "32G", 8, TimeSpan.FromMinutes(10), container),
            new Lazy<NodeProgram>(NodeProgram.Dotnet("_build.dll"))
        );

    [Fact(Timeout = 60_000)]
    public async Task A_GPU_training_on_Slurm_is_not_refused_for_the_submit_hosts_GPUs()
    {
        // Arrange: a login node without a GPU driver here (this machine), 8 GPUs asked for
        using var bench = new ChainBench();
        var executor = Executor(bench);
        var context = bench.Context(executor, bench.Settings() with { Gpus = 8 });
        var chain = new ChainTargets(context);
        var train = chain.Stage("Train").Name(chain.Stage("Train").Steps(bench.Fake(context))[0]);

        // Act
        var problem = await Record.ExceptionAsync(() =>
            ChainPreflight.EnsureAsync(context, chain, [train], null, null, CancellationToken.None)
        );

        // Assert
        Assert.Null(problem);
    }

    [Fact]
    public void The_container_a_job_trains_in_is_part_of_what_its_training_depends_on()
    {
        // Arrange
        using var bench = new ChainBench();
        var job = new TrainJob(bench.Workspace, bench.Settings(), new RunKey("fake"));
        var (none, apptainer) = (new MaskBench.Engine.FingerprintBuilder(), new MaskBench.Engine.FingerprintBuilder());

        // Act
        Executor(bench).Declare(none, job);
        Executor(bench, JobContainerKind.Apptainer).Declare(apptainer, job);

        // Assert
        Assert.False(none.Build().ContainsKey("job container"));
        Assert.Equal("apptainer", apptainer.Build()["job container"]);
        Assert.Equal(none.Build()["slurm job"], apptainer.Build()["slurm job"]);
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
