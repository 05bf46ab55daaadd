using MaskBench.Benchmark;
using MaskBench.Engine;
using MaskBench.Model.Records;
using MaskBench.Stages;
using MaskBench.Stages.Train;
using MaskBench.Tests.Slurm;
using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Chain;

[Trait(Needs.Trait, Needs.Slurm)]
[Collection("local slurm")]
public sealed class SlurmChainSpecs(LocalSlurm slurm)
{
    SlurmTrainExecutor Executor(ChainBench bench) =>
        new(
            SlurmExecutor.Create(slurm.Commands, bench.Workspace.Work, LocalSlurm.Polling),
            new SlurmSettings(null, null, null, null, GpuDialect.Gres, "fake", false, "500M", 1, TimeSpan.FromMinutes(5)),
            new Lazy<NodeProgram>(NodeProgram.Dotnet(Path.Combine(AppContext.BaseDirectory, "_build.dll")))
        );

    [SlurmFact(Timeout = 300_000)]
    public async Task A_training_runs_as_a_Slurm_job_supervised_on_the_node_and_its_record_comes_back()
    {
        // Arrange
        using var bench = new ChainBench();
        var context = bench.Context(Executor(bench));
        var chain = new ChainTargets(context);
        var recipe = bench.Fake(context);

        // Act
        foreach (var stage in new[] { "Clone", "Patch", "Setup", "Train", "Parse" }.Select(chain.Stage))
            await stage.RunAsync(stage.Steps(recipe)[0], CancellationToken.None);

        // Assert
        var run = new RunKey("fake");
        var record = RunRecords.Read(context.Workspace.Record(run)).Record!;
        Assert.Contains(record.Status, new[] { "ok", "suspect" }); // suspect when a loaded machine delays the fake's lines by > 1 %
        Assert.Equal(ChainBench.Images / ChainBench.Time, record.Result!.Throughput!.Value, 2);
        var folder = context.Workspace.Run(run) + ".slurm";
        Assert.True(File.Exists(Path.Combine(folder, "job.sh")));
        Assert.Matches("^0 [0-9]+$", File.ReadAllText(Path.Combine(folder, SlurmTrainExecutor.ExitMarkerName)).Trim());
        var manifest = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(context.Workspace.RunFile(run, "manifest.json")));
        Assert.Matches("^[0-9]+$", (string?)manifest["facts"]?["slurm job"]);
        Assert.Equal(Environment.MachineName, (string?)manifest["facts"]?["host"]);
    }

    [SlurmFact(Timeout = 300_000)]
    public async Task A_node_that_cannot_run_the_placed_binary_fails_the_training_with_the_nodes_own_line()
    {
        // Arrange: a single-file MaskBench placed where the node does not find it
        using var bench = new ChainBench();
        var executor = new SlurmTrainExecutor(
            SlurmExecutor.Create(slurm.Commands, bench.Workspace.Work, LocalSlurm.Polling),
            new SlurmSettings(null, null, null, null, GpuDialect.Gres, "fake", false, "500M", 1, TimeSpan.FromMinutes(5)),
            new Lazy<NodeProgram>(
                NodeProgram.SingleFile(Path.Combine(bench.Workspace.Work, "bin", "maskbench-0123456789abcdef"), new string('0', 64))
            )
        );
        var context = bench.Context(executor);
        var chain = new ChainTargets(context);
        var recipe = bench.Fake(context);
        foreach (var stage in new[] { "Clone", "Patch", "Setup" }.Select(chain.Stage))
            await stage.RunAsync(stage.Steps(recipe)[0], CancellationToken.None);
        var train = chain.Stage("Train");

        // Act
        var error = await Assert.ThrowsAsync<ChainException>(() => train.RunAsync(train.Steps(recipe)[0], CancellationToken.None));

        // Assert
        Assert.Matches("job [0-9]+: .*/bin/maskbench-0123456789abcdef is missing or may not be executed on node ", error.Message);
        Assert.Contains("pass another --work-dir", error.Message);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(null, int.MaxValue)]
    public void On_Slurm_a_training_takes_no_local_slot_and_counts_against_the_cluster_limit(int? maxJobs, int capacity)
    {
        // Arrange: --slurm-max-jobs as the build passes it
        using var bench = new ChainBench();
        var executor = Executors.Of(
            ExecutorKind.Slurm,
            new SlurmSettings(null, null, null, null, GpuDialect.Gres, "fake", false, "500M", 1, TimeSpan.FromMinutes(5)),
            1,
            bench.Workspace.Work,
            "_build.dll",
            maxJobs
        );
        var chain = new ChainTargets(bench.Context(executor));

        // Act
        var targets = chain
            .Targets(() => CancellationToken.None)
            .ToDictionary(t => t.Name, t => ((TargetDefinition)t.Definition(new TargetDefinition(t.Name, _ => ""))).Freeze());

        // Assert
        var train = targets.Single(t => t.Key.StartsWith("Train-", StringComparison.Ordinal)).Value;
        Assert.True(train.Elsewhere);
        Assert.Equal([new ResourceUse(SlurmTrainExecutor.JobPool, capacity)], train.Uses);
        Assert.All(targets.Where(t => !t.Key.StartsWith("Train-", StringComparison.Ordinal)), t => Assert.False(t.Value.Elsewhere));
    }

    [Fact]
    public void The_batch_script_is_part_of_what_a_training_depends_on()
    {
        // Arrange
        using var bench = new ChainBench();
        var executor = Executor(bench);
        var job = new TrainJob(bench.Workspace, bench.Settings(), new RunKey("fake"));
        var inputs = new MaskBench.Engine.FingerprintBuilder();

        // Act
        executor.Declare(inputs, job);
        var script = executor.Script(job);

        // Assert
        Assert.Contains("#SBATCH --job-name=maskbench-fake", script);
        Assert.Contains("Supervise", script);
        Assert.DoesNotContain(BatchScript.Hash(script), inputs.Build().Values); // the script alone is not the job: job.json is too
    }

    [Fact]
    public void Other_settings_under_the_same_batch_script_are_another_job_in_the_stamp()
    {
        // Arrange: the script names job.json, which holds the settings (a rerun with --set batch=8 keeps the script)
        using var bench = new ChainBench();
        var executor = Executor(bench);
        var job = new TrainJob(bench.Workspace, bench.Settings(), new RunKey("fake"));
        var other = job with { Settings = job.Settings with { SettingOverrides = new Dictionary<string, string> { ["batch"] = "8" } } };
        var (inputs, otherInputs) = (new MaskBench.Engine.FingerprintBuilder(), new MaskBench.Engine.FingerprintBuilder());

        // Act
        executor.Declare(inputs, job);
        executor.Declare(otherInputs, other);

        // Assert
        Assert.Equal(executor.Script(job), executor.Script(other));
        Assert.NotEqual(inputs.Build().Values, otherInputs.Build().Values);
    }
}
