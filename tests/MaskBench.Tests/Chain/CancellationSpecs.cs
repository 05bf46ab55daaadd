using MaskBench.Benchmark;
using MaskBench.Model.Records;
using MaskBench.Stages;

namespace MaskBench.Tests.Chain;

/// <summary>One contract, whichever stage a cancel reaches: the run's record says <c>cancelled</c>, the stage surfaces
/// as <see cref="OperationCanceledException"/> (never as a chain failure), and nothing it started runs on. Each spec
/// cancels on an event it observed (a file the running program wrote), never after a sleep.</summary>
[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
public sealed class CancellationSpecs
{
    static readonly RunKey Run = new("fake");

    static async Task RunStages(StageContext context, params string[] verbs)
    {
        var chain = new ChainTargets(context);
        foreach (var stage in verbs.Select(chain.Stage))
            await stage.RunAsync(stage.Steps(context.Catalog.Get("fake"))[0], CancellationToken.None);
    }

    /// <summary>Runs <paramref name="verb"/> and cancels it once <paramref name="started"/> finds the file its program writes.</summary>
    static async Task<int> CancelOnceStarted(StageContext context, string verb, Func<string?> started)
    {
        var stage = new ChainTargets(context).Stage(verb);
        using var cancel = new CancellationTokenSource();
        var running = stage.RunAsync(stage.Steps(context.Catalog.Get("fake"))[0], cancel.Token);
        string? pidFile;
        while ((pidFile = started()) is null && !running.IsCompleted)
            await Task.Delay(20);
        Assert.False(running.IsCompleted, $"{verb} ended before its program was seen to start");
        var pid = int.Parse(await WrittenAsync(pidFile!));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        return pid;
    }

    static async Task<string> WrittenAsync(string file)
    {
        string text;
        while ((text = File.ReadAllText(file).Trim()).Length == 0)
            await Task.Delay(20);
        return text;
    }

    [Fact(Timeout = 120_000)]
    public async Task Cancelling_a_build_during_Train_records_the_run_as_cancelled_and_stops_the_training()
    {
        // Arrange: the fake trainer hangs at iteration 5, after writing its pid into the run's output folder
        using var bench = new ChainBench(extra: """, "--hang-at", "5" """);
        var context = bench.Context();
        await RunStages(context, "Clone", "Patch", "Setup");
        var outputs = context.Workspace.Outputs("fake");
        string? PidFile() =>
            Directory.Exists(outputs)
                ? Directory.EnumerateFiles(outputs, "fake_trainer.pid", SearchOption.AllDirectories).FirstOrDefault()
                : null;

        // Act
        var pid = await CancelOnceStarted(context, "Train", PidFile);

        // Assert
        var record = RunRecords.Read(context.Workspace.Record(Run)).Record!;
        Assert.Equal(("failed", "Train", ChainStage.Cancelled), (record.Status, record.Stage, record.Reason));
        Assert.False(ProcessTable.IsAlive(pid), "the training runs on after the cancel");
    }

    [Fact(Timeout = 120_000)]
    public async Task Cancelling_a_build_during_Setup_records_the_run_as_cancelled_and_stops_the_build_command()
    {
        // Arrange: Setup's build command writes its pid, then waits for ten minutes
        const string build = "\"python\", \"-c\", \"import os, time; open('setup.pid', 'w').write(str(os.getpid())); time.sleep(600)\"";
        using var bench = new ChainBench(build: build);
        var context = bench.Context();
        await RunStages(context, "Clone", "Patch");
        var pidFile = Path.Combine(context.Workspace.Source("fake"), "setup.pid");

        // Act
        var pid = await CancelOnceStarted(context, "Setup", () => File.Exists(pidFile) ? pidFile : null);

        // Assert
        var record = RunRecords.Read(context.Workspace.Record(Run)).Record!;
        Assert.Equal(("failed", "Setup", ChainStage.Cancelled), (record.Status, record.Stage, record.Reason));
        Assert.False(ProcessTable.IsAlive(pid), "Setup's build command runs on after the cancel");
    }
}
