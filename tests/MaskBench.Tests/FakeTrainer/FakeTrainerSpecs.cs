using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace MaskBench.Tests;

[Trait(Needs.Trait, Needs.Processes)]
public class FakeTrainerSpecs
{
    [Theory]
    [InlineData("detectron2", "d2.utils.events]:  eta: ", "iter: 99  total_loss: ")]
    [InlineData("mmcv", " - mmdet - INFO - Epoch [1][100/7330]\tlr: ", ", time: 0.250, data_time: ")]
    [InlineData("maskrcnn-benchmark", " maskrcnn_benchmark.trainer INFO: eta: ", "iter: 100  loss: ")]
    [InlineData("tensorpack", "@base.py:285] Epoch 2 (global_step 100) finished, time:12.5 seconds.", "")]
    [InlineData("mxnet-speedometer", "Epoch[0] Batch [100]\tSpeed: 64.00 samples/sec\tTrain-RpnAcc=", "")]
    [InlineData("detectron", "json_stats: {\"accuracy_cls\": ", "\"iter\": 100, ")]
    [InlineData("keras-progbar", "50/50 [==============================] - 12s 250ms/step - loss: ", "")]
    [InlineData("plain", "iter 120 time 0.250000", "")]
    public async Task Each_format_prints_its_own_lines(string format, string start, string part)
    {
        // Arrange
        var stream = format is "mxnet-speedometer" or "mmcv"
            ? (Func<CliWrap.Buffered.BufferedCommandResult, string>)(r => r.StandardError)
            : r => r.StandardOutput;

        // Act
        var result = await FakeTrainer.RunAsync(format, "--iterations", "120");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(Lines(stream(result)), line => line.Contains(start) && line.Contains(part));
    }

    [Fact]
    public async Task Detectron2_time_is_the_mean_since_iteration_two_of_the_series()
    {
        // Arrange
        var expected = FakeTrainer.SeriesSum(3, 100, 0.3, 0.6) / 98;

        // Act
        var result = await FakeTrainer.RunAsync("detectron2", "--iterations", "120", "--time", "0.3", "--jitter", "0.6");

        // Assert
        var line = Assert.Single(Lines(result.StandardOutput), l => l.Contains("iter: 99 "));
        Assert.Contains("time: " + expected.ToString("F4", CultureInfo.InvariantCulture) + "  ", line);
    }

    [Fact]
    public async Task Tensorpack_stats_json_holds_the_exact_throughput_of_each_epoch()
    {
        // Arrange
        using var output = new ScratchFolder();
        var expected = 8 * 50 / FakeTrainer.SeriesSum(101, 150, 0.25, 0.5);

        // Act
        var result = await FakeTrainer.RunAsync("tensorpack", "--iterations", "200", "--jitter", "0.5", "--output", output.Path);

        // Assert
        Assert.Equal(0, result.ExitCode);
        var epochs = JArray.Parse(File.ReadAllText(System.IO.Path.Combine(output.Path, "train_log", "stats.json")));
        Assert.Equal(4, epochs.Count);
        Assert.Equal(expected, (double)epochs[2]["Throughput (samples/sec)"]!, 9);
    }

    [Fact]
    public async Task Stop_at_ends_after_that_iteration_with_the_end_lines()
    {
        // Act
        var result = await FakeTrainer.RunAsync("detectron2", "--stop-at", "60");

        // Assert
        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result.StandardOutput);
        Assert.Contains("iter: 59 ", lines.Last(l => l.Contains("d2.utils.events")));
        Assert.Contains(lines, l => l.Contains("Overall training speed: 58 iterations in 0:00:14 (0.2500 s / it)"));
        Assert.Contains("Total training time: ", lines[^1]);
    }

    [Fact]
    public async Task Crash_at_exits_1_with_a_traceback_on_stderr()
    {
        // Act
        var result = await FakeTrainer.RunAsync("plain", "--crash-at", "7");

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("iter 6 time 0.250000", Lines(result.StandardOutput)[^1]);
        Assert.StartsWith("Traceback (most recent call last):", result.StandardError);
        Assert.StartsWith("RuntimeError: ", Lines(result.StandardError)[^1]);
    }

    [Theory]
    [InlineData("detectron2", "FloatingPointError: Loss became infinite or NaN at iteration=", "--nan-at", "30")]
    [InlineData("detectron", "Exception: Loss is NaN", "--nan-at", "30")]
    [InlineData("mmcv", "RuntimeError: CUDA out of memory.", "--oom-at", "30")]
    [InlineData("keras-progbar", "ResourceExhaustedError: OOM when allocating tensor", "--oom-at", "30")]
    [InlineData("mxnet-speedometer", "cudaMalloc failed: out of memory", "--oom-at", "30")]
    [InlineData("tensorpack", "AssertionError: /data/coco/train2017 is not a directory!", "--missing-data")]
    public async Task Failures_end_with_exit_1_and_the_formats_own_error(string format, string error, params string[] options)
    {
        // Act
        var result = await FakeTrainer.RunAsync(format, options);

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(error, result.StandardError);
    }

    [Fact]
    public async Task Sleep_scale_takes_the_series_time_for_real_and_prints_the_same_times()
    {
        // Arrange
        var clock = Stopwatch.StartNew();

        // Act
        var result = await FakeTrainer.RunAsync("plain", "--iterations", "8", "--time", "0.05", "--sleep-scale", "1");

        // Assert
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.4), $"took {clock.Elapsed}");
        Assert.Equal("iter 8 time 0.050000", Lines(result.StandardOutput)[^2]);
    }

    [Fact]
    public async Task Hang_at_stops_printing_and_keeps_running()
    {
        // Arrange
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var start = new ProcessStartInfo(FakeTrainer.Python) { RedirectStandardOutput = true };
        foreach (var argument in FakeTrainer.Arguments("plain", "--hang-at", "5"))
            start.ArgumentList.Add(argument);

        // Act
        using var process = Process.Start(start)!;
        string? line;
        do line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        while (line is not null and not "iter 4 time 0.250000");
        var exited = process.WaitForExit(300);
        process.Kill();

        // Assert
        Assert.Equal("iter 4 time 0.250000", line);
        Assert.False(exited);
    }

    [Fact]
    public async Task Spawn_children_writes_the_pids_of_living_children()
    {
        // Arrange
        using var output = new ScratchFolder();

        // Act
        var result = await FakeTrainer.RunAsync("plain", "--iterations", "3", "--spawn-children", "2", "--output", output.Path);

        // Assert
        var pids = File.ReadAllLines(System.IO.Path.Combine(output.Path, "children.pids")).Select(int.Parse).ToList();
        try
        {
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(2, pids.Count);
            Assert.All(pids, pid => Assert.False(Process.GetProcessById(pid).HasExited));
        }
        finally
        {
            foreach (var pid in pids)
                Process.GetProcessById(pid).Kill();
        }
    }

    static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    sealed class ScratchFolder : IDisposable
    {
        public string Path { get; } =
            Directory
                .CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fake-trainer-" + Guid.NewGuid().ToString("N")))
                .FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
