using MaskBench.History;
using MaskBench.Model.Logs;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Tests.History;

public sealed class RunRecordSpecs : IDisposable
{
    readonly SpeedRepository repository = SpeedRepository.Step(count: 2, firstSlow: 2);

    static ThroughputResult Result(string status, double? throughput) =>
        new(
            "detectron2",
            1,
            status,
            throughput,
            new IterationRange(101, 500),
            new IterationRange(101, 500),
            true,
            "exact",
            16,
            500,
            [],
            null,
            "train.log"
        );

    [Fact]
    public async Task A_parsed_run_becomes_a_history_record_with_its_commit_date()
    {
        // Arrange
        var commit = repository.Commits[1];
        var date = await RunIdentity.CommitDateOf(repository.Clone, commit, default);
        var identity = new RunIdentity(commit, "tree0123", date, "env0123", "default");
        var key = MachineKey.Of(new GpuFacts(["Tesla V100-SXM2-16GB", "Tesla V100-SXM2-16GB"], "535.104.05", "12.2"));

        // Act
        var ok = HistoryRecordOf.From(
            key,
            "detectron2",
            identity,
            "0.4.0",
            Result("ok", 61.25),
            "clean",
            "r1",
            DateTimeOffset.UnixEpoch,
            null
        );
        var failed = HistoryRecordOf.From(
            key,
            "detectron2",
            identity,
            "0.4.0",
            Result("failed", 3.0),
            "",
            "r2",
            DateTimeOffset.UnixEpoch,
            null
        );

        // Assert
        Assert.Equal(repository.DateOf(commit), date);
        Assert.Equal("2xTesla-V100-SXM2-16GB-drv535", ok.MachineKey);
        Assert.Equal(("101..500", 16, 61.25, true), (ok.Window, ok.ImagesPerIteration, ok.Throughput!.Value, ok.Measured));
        Assert.Equal((null, "unknown", false), (failed.Throughput, failed.Gpu, failed.Measured));
    }

    [Fact]
    public void A_run_without_GPUs_is_keyed_by_this_machine_s_CPU()
    {
        Assert.Matches($"^cpu-{Environment.ProcessorCount}x-[A-Za-z0-9._-]+$", MachineKey.Of(null));
    }

    public void Dispose() => repository.Dispose();
}
