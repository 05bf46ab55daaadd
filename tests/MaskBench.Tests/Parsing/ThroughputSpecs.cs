using MaskBench.Model.Logs;

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

    /// <summary>Multiplies every arrival time of a run folder's train.times.tsv (seconds since the log's first line) by <paramref name="factor"/>.</summary>
    internal static void StretchArrivals(string runFolder, double factor)
    {
        var times = new RunFolder(runFolder).Times;
        var rows = File.ReadAllLines(times).Select(row => row.Split('\t')).ToList();
        var first = double.Parse(rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllLines(
            times,
            rows.Select(r =>
                (first + (double.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture) - first) * factor).ToString(
                    "0.######",
                    System.Globalization.CultureInfo.InvariantCulture
                )
                + "\t"
                + r[1]
            )
        );
    }

    [Theory]
    [InlineData("detectron2", 0.0)]
    [InlineData("mmcv", 0.0)]
    [InlineData("maskrcnn-benchmark", 0.0)]
    [InlineData("tensorpack", 8 * 0.5)]
    [InlineData("mxnet-speedometer", 0.0)]
    [InlineData("detectron", 0.0)]
    [InlineData("keras-progbar", 0.0)]
    public void The_harness_times_the_window_s_spans_by_line_arrival_and_agrees_with_the_log(string format, double secondsBetweenEpochs)
    {
        // Arrange: tensorpack's test log spends 0.5 s between epochs outside its printed throughput (its callbacks);
        // keras's spends 0.8 s, but its spans run from 'Epoch e/E' to the epoch's final line, so the gap is not in them
        using var run = new TestRun(Options(format));

        // Act
        var result = run.Parse();

        // Assert: the window's spans timed from their opening to their closing lines
        var window = result.Measured!;
        var expected = run.Options.Images * (double)window.Count / (run.Options.Sum(window.First, window.Last) + secondsBetweenEpochs);
        AssertClose(expected, result.HarnessThroughput, 1e-4);
        Assert.Equal(ThroughputResult.Ok, result.Status);
        Assert.Null(result.Reason);
    }

    [Theory]
    [InlineData("detectron2")]
    [InlineData("mmcv")]
    [InlineData("maskrcnn-benchmark")]
    [InlineData("tensorpack")]
    [InlineData("mxnet-speedometer")]
    [InlineData("detectron")]
    public void A_log_whose_printed_times_are_half_the_wall_clock_is_suspect_and_says_both_figures(string format)
    {
        // Arrange: the lines arrived twice as slowly as the log's own timings claim (tensorpack's callback gaps double too)
        using var run = new TestRun(Options(format));
        StretchArrivals(run.Folder, 2.0);

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Suspect, result.Status);
        Assert.NotNull(result.Throughput);
        Assert.InRange(
            result.Throughput!.Value / result.HarnessThroughput!.Value,
            format == "tensorpack" ? 2.0 : 1.99,
            format == "tensorpack" ? 2.2 : 2.01
        );
        var figures = System.FormattableString.Invariant(
            $"give {result.Throughput:0.00} img/s, the harness's line times {result.HarnessThroughput:0.00} img/s: "
        );
        Assert.StartsWith("cross-check: the log's timings " + figures, result.Reason);
        Assert.EndsWith(format == "tensorpack" ? "% apart, more than 10 %" : "% apart, more than 1 %", result.Reason);
    }

    [Theory]
    [InlineData(1.005, ThroughputResult.Ok)]
    [InlineData(0.995, ThroughputResult.Ok)]
    [InlineData(1.015, ThroughputResult.Suspect)]
    [InlineData(0.985, ThroughputResult.Suspect)]
    public void The_log_and_the_harness_may_differ_by_one_percent(double stretch, string status)
    {
        // Arrange
        using var run = new TestRun(Options("maskrcnn-benchmark"));
        StretchArrivals(run.Folder, stretch);

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(status, result.Status);
        AssertClose(run.Options.Expected(result.Measured!), result.Throughput, 1e-3);
    }

    [Fact]
    public void Keras_reads_its_epochs_from_the_arrival_times_so_stretched_times_stretch_its_figure()
    {
        // Arrange: keras prints only whole seconds; with line times the figure is the harness's own
        using var run = new TestRun(Options("keras-progbar"));
        var before = run.Parse();
        StretchArrivals(run.Folder, 2.0);

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Ok, result.Status);
        AssertClose(before.Throughput!.Value / 2, result.Throughput, 1e-3);
        Assert.Equal(result.Throughput, result.HarnessThroughput);
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
