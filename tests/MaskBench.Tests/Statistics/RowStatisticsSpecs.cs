using MaskBench.Foundation.Statistics;

namespace MaskBench.Tests.Statistics;

public sealed class RowStatisticsSpecs
{
    [Fact]
    public void A_user_gets_the_median_its_exact_interval_the_spread_and_the_count_of_runs()
    {
        // Arrange
        double[] runs = [50, 52, 53, 54, 56, 51, 55];

        // Act
        var row = RowStatistics.Of(runs);

        // Assert: with 7 runs the narrowest interval reaching 95 % is [x(1), x(7)], covering with 1 - 2/2^7
        Assert.Equal(7, row.N);
        Assert.Equal(53, row.Median);
        Assert.Equal((50, 56), (row.Interval!.Low, row.Interval.High));
        Assert.Equal(1 - 2.0 / 128, row.Interval!.Confidence, 6);
        Assert.Equal(Math.Sqrt(28.0 / 6) / 53, row.Cov!.Value, 6);
    }

    [Fact]
    public void With_twenty_runs_the_interval_drops_the_five_outermost_on_each_side()
    {
        // Arrange: P(B <= 5) = 0.0207 for B ~ Binomial(20, 1/2), so [x(6), x(15)] covers with 95.86 %
        var runs = Enumerable.Range(1, 20).Select(i => (double)i).Reverse().ToArray();

        // Act
        var ci = RowStatistics.Of(runs).Interval!;

        // Assert
        Assert.Equal((6, 15), (ci.Low, ci.High));
        Assert.Equal(0.9586, ci.Confidence, 4);
        Assert.True(ci.Full);
    }

    [Fact]
    public void With_one_run_there_is_no_interval_and_no_spread()
    {
        // Act
        var row = RowStatistics.Of([53.2]);

        // Assert
        Assert.Equal((1, 53.2), (row.N, row.Median));
        Assert.Null(row.Interval);
        Assert.Null(row.Cov);
    }

    [Fact]
    public void With_five_runs_the_interval_is_the_range_and_says_it_reaches_less_than_95_percent()
    {
        // Act
        var ci = RowStatistics.Of([53, 51, 55, 52, 54]).Interval!;

        // Assert
        Assert.Equal((51, 55), (ci.Low, ci.High));
        Assert.Equal(0.9375, ci.Confidence, 8);
        Assert.False(ci.Full);
        Assert.Contains("too few runs for 95 %", ci.ToString());
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    public void The_95_percent_interval_covers_the_true_median_in_about_95_percent_of_seeded_trials(int runs)
    {
        // Arrange
        var draws = new Draws(median: 100, relativeNoise: 0.02, seed: 1234 + runs);

        // Act
        var covered = Enumerable
            .Range(0, 1000)
            .Count(_ => RowStatistics.Of(draws.Next(runs)).Interval is { } ci && ci.Low <= 100 && 100 <= ci.High);

        // Assert
        Assert.InRange(covered / 1000.0, 0.90, 0.99);
    }

    [Fact]
    public void A_failed_run_has_no_throughput_to_count()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => RowStatistics.Of([53, double.NaN]));

        // Assert
        Assert.Contains("positive finite number", error.Message);
    }

    [Fact]
    public void No_runs_is_refused_with_one_line()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => RowStatistics.Of([]));

        // Assert
        Assert.DoesNotContain('\n', error.Message);
    }
}
