using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace MaskBench.Tests;

/// <summary>
/// The window formulas of research/log-formats.md (x.8), applied to the fake trainer's output, give back the
/// img/s of the series: the fake logs are consistent with the formats the parsers are written for.
/// </summary>
public class FakeTrainerWindowSpecs
{
    const double Time = 0.27,
        Jitter = 0.7;
    static readonly string[] Series = ["--iterations", "520", "--time", "0.27", "--jitter", "0.7"];

    static double ImagesPerSecond(int first, int last, int images = 16) =>
        images * (last - first + 1) / FakeTrainer.SeriesSum(first, last, Time, Jitter);

    [Fact]
    public async Task Detectron2_window_from_iter_99_and_499_is_the_series_window()
    {
        // Act
        var output = (await FakeTrainer.RunAsync("detectron2", Series)).StandardOutput;

        // Assert
        double T(int iter) => Number(output, $@"iter: {iter} .*?  time: ([0-9.]+)");
        Assert.Equal(ImagesPerSecond(101, 500), 16 * 400 / (498 * T(499) - 98 * T(99)), 0.001 * ImagesPerSecond(101, 500));
    }

    [Fact]
    public async Task Mmcv_window_from_the_log_json_is_the_series_window()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("fake-trainer-").FullName;

        // Act
        await FakeTrainer.RunAsync("mmcv", [.. Series, "--output", folder]);

        // Assert
        var records = File.ReadAllLines(Directory.GetFiles(folder, "*.log.json").Single()).Skip(1).Select(JObject.Parse);
        var sum = records.Where(r => (int)r["iter"]! is >= 150 and <= 500).Sum(r => (double)r["time"]!);
        Directory.Delete(folder, recursive: true);
        Assert.Equal(ImagesPerSecond(101, 500), 128 / sum, 0.0005 * ImagesPerSecond(101, 500));
    }

    [Fact]
    public async Task Maskrcnn_benchmark_window_from_the_global_averages_is_the_series_window()
    {
        // Act
        var output = (await FakeTrainer.RunAsync("maskrcnn-benchmark", Series)).StandardOutput;

        // Assert
        double G(int iter) => Number(output, $@"iter: {iter} .*  time: [0-9.]+ \(([0-9.]+)\)");
        Assert.Equal(ImagesPerSecond(101, 500), 16 * 400 / (500 * G(500) - 100 * G(100)), 0.001 * ImagesPerSecond(101, 500));
    }

    [Fact]
    public async Task Simpledet_speeds_of_batches_110_to_500_give_iterations_102_to_501()
    {
        // Act
        var output = (await FakeTrainer.RunAsync("mxnet-speedometer", Series)).StandardError;

        // Assert
        var inverse = Enumerable.Range(11, 40).Sum(n => 1 / Number(output, $@"Batch \[{n * 10}\]\tSpeed: ([0-9.]+) samples/sec"));
        Assert.Equal(ImagesPerSecond(102, 501), 40 / inverse, 0.001 * ImagesPerSecond(102, 501));
    }

    [Fact]
    public async Task Detectron_window_from_iter_100_and_500_gives_iterations_102_to_501()
    {
        // Act
        var output = (await FakeTrainer.RunAsync("detectron", Series)).StandardOutput;

        // Assert
        double T(int iter) => Number(output, $@"""iter"": {iter}, .*""time"": ""([0-9.]+)""");
        Assert.Equal(FakeTrainer.SeriesSum(22, 101, Time, Jitter) / 80, T(100), 6);
        Assert.Equal(ImagesPerSecond(102, 501), 16 * 400 / (480 * T(500) - 80 * T(100)), 0.0001 * ImagesPerSecond(102, 501));
    }

    [Fact]
    public async Task Keras_epochs_3_to_10_print_their_whole_seconds()
    {
        // Act
        var output = (await FakeTrainer.RunAsync("keras-progbar", Series)).StandardOutput;

        // Assert
        var seconds = Regex.Matches(output, @"50/50 \[=+\] - (\d+)s ").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(10, seconds.Count);
        for (var epoch = 3; epoch <= 10; epoch++)
            Assert.Equal(Math.Round(FakeTrainer.SeriesSum(epoch * 50 - 49, epoch * 50, Time, Jitter)), seconds[epoch - 1]);
    }

    static double Number(string output, string pattern) =>
        double.Parse(Regex.Match(output, pattern).Groups[1].Value, CultureInfo.InvariantCulture);
}
