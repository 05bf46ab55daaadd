using MaskBench.Model;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Model.Records;
using MaskBench.Reports;
using MaskBench.Stages;
using MaskBench.Stages.Parse;
using MaskBench.Tests.Parsing;
using MaskBench.Tests.Telemetry;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Tests.Results;

/// <summary>The GPU verdict is judged once, at Parse, from the telemetry the stand-in nvidia-smi produced, and stored:
/// the table and the history read it from the record and never judge again.</summary>
public sealed class GpuJudgementSpecs
{
    static readonly RecipeCatalog Catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

    /// <summary>A detectron2 run sampled by the stand-in in <paramref name="scenario"/>, its window the sampled span,
    /// parsed and judged; the record as Parse writes it.</summary>
    static async Task<(string Folder, RunRecord Record)> ParsedAsync(StandIn standIn, string folder)
    {
        var (summary, _, from, until) = await standIn.SampleAsync(folder, new SamplerOptions(IntervalMs: 200), rows: 6);
        _ = new TestRun(new LogOptions("detectron2", Time: 0.25, Jitter: 0), folder);
        ManifestStandIn.Write(folder, gpus: 2, summary);
        var result = RunParser.Parse(Catalog.Get("detectron2"), folder, 16, Window.Page) with { WindowSeconds = [from, until] };
        // As ParseStage makes it: the chain's one record maker, then the verdict judged once.
        var record = RunRecordOf.Make(new RunKey("detectron2"), result.Status, "Parse", null, "train.log", result) with
        {
            Gpu = GpuJudgement.Of(folder, result),
        };
        var path = Path.Combine(folder, "record.json");
        RunRecords.Write(path, record);
        return (path, RunRecords.Read(path).Record!);
    }

    [Theory]
    [InlineData("clean", GpuVerdict.Clean, true)]
    [InlineData("thermal", GpuVerdict.Thermal, false)]
    [InlineData("vanishing", GpuVerdict.Unknown, false)]
    public async Task A_run_s_GPU_verdict_is_judged_at_Parse_kept_in_its_record_and_decides_whether_it_is_pooled(
        string scenario,
        string outcome,
        bool pooled
    )
    {
        // Arrange
        using var standIn = new StandIn(scenario);

        // Act
        var (path, record) = await ParsedAsync(standIn, standIn.RunFolder);
        var row = Aggregator.FromRecords([Catalog.Get("detectron2")], _ => [path], _ => 16).Single();
        var history = MaskBench.History.HistoryRecordOf.From(
            "2xTesla-V100-SXM2-16GB-drv535",
            "detectron2",
            new MaskBench.History.RunIdentity(new string('a', 40), "tree", DateTimeOffset.UnixEpoch, "env", "page"),
            "0.4.0",
            record.Result!,
            record.GpuOutcome,
            "1",
            DateTimeOffset.UnixEpoch,
            null
        );

        // Assert
        Assert.Equal(outcome, record.Gpu!.Outcome);
        Assert.Equal(outcome, row.Runs.Single().Gpu);
        Assert.Equal((outcome, pooled), (history.Gpu, GpuVerdict.Comparable(history.Gpu)));
        if (scenario == "vanishing")
        {
            Assert.Contains("nvidia-smi exited at", record.Gpu.Sentence);
            Assert.Contains("GPUs not watched throughout (run 1: unknown:", row.Note);
            Assert.Contains("not pooled in comparisons", row.Note);
        }
    }

    [Fact]
    public async Task A_record_keeps_its_verdict_when_the_telemetry_is_gone_later()
    {
        // Arrange: judged thermal at Parse; the telemetry file is deleted afterwards.
        using var standIn = new StandIn("thermal");
        var (path, _) = await ParsedAsync(standIn, standIn.RunFolder);
        File.Delete(Path.Combine(standIn.RunFolder, RunFiles.Telemetry));

        // Act
        var row = Aggregator.FromRecords([Catalog.Get("detectron2")], _ => [path], _ => 16).Single();

        // Assert
        Assert.Equal(GpuVerdict.Thermal, row.Runs.Single().Gpu);
        Assert.Equal(ThroughputResult.Suspect, row.Status);
    }

    [Fact]
    public void A_GPU_run_with_no_telemetry_is_unknown_and_says_why_and_a_CPU_run_is_no_gpu()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-judge-").FullName;
        try
        {
            _ = new TestRun(new LogOptions("detectron2", Time: 0.25, Jitter: 0), folder);
            var result = RunParser.Parse(Catalog.Get("detectron2"), folder, 16, Window.Page);
            ManifestStandIn.Write(folder, gpus: 2, new TelemetrySummary(RunFiles.Telemetry, 0, null, "no nvidia-smi on this machine"));

            // Act
            var onGpus = GpuJudgement.Of(folder, result);
            File.WriteAllText(Path.Combine(folder, RunFiles.Manifest), """{"gpu": null, "telemetry": null}""");
            var onCpu = GpuJudgement.Of(folder, result);
            File.Delete(Path.Combine(folder, RunFiles.Manifest));
            var unrecorded = GpuJudgement.Of(folder, result);

            // Assert
            Assert.Equal((GpuVerdict.Unknown, "unknown: no nvidia-smi on this machine"), (onGpus!.Outcome, onGpus.Sentence));
            Assert.Equal(GpuVerdict.NoGpu, onCpu!.Outcome);
            Assert.Equal(GpuVerdict.Unknown, unrecorded!.Outcome);
            Assert.Contains("no manifest.json beside the log", unrecorded.Sentence);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
