using MaskBench.Foundation.Statistics;

namespace MaskBench.Tests.Statistics;

public sealed class WithinRunSpecs
{
    [Fact]
    public void A_steady_run_has_no_warnings()
    {
        // Arrange: 20-iteration spans of 0.6 s per iteration, ±0.5 %
        var spans = Enumerable.Range(0, 24).Select(i => new TimedSpan(20, 20 * 0.6 * (1 + (i % 2 == 0 ? 0.005 : -0.005)))).ToList();

        // Act
        var run = WithinRun.Of(spans)!;

        // Assert
        Assert.Equal(480, run.Iterations);
        Assert.Equal(0.6, run.MedianSeconds, 3);
        Assert.Empty(run.Warnings);
        Assert.Equal(0, run.Stalls);
    }

    [Fact]
    public void A_run_that_slows_down_shows_its_drift_per_100_iterations()
    {
        // Arrange: time per iteration grows from 0.5 s by 0.012 s every 100 iterations (about 2.3 % of the mean per 100)
        var spans = Enumerable.Range(0, 400).Select(i => new TimedSpan(1, 0.5 + 0.00012 * i)).ToList();

        // Act
        var run = WithinRun.Of(spans)!;

        // Assert: slope 0.00012 s per iteration, mean 0.52394 s
        Assert.Equal(0.012 / 0.52394, run.DriftPer100!.Value, 6);
        Assert.Contains(run.Warnings, w => w.Contains("slow down"));
    }

    [Fact]
    public void A_window_shorter_than_100_iterations_states_no_drift_per_100()
    {
        // Arrange: 8 iterations that slow down steeply, as a smoke window does
        var spans = Enumerable.Range(0, 8).Select(i => new TimedSpan(1, 0.5 + 0.01 * i)).ToList();

        // Act
        var run = WithinRun.Of(spans)!;

        // Assert
        Assert.Null(run.DriftPer100);
        Assert.DoesNotContain(run.Warnings, w => w.Contains("per 100"));
    }

    [Fact]
    public void Iterations_three_times_slower_than_the_median_count_as_stalls()
    {
        // Arrange
        var spans = Enumerable.Repeat(new TimedSpan(1, 0.5), 100).ToList();
        spans[10] = new TimedSpan(1, 1.6);
        spans[70] = new TimedSpan(1, 4.0);
        spans[80] = new TimedSpan(1, 1.4);

        // Act
        var run = WithinRun.Of(spans)!;

        // Assert
        Assert.Equal(2, run.Stalls);
        Assert.Contains("2 stalls (over 3× the median iteration time)", run.Warnings);
    }

    [Fact]
    public void Spans_the_log_rounds_to_no_time_are_left_out()
    {
        // Act
        var run = WithinRun.Of([new TimedSpan(20, 12.0), new TimedSpan(20, 0), new TimedSpan(20, 12.2)])!;

        // Assert
        Assert.Equal(40, run.Iterations);
        Assert.Null(WithinRun.Of([new TimedSpan(1, 0)]));
    }
}
