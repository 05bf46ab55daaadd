using MaskBench.Parsing;

namespace MaskBench.Tests.Parsing;

public class ThroughputSpecs
{
    public static TheoryData<string, int, int, bool> Windows =>
        new()
        {
            { "detectron2", 101, 500, true },
            { "mmcv", 101, 500, true },
            { "maskrcnn-benchmark", 101, 500, true },
            { "tensorpack", 101, 500, true },
            { "mxnet-speedometer", 102, 501, false },
            { "detectron", 102, 501, false },
            { "keras-progbar", 101, 500, true },
        };

    internal static LogOptions Options(string format) =>
        format switch
        {
            "tensorpack" => new LogOptions(format, Images: 8),
            "keras-progbar" => new LogOptions(format, Time: 1.0),
            _ => new LogOptions(format),
        };

    static void AssertClose(double expected, double? actual, double relative)
    {
        Assert.NotNull(actual);
        Assert.True(Math.Abs(actual.Value - expected) <= relative * expected, $"expected {expected} within {relative:P2}, got {actual}");
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void Every_format_gives_the_series_throughput_over_the_window_it_claims(string format, int first, int last, bool exact)
    {
        // Arrange
        using var run = new TestRun(Options(format));

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Ok, result.Status);
        Assert.Equal(new IterationRange(first, last), result.Measured);
        Assert.Equal(exact, result.Exact);
        Assert.Equal(new IterationRange(101, 500), result.Requested);
        AssertClose(run.Options.Expected(result.Measured!), result.Throughput, 1e-3);
        if (exact)
            Assert.DoesNotContain("closest", result.Method);
        else
            Assert.Contains("closest", result.Method);
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void Colour_redraws_other_ranks_noise_and_a_partial_last_line_change_nothing(string format, int first, int last, bool exact)
    {
        // Arrange
        using var clean = new TestRun(Options(format));
        using var messy = new TestRun(Options(format) with { Ansi = true, Ranks = 8, Noise = true, Redraw = true, PartialLastLine = true });

        // Act
        var expected = clean.Parse();
        var actual = messy.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Ok, actual.Status);
        Assert.Equal(new IterationRange(first, last), actual.Measured);
        Assert.Equal(exact, actual.Exact);
        Assert.Equal(expected.Throughput, actual.Throughput);
    }

    [Theory]
    [InlineData("detectron2", 0.0)]
    [InlineData("mmcv", 0.0)]
    [InlineData("maskrcnn-benchmark", 0.0)]
    [InlineData("tensorpack", 8 * 0.5)]
    [InlineData("mxnet-speedometer", 0.0)]
    [InlineData("detectron", 0.0)]
    [InlineData("keras-progbar", 7 * 0.8)]
    public void The_harness_timestamps_cross_check_the_parsed_throughput(string format, double secondsBetweenEpochs)
    {
        // Arrange: the test logs spend 0.5 s (tensorpack) or 0.8 s (keras) between epochs, outside the printed timing
        using var run = new TestRun(Options(format));

        // Act
        var result = run.Parse();

        // Assert: the harness times the window from its opening line to its closing line, the gaps included
        var window = result.Measured!;
        var expected = run.Options.Images * (double)window.Count / (run.Options.Sum(window.First, window.Last) + secondsBetweenEpochs);
        AssertClose(expected, result.HarnessThroughput, 1e-4);
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void Another_window_on_the_logs_period_is_measured_the_same_way(string format, int first, int last, bool exact)
    {
        // Arrange: 1-based 201..400 instead of the page's 101..500
        using var run = new TestRun(Options(format));
        var shift = first - 101;

        // Act
        var result = run.Parse(new Window(200, 400));

        // Assert
        Assert.Equal(new IterationRange(201 + shift, 400 + (last - 500)), result.Measured);
        Assert.Equal(exact, result.Exact);
        AssertClose(run.Options.Expected(result.Measured!), result.Throughput, 1e-3);
    }

    [Fact]
    public void Keras_without_line_times_falls_back_to_whole_seconds_and_says_so()
    {
        // Arrange
        using var run = new TestRun(Options("keras-progbar") with { Times = false });

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Ok, result.Status);
        Assert.False(result.Exact);
        Assert.Contains("whole seconds", result.Method);
        AssertClose(run.Options.Expected(new IterationRange(101, 500)), result.Throughput, 0.01);
    }

    [Fact]
    public void Detectron_capped_at_500_iterations_measures_102_to_500()
    {
        // Arrange
        using var run = new TestRun(new LogOptions("detectron", Iterations: 500));

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(new IterationRange(102, 500), result.Measured);
        AssertClose(run.Options.Expected(new IterationRange(102, 500)), result.Throughput, 1e-3);
        Assert.Contains("16*399/(479*T499 - 80*T100)", result.Method);
    }

    [Theory]
    [InlineData("mmcv", ".log.json")]
    [InlineData("tensorpack", "stats.json")]
    public void A_precise_file_beside_the_log_is_preferred(string format, string suffix)
    {
        // Arrange
        using var run = new TestRun(Options(format) with { Precise = true });

        // Act
        var result = run.Parse();

        // Assert
        Assert.EndsWith(suffix, result.Source);
        AssertClose(run.Options.Expected(result.Measured!), result.Throughput, format == "tensorpack" ? 1e-9 : 2e-4);
    }

    [Fact]
    public void The_formula_names_the_page_figures_for_detectron2()
    {
        // Arrange
        using var run = new TestRun(Options("detectron2"));

        // Act
        var result = run.Parse();

        // Assert
        Assert.StartsWith("16*400/(498*T499 - 98*T99)", result.Method);
    }

    [Fact]
    public void An_unknown_format_is_refused_with_the_known_ones()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => LogFormats.Get("detectron3"));

        // Assert
        Assert.Contains("detectron3", error.Message);
        Assert.Contains("keras-progbar", error.Message);
        Assert.Equal(7, LogFormats.Known.Count);
    }
}
