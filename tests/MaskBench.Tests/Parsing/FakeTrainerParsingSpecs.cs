using MaskBench.Model;
using MaskBench.Model.Logs;

namespace MaskBench.Tests.Parsing;

/// <summary>The parsers against the fake trainer program's output (a real process), not only the test's own writers.</summary>
public sealed class FakeTrainerParsingSpecs : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "maskbench-fake-parse-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, true);
    }

    async Task<RunFolder> Train(string format, params string[] options)
    {
        var output = await FakeTrainer.RunAsync(format, ["--output", folder, .. options]);
        File.WriteAllText(Path.Combine(folder, RunFiles.Log), output.StandardOutput + output.StandardError);
        return new RunFolder(folder);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("detectron2", 16, 0.25, 101, 502)]
    [InlineData("mmcv", 16, 0.25, 101, 502)]
    [InlineData("maskrcnn-benchmark", 16, 0.25, 101, 502)]
    [InlineData("tensorpack", 8, 0.25, 101, 502)]
    [InlineData("mxnet-speedometer", 16, 0.25, 102, 502)]
    [InlineData("detectron", 16, 0.25, 102, 502)]
    [InlineData("keras-progbar", 16, 1.0, 101, 502)]
    public async Task The_fake_trainers_logs_give_the_series_throughput(string format, int images, double time, int first, int iterations)
    {
        // Arrange
        var run = await Train(
            format,
            "--iterations",
            $"{iterations}",
            "--time",
            $"{time}",
            "--jitter",
            "0.5",
            "--ansi",
            "--ranks",
            "8",
            "--noise"
        );
        var expected = images * 400 / FakeTrainer.SeriesSum(first, first + 399, time, 0.5);

        // Act
        var result = LogFormats.Get(format).Parse(run, Window.Page, images, []);

        // Assert
        Assert.Equal(ThroughputResult.Ok, result.Status);
        Assert.Equal(new IterationRange(first, first + 399), result.Measured);
        var tolerance = format == "keras-progbar" ? 0.01 : 1e-3;
        Assert.InRange(result.Throughput!.Value, expected * (1 - tolerance), expected * (1 + tolerance));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("mmcv", ".log.json")]
    [InlineData("tensorpack", "stats.json")]
    public async Task The_fake_trainers_precise_files_are_used(string format, string source)
    {
        // Arrange
        var run = await Train(format, "--iterations", "520", "--jitter", "0.5");
        var images = format == "tensorpack" ? 8 : 16;
        var expected = images * 400 / FakeTrainer.SeriesSum(101, 500, 0.25, 0.5);

        // Act
        var result = LogFormats.Get(format).Parse(run, Window.Page, images, []);

        // Assert
        Assert.EndsWith(source, result.Source);
        Assert.InRange(result.Throughput!.Value, expected * (1 - 1e-4), expected * (1 + 1e-4));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_fake_trainers_skipped_batch_fails_maskrcnn_benchmark()
    {
        // Arrange
        var run = await Train("maskrcnn-benchmark", "--iterations", "520", "--skip-batch-at", "300");

        // Act
        var result = LogFormats.Get("maskrcnn-benchmark").Parse(run, Window.Page, 16, []);

        // Assert
        Assert.Equal(ThroughputResult.Failed, result.Status);
        Assert.Contains(result.Failures, f => f.Kind == "skipped-batch");
    }
}
