using MaskBench.Model;
using MaskBench.Model.Logs;

namespace MaskBench.Tests.Parsing;

public class WatcherSpecs
{
    [Theory]
    [InlineData("detectron2", 500)]
    [InlineData("mmcv", 500)]
    [InlineData("maskrcnn-benchmark", 500)]
    [InlineData("tensorpack", 500)]
    [InlineData("mxnet-speedometer", 501)]
    [InlineData("detectron", 501)]
    [InlineData("keras-progbar", 500)]
    public void A_live_run_is_complete_exactly_when_the_windows_last_line_arrives(string format, int lastIteration)
    {
        // Arrange
        using var run = new TestRun(ThroughputSpecs.Options(format) with { Times = false });
        var watcher = LogFormats.Get(format).Watch(Window.Page, run.Options.Images);
        var lines = File.ReadAllText(Path.Combine(run.Folder, RunFiles.Log)).Split('\n');

        // Act
        var progress = lines.Select(watcher.Observe).ToList();

        // Assert
        var first = progress.FindIndex(p => p.WindowComplete);
        Assert.True(first > 0, "the window never completed");
        Assert.Equal(lastIteration, progress[first].Iteration);
        Assert.All(progress.Take(first), p => Assert.False(p.WindowComplete));
        Assert.NotNull(progress[first].ImagesPerSecond);
        Assert.Equal(format == "mxnet-speedometer" ? 591 : 600, progress[^1].Iteration);
    }

    [Fact]
    public void A_live_run_reports_its_iteration_as_it_goes()
    {
        // Arrange
        var watcher = LogFormats.Get("maskrcnn-benchmark").Watch(Window.Page, 16);

        // Act
        var before = watcher.Observe("2020-05-14 12:00:00,000 maskrcnn_benchmark.trainer INFO: Start training");
        var after = watcher.Observe(
            "2020-05-14 12:00:05,000 maskrcnn_benchmark.trainer INFO: eta: 9:01:02  iter: 40  loss: 2.1 (2.5)  time: 0.3100 (0.4500)  data: 0.0100 (0.0500)  lr: 0.007173  max mem: 3150"
        );

        // Assert
        Assert.Equal(new Progress(null, false, null), before);
        Assert.Equal(new Progress(40, false, null), after);
    }

    [Fact]
    public void A_window_whose_end_is_not_on_the_logs_period_is_called_unmeasurable_two_lines_past_its_end()
    {
        // Act: maskrcnn-benchmark prints every 20 iterations; the window ends at 50
        var progress = EveryTwentyIterations(new Window(20, 50));

        // Assert
        Assert.All(progress, p => Assert.False(p.WindowComplete));
        Assert.Null(progress[2].Unmeasurable); // one line past the end: a rank's line may still come
        Assert.Contains("no timing that starts at iteration 20 and ends at 50", progress[3].Unmeasurable);
        Assert.Contains("iterations 0, 20, 40, 60, 80: give a --window-skip and a --window-end among them", progress[3].Unmeasurable);
    }

    [Fact]
    public void A_window_on_the_logs_period_is_never_called_unmeasurable()
    {
        // Act
        var progress = EveryTwentyIterations(new Window(20, 60));

        // Assert
        Assert.True(progress[2].WindowComplete);
        Assert.All(progress, p => Assert.Null(p.Unmeasurable));
    }

    /// <summary>What a watcher of <paramref name="window"/> says after each of maskrcnn-benchmark's lines at iterations
    /// 20, 40, 60, 80 and 100.</summary>
    static List<Progress> EveryTwentyIterations(Window window)
    {
        var watcher = LogFormats.Get("maskrcnn-benchmark").Watch(window, 16);
        return [.. new[] { 20, 40, 60, 80, 100 }.Select(i => watcher.Observe(MaskrcnnBenchmarkLine(i)))];
    }

    static string MaskrcnnBenchmarkLine(int iteration) =>
        $"2020-05-14 12:00:05,000 maskrcnn_benchmark.trainer INFO: eta: 9:01:02  iter: {iteration}  loss: 2.1 (2.5)  time: 0.3100 (0.4500)  data: 0.0100 (0.0500)  lr: 0.007173  max mem: 3150";
}
