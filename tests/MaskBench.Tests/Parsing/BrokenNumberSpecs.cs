using System.Text.RegularExpressions;
using MaskBench.Model.Logs;

namespace MaskBench.Tests.Parsing;

/// <summary>Numbers a broken or hostile log prints: iterations past Int32 and timings that are not seconds. Each is a
/// failure of the run named with its line, never an exception.</summary>
public sealed class BrokenNumberSpecs
{
    const string Huge = "99999999999999999999";

    /// <summary>Replaces the first match of <paramref name="pattern"/> in train.log; returns the 1-based line it was on.</summary>
    static int Replace(TestRun run, string pattern, string replacement)
    {
        var lines = File.ReadAllLines(run.Run.Log);
        var index = Array.FindIndex(lines, l => Regex.IsMatch(l, pattern));
        Assert.True(index >= 0, $"no line of the {run.Options.Format} log matches {pattern}");
        lines[index] = Regex.Replace(lines[index], pattern, replacement);
        File.WriteAllLines(run.Run.Log, lines);
        return index + 1;
    }

    [Theory]
    [InlineData("detectron2", @"iter: 299 ", $"iter: {Huge} ")]
    [InlineData("mmcv", @"Epoch \[1\]\[300/", $"Epoch [1][{Huge}/")]
    [InlineData("maskrcnn-benchmark", @"iter: 300 ", $"iter: {Huge} ")]
    [InlineData("tensorpack", @"global_step 300\)", $"global_step {Huge})")]
    [InlineData("mxnet-speedometer", @"Batch \[300\]", $"Batch [{Huge}]")]
    [InlineData("detectron", @"""iter"": 300,", $@"""iter"": {Huge},")]
    [InlineData("keras-progbar", @"^Epoch 6/40", $"Epoch {Huge}/40")]
    public void An_iteration_number_past_Int32_fails_the_run_naming_its_line(string format, string pattern, string replacement)
    {
        // Arrange
        using var run = new TestRun(ThroughputSpecs.Options(format));
        var line = Replace(run, pattern, replacement);

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Failed, result.Status);
        Assert.Null(result.Throughput);
        var failure = Assert.Single(result.Failures, f => f.Kind == "bad-iteration");
        Assert.Equal($"line {line}: '{Huge}' is not an iteration number (more than 1,000,000,000)", failure.Message);
        Assert.Equal(line, failure.Line);
    }

    [Fact]
    public void An_mmcv_precise_file_with_iter_1e30_is_a_bad_precise_file_naming_the_line()
    {
        // Arrange
        using var run = new TestRun(ThroughputSpecs.Options("mmcv") with { Precise = true });
        var precise = Directory.GetFiles(run.Folder, "*.log.json").Single();
        var lines = File.ReadAllLines(precise);
        var index = Array.FindIndex(lines, l => l.Contains("\"iter\": 300,"));
        lines[index] = lines[index].Replace("\"iter\": 300,", "\"iter\": 1e30,");
        File.WriteAllLines(precise, lines);

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Failed, result.Status);
        Assert.StartsWith("bad-precise-file: ", result.Reason);
        Assert.Contains($"{precise}:{index + 1}: 'iter' 1E+30 is not an iteration number", result.Reason);
    }

    [Theory]
    [InlineData("maskrcnn-benchmark", @"\((\d+\.\d+)\)  data", "(nan)  data", "the timing 'nan' is not a number of seconds")]
    [InlineData("maskrcnn-benchmark", @"\((\d+\.\d+)\)  data", "(-0.2500)  data", "the timing '-0.2500' is not a number of seconds")]
    [InlineData("maskrcnn-benchmark", @"\((\d+\.\d+)\)  data", "(inf)  data", "the timing 'inf' is not a number of seconds")]
    [InlineData("detectron2", @"  time: \d+\.\d+", "  time: -1.0", "the timing '-1.0' is not a number of seconds")]
    [InlineData("mmcv", @"time: \d+\.\d+,", "time: nan,", "the timing 'nan' is not a number of seconds")]
    [InlineData("mxnet-speedometer", @"Speed: \d+\.\d+", "Speed: -5.00", "the speed '-5.00' is not a positive number of samples/s")]
    [InlineData("tensorpack", @"Throughput \(samples/sec\): \S+", "Throughput (samples/sec): nan", "the speed 'nan' is not a positive")]
    public void Timings_that_are_not_seconds_are_named_with_their_line(string format, string pattern, string replacement, string named)
    {
        // Arrange: every timing of the log is broken, as in a log whose clock went wrong
        using var run = new TestRun(ThroughputSpecs.Options(format));
        var text = File.ReadAllText(run.Run.Log);
        File.WriteAllText(run.Run.Log, Regex.Replace(text, pattern, replacement));

        // Act
        var result = run.Parse();

        // Assert: the iterations are seen; the message says which timing is bad and where
        Assert.Equal(ThroughputResult.Failed, result.Status);
        Assert.StartsWith("window-not-covered: the log reaches iteration", result.Reason);
        Assert.Matches($@"timings set aside: line \d+: {Regex.Escape(named)}", result.Reason);
    }

    [Fact]
    public void A_global_average_that_decreases_names_the_span_it_makes_negative()
    {
        // Arrange: the global average at iteration 300 is far too large, so 301..320 would take negative time
        using var run = new TestRun(ThroughputSpecs.Options("maskrcnn-benchmark"));
        var line = Replace(run, @"(iter: 300 .*?time: \S+ )\(\d+\.\d+\)", "$1(9.9999)");

        // Act
        var result = run.Parse();

        // Assert: the timing named with its values and lines, not blamed on a missing line
        Assert.Equal(ThroughputResult.Failed, result.Status);
        Assert.StartsWith(
            "window-not-covered: the log reaches iteration 600 but its timings of iterations 101..500 are impossible: ",
            result.Reason
        );
        Assert.Matches(
            $@"line {line + 1}: iterations 301\.\.320 take -\d+(\.\d+)? s by the log's timings, which give 2999\.97 s to iteration 300 \(line {line}\) and \d+(\.\d+)? s to iteration 320 \(line {line + 1}\)",
            result.Reason
        );
        Assert.DoesNotContain("a timing line is missing", result.Reason);
    }

    [Fact]
    public void A_global_average_so_large_that_the_time_is_infinite_names_the_infinite_spans()
    {
        // Arrange: 300 iterations at 1e308 s each overflow to infinity
        using var run = new TestRun(ThroughputSpecs.Options("maskrcnn-benchmark"));
        var line = Replace(run, @"(iter: 300 .*?time: \S+ )\(\d+\.\d+\)", "$1(1e308)");

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Failed, result.Status);
        Assert.Contains("are impossible: ", result.Reason);
        Assert.Contains($"line {line}: iterations 281..300 take infinitely many seconds by the log's timings", result.Reason);
        Assert.Contains($"line {line + 1}: iterations 301..320 take minus infinitely many seconds", result.Reason);
        Assert.DoesNotContain("a timing line is missing", result.Reason);
    }

    [Theory]
    [InlineData("[{\"global_step\": 50, \"Throughput (samples/sec)\": 10", "Unexpected end")]
    [InlineData("not json", "Unexpected character")]
    public void An_unreadable_tensorpack_stats_json_fails_clearly_instead_of_being_ignored(string text, string problem)
    {
        // Arrange
        using var run = new TestRun(ThroughputSpecs.Options("tensorpack") with { Precise = true });
        File.WriteAllText(Directory.GetFiles(run.Folder, "stats.json", SearchOption.AllDirectories).Single(), text);

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Failed, result.Status);
        Assert.StartsWith("bad-precise-file: a precise file beside", result.Reason);
        Assert.Contains(problem, result.Reason);
    }
}
