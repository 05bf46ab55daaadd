using MaskBench.Benchmark;
using MaskBench.Engine;
using MaskBench.Foundation.Files;
using MaskBench.Stages;

namespace MaskBench.Tests.Chain;

/// <summary>Why Aggregate runs again, in reasons that are true: a file still there is no longer an input (not gone),
/// and a recipe is named only when its text changed.</summary>
[Trait(Needs.Trait, Needs.Processes)]
public sealed class AggregateReasonSpecs
{
    static IReadOnlyDictionary<string, string> AggregateInputs(StageContext context)
    {
        var inputs = new FingerprintBuilder();
        new AggregateStage(context).Declare(inputs);
        return inputs.Build();
    }

    [Fact]
    public void A_user_running_Aggregate_from_logs_after_a_measured_Aggregate_reads_only_true_reasons()
    {
        // Arrange: a measured Aggregate stamped with the run's record, then logs of its own, at another batch
        using var bench = new ChainBench();
        var measured = bench.Context();
        var record = measured.Workspace.Record(new RunKey("fake"));
        Directory.CreateDirectory(Path.GetDirectoryName(record)!);
        File.WriteAllText(record, "{}");
        var stamp = new Stamp("Aggregate", AggregateInputs(measured), new Dictionary<string, string?>(), DateTimeOffset.UnixEpoch);
        var logs = Path.Combine(bench.Root, "logs");
        Directory.CreateDirectory(Path.Combine(logs, "fake"));
        File.WriteAllText(Path.Combine(logs, "fake", "train.log"), "a log\n");
        var fromLogs = bench.Context(
            settings: bench.Settings() with
            {
                From = logs,
                SettingOverrides = new Dictionary<string, string> { ["batch"] = "4" },
            }
        );

        // Act
        var reasons = Staleness.Reasons(stamp, AggregateInputs(fromLogs), new Dictionary<string, string?>()).Select(r => r.Text).ToList();

        // Assert
        Assert.Contains($"input file {Shown.Path(record)} is no longer an input", reasons);
        Assert.DoesNotContain(reasons, r => r.EndsWith("is gone", StringComparison.Ordinal));
        Assert.Contains("images per iteration of fake changed", reasons);
        Assert.DoesNotContain(reasons, r => r.StartsWith("recipe ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_user_whose_input_file_was_deleted_and_dropped_reads_that_it_is_gone()
    {
        // Arrange
        using var bench = new ChainBench();
        var file = Path.Combine(bench.Root, "dropped.log");
        File.WriteAllText(file, "a log\n");
        var stamp = new Stamp(
            "Aggregate",
            new FingerprintBuilder().File(file).Build(),
            new Dictionary<string, string?>(),
            DateTimeOffset.UnixEpoch
        );
        File.Delete(file);

        // Act
        var reasons = Staleness
            .Reasons(stamp, new Dictionary<string, string>(), new Dictionary<string, string?>())
            .Select(r => r.Text)
            .ToList();

        // Assert
        Assert.Equal([$"input file {Shown.Path(file)} is gone"], reasons);
    }
}
