using MaskBench.Benchmark;
using MaskBench.Model.Logs;
using MaskBench.Model.Records;
using MaskBench.Reports;
using MaskBench.Stages;

namespace MaskBench.Tests.Chain;

[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
public sealed class StageSpecs
{
    static async Task RunChain(StageContext context, params string[] verbs)
    {
        var chain = new ChainTargets(context);
        var recipe = context.Catalog.Get("fake");
        foreach (var stage in verbs.Select(chain.Stage))
            await stage.RunAsync(stage.Steps(recipe)[0], CancellationToken.None);
    }

    static RunRecord Record(StageContext context) => RunRecords.Read(context.Workspace.Record(new RunKey("fake"))).Record!;

    [Fact(Timeout = 120_000)]
    public async Task A_user_s_chain_runs_stage_by_stage_without_the_build_script_and_records_the_throughput()
    {
        // Arrange
        using var bench = new ChainBench();
        var context = bench.Context();

        // Act
        await RunChain(context, "Clone", "Patch", "Setup", "Train", "Parse");

        // Assert
        var record = Record(context);
        Assert.Contains(record.Status, new[] { "ok", "suspect" }); // suspect when a loaded machine delays the fake's lines by > 1 %
        Assert.Equal("Parse", record.Stage);
        Assert.True(record.Status == "ok" ? record.Reason is null : record.Reason!.StartsWith("cross-check:"), record.Reason);
        Assert.Equal(context.Workspace.RunFile(new RunKey("fake"), "train.log"), record.Log);
        Assert.Equal(ChainBench.Images / ChainBench.Time, record.Result!.Throughput!.Value, 2);
        Assert.True(File.Exists(context.Workspace.RunFile(new RunKey("fake"), "manifest.json")));
        Assert.Equal(bench.Pin, PatchRecord.Read(context.Workspace.PatchRecord("fake")).Report.BaseCommit);
        var history = Assert.Single(new MaskBench.History.HistoryStore(context.Workspace.History).ReadAll().Records);
        Assert.Equal(bench.Pin, history.Commit);
        Assert.Equal(record.Result.Throughput, history.Throughput);
        Assert.StartsWith("cpu-", history.MachineKey);
        Assert.Equal(MaskBench.Tools.Telemetry.GpuVerdict.NoGpu, record.Gpu!.Outcome);
        Assert.Equal((MaskBench.Tools.Telemetry.GpuVerdict.NoGpu, record.Key), (history.Gpu, history.Key));
        Assert.Equal(("21..40", ChainBench.Images, 0), (record.Key!.Window, record.Key.ImagesPerIteration, record.Key.Gpus));

        // A first run has no baseline to compare with: Compare says so with its own exit code
        var compare = Assert.Throws<CompareFailed>(() =>
            new CompareStage(context).Run([bench.Fake(context)], context.Workspace.History, 3)
        );
        Assert.Equal(MaskBench.History.CompareExit.NothingMeasured, compare.ExitCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_failed_training_records_one_line_and_where_its_log_is()
    {
        // Arrange
        using var bench = new ChainBench(extra: """, "--crash-at", "20" """);
        var context = bench.Context();
        await RunChain(context, "Clone", "Patch", "Setup");

        // Act
        var error = await Assert.ThrowsAsync<ChainException>(() => RunChain(context, "Train"));

        // Assert
        var record = Record(context);
        Assert.Equal("failed", record.Status);
        Assert.Equal("Train", record.Stage);
        Assert.DoesNotContain('\n', record.Reason!);
        Assert.Contains("simulated crash", record.Reason);
        Assert.DoesNotContain('\n', error.Message);
        Assert.True(File.Exists(record.Log));
        Assert.Contains("simulated crash", File.ReadAllText(record.Log));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stage_that_fails_before_Train_shows_in_the_table_with_its_reason()
    {
        // Arrange: an older, successful run is still in the run folder
        using var bench = new ChainBench();
        var context = bench.Context();
        var run = new RunKey("fake");
        Directory.CreateDirectory(context.Workspace.Run(run));
        RunRecords.Write(
            context.Workspace.Record(run),
            new RunRecord(RunRecord.CurrentVersion, "fake", 1, "ok", "Parse", null, "old.log", DateTimeOffset.UnixEpoch, null)
        );
        var broken = context with { Settings = context.Settings with { GitMirror = Path.Combine(bench.Root, "no-such-mirror") } };

        // Act
        await Assert.ThrowsAnyAsync<Exception>(() => RunChain(broken, "Clone"));
        var row = Aggregator
            .FromRecords(context.Catalog.All, r => [context.Workspace.Record(run)], r => broken.Settings.ImagesPerIteration(r), Window.Page)
            .Single();

        // Assert
        Assert.Equal("failed", row.Status);
        Assert.StartsWith("Clone failed: ", row.Reason);
        Assert.Equal("build.log", Record(context).Log);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_failure_after_a_good_run_keeps_the_good_figure_readable_and_names_the_failure_beside_it()
    {
        // Arrange: a measured run, then a typo in --python on the next Setup
        using var bench = new ChainBench();
        var context = bench.Context();
        await RunChain(context, "Clone", "Patch", "Setup", "Train", "Parse");
        var good = Record(context);
        var typo = context with { Settings = context.Settings with { Python = "/usr/bin/python9" } };

        // Act
        await Assert.ThrowsAnyAsync<Exception>(() => RunChain(typo, "Setup"));
        var row = Aggregator
            .FromRecords(
                context.Catalog.All,
                r => [context.Workspace.Record(new RunKey("fake"))],
                r => context.Settings.ImagesPerIteration(r)
            )
            .Single();

        // Assert
        Assert.Equal(("failed", "Setup"), (Record(context).Status, Record(context).Stage));
        var kept = LastGood.RecordOf(context.Workspace.Record(new RunKey("fake")));
        var keptRecord = RunRecords.Read(kept).Record!;
        Assert.Equal(
            (good.Status, good.Written, good.Result!.Throughput),
            (keptRecord.Status, keptRecord.Written, keptRecord.Result!.Throughput)
        );
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(kept)!, "train.log")));
        Assert.Equal(good.Result!.Throughput, row.Throughput);
        Assert.Equal(good.Status, row.Runs.Single().Status);
        Assert.Contains("run 1: the newer attempt failed at Setup: ", row.Note);
        Assert.Contains("python9", row.Note);
        Assert.Contains("its figure is the last good run's, parsed ", row.Note);
        Assert.StartsWith("measured", row.Provenance);
    }

    [Fact(Timeout = 60_000)]
    public async Task Trainings_go_through_the_executor_the_context_names()
    {
        // Arrange
        using var bench = new ChainBench();
        var executor = new RecordingExecutor();
        var context = bench.Context(executor);

        // Act
        await RunChain(context, "Train");

        // Assert
        var job = Assert.Single(executor.Jobs);
        Assert.Equal(new RunKey("fake", 1), job.Run);
        Assert.Equal(context.Workspace, job.Workspace);
        Assert.Equal(context.Settings, job.Settings);
    }

    sealed class RecordingExecutor : IExecutor
    {
        public List<TrainJob> Jobs { get; } = [];

        public string Where => "a list in the test";

        public (string Pool, int Capacity)? Elsewhere => null;

        public void Declare(MaskBench.Engine.FingerprintBuilder inputs, TrainJob job) { }

        public Task TrainAsync(TrainJob job, CancellationToken cancellation)
        {
            Jobs.Add(job);
            return Task.CompletedTask;
        }

        public Task<MaskBench.Tools.Telemetry.GpuFacts?> GpusAsync(int gpus, string folder, CancellationToken cancellation) =>
            throw new InvalidOperationException("the stages never ask the executor for GPUs");
    }
}
