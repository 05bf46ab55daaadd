using MaskBench.Benchmark;
using MaskBench.History;
using MaskBench.Model.Records;
using MaskBench.Tests.Chain;

namespace MaskBench.Tests.History;

/// <summary>Compare with damaged files in <c>--baseline</c> and <c>--history</c>: none is taken as a run, and the
/// report names each with why and counts them.</summary>
public sealed class CompareLeftOutSpecs
{
    [Fact]
    public void Compare_names_every_history_file_it_leaves_out_and_never_takes_an_absurd_figure_as_the_baseline()
    {
        // Arrange
        using var bench = new ChainBench();
        var context = bench.Context();
        new PatchRecord(new PatchReport(bench.Pin, [], "tree"), DateTimeOffset.UtcNow).Write(context.Workspace.PatchRecord("fake"));
        var history = new HistoryStore(context.Workspace.History);
        foreach (var run in Enumerable.Range(1, 3))
            history.Append(Runs.Of("fake", bench.Pin, Runs.Day(5), 20 + run * 0.01, run));
        var truncated = Path.Combine(history.Folder, Runs.Machine, "fake", "truncated.json");
        File.WriteAllText(truncated, File.ReadAllText(Directory.GetFiles(Path.GetDirectoryName(truncated)!)[0])[..40]);
        var baseline = new HistoryStore(Path.Combine(bench.Root, "baseline"));
        var earlier = new string('e', 40);
        foreach (var run in Enumerable.Range(1, 3))
            baseline.Append(Runs.Of("fake", earlier, Runs.Day(1), 20 + run * 0.01, run));
        var huge = baseline.Append(Runs.Of("fake", earlier, Runs.Day(2), 60, 7));
        File.WriteAllText(huge, File.ReadAllText(huge).Replace("\"throughput\": 60.0", "\"throughput\": 1e308"));
        var nan = baseline.Append(Runs.Of("fake", earlier, Runs.Day(2), 60, 8));
        File.WriteAllText(nan, File.ReadAllText(nan).Replace("\"throughput\": 60.0", "\"throughput\": \"NaN\""));
        var random = Path.Combine(baseline.Folder, "random.json");
        File.WriteAllBytes(random, [.. Enumerable.Range(0, 256).Select(i => (byte)(i * 37 % 256))]);
        var stage = new CompareStage(context);

        // Act
        var error = Record.Exception(() => stage.Run([bench.Fake(context)], baseline.Folder, 3));

        // Assert
        var report = File.ReadAllText(stage.Report);
        Assert.True(error is null, $"{error?.Message}\n{report}");
        Assert.Contains("4 history files were left out", report);
        foreach (var file in new[] { truncated, huge, nan, random })
            Assert.Contains($"{Path.GetFileName(file)}: ", report);
        Assert.Contains("is beyond 1E+06 img/s", report);
        Assert.Contains("is not a finite number", report);
        Assert.Contains("| fake | 20.0 [3] | 20.0 [3] |", report);
    }
}
