using MaskBench.Foundation.Statistics;

namespace MaskBench.Tests.Statistics;

public sealed class ComparisonSpecs
{
    static RowStatistics Row(params double[] runs) => RowStatistics.Of(runs);

    [Theory]
    [InlineData(new[] { 52.0, 53, 53.5, 54, 52.5, 53.2 }, 53, PageConsistency.Consistent)]
    [InlineData(new[] { 62.0, 63, 63.5, 64, 62.5, 63.2 }, 53, PageConsistency.Faster)]
    [InlineData(new[] { 42.0, 43, 43.5, 44, 42.5, 43.2 }, 53, PageConsistency.Slower)]
    [InlineData(new[] { 50.0, 58, 53.5, 54, 52.5, 59 }, 53, PageConsistency.Inconclusive)]
    public void A_row_is_consistent_with_the_page_only_when_its_whole_interval_lies_in_the_band(
        double[] runs,
        double published,
        string outcome
    )
    {
        // Act
        var consistency = PageConsistency.Of(Row(runs), published, band: 0.10);

        // Assert
        Assert.Equal(outcome, consistency.Outcome);
        Assert.StartsWith(outcome, consistency.Sentence);
    }

    [Fact]
    public void One_run_cannot_be_consistent_with_the_page()
    {
        // Act
        var consistency = PageConsistency.Of(Row(53), 53);

        // Assert
        Assert.Equal(PageConsistency.Inconclusive, consistency.Outcome);
    }

    [Fact]
    public void Ratios_are_taken_against_the_page_s_fastest_that_ran_by_default()
    {
        // Arrange: on a slower machine everything runs at half the page's speed, mmdetection at a third
        var published = new Dictionary<string, double>
        {
            ["detectron2"] = 62,
            ["mmdetection"] = 53,
            ["simpledet"] = 39,
            ["tensorpack"] = 50,
        };
        var measured = new Dictionary<string, RowStatistics>
        {
            ["detectron2"] = Row(30.5, 31, 31.2, 30.8, 31.1, 30.9),
            ["mmdetection"] = Row(17.4, 17.6, 17.7, 17.5, 17.8, 17.6),
            ["simpledet"] = Row(19.4, 19.5, 19.6, 19.5, 19.4, 19.6),
            ["keras"] = Row(5, 5.1, 5.2, 5, 5.1, 5.2),
        };

        // Act
        var ratios = RatioOfRatios.Of(measured, published)!;

        // Assert: tensorpack did not run and keras has no page figure: neither takes part
        Assert.Equal("detectron2", ratios.Reference);
        Assert.Contains("fastest that ran", ratios.Rule);
        Assert.Equal(["detectron2", "mmdetection", "simpledet"], ratios.Entries.Select(e => e.Id));
        var mm = ratios.Entries.Single(e => e.Id == "mmdetection");
        Assert.Equal(17.6 / 30.95 / (53.0 / 62), mm.Value, 6);
        Assert.Equal(PageConsistency.Slower, mm.Outcome);
        Assert.Equal(PageConsistency.Consistent, ratios.Entries.Single(e => e.Id == "simpledet").Outcome);
        Assert.Equal(RatioEntry.Reference, ratios.Entries.Single(e => e.Id == "detectron2").Outcome);
    }

    [Fact]
    public void A_reference_that_did_not_run_is_refused_naming_the_ones_that_did()
    {
        // Arrange
        var published = new Dictionary<string, double> { ["detectron2"] = 62, ["mmdetection"] = 53 };
        var measured = new Dictionary<string, RowStatistics> { ["mmdetection"] = Row(53) };

        // Act
        var error = Assert.Throws<ArgumentException>(() => RatioOfRatios.Of(measured, published, reference: "detectron2"));

        // Assert
        Assert.Contains("pick one of mmdetection", error.Message);
    }

    [Fact]
    public void Overlapping_neighbours_get_an_estimate_of_the_runs_that_would_rank_them()
    {
        // Arrange: 53 vs 53.6 with about 1 % noise: intervals of 6 runs overlap
        var a = Row(52.5, 53.5, 52.8, 53.3, 52.4, 53.6);
        var b = Row(53.1, 54.1, 53.4, 53.9, 53.0, 54.2);

        // Act
        var separation = Separation.Of(a, b);

        // Assert: n >= (1.96 sqrt(pi/2) (sa + sb) / 0.6)^2, minus the 6 already run
        Assert.True(separation.Overlap);
        var expected =
            (int)
                Math.Ceiling(
                    Math.Pow(1.96 * Math.Sqrt(Math.PI / 2) * (a.StandardDeviation + b.StandardDeviation) / Math.Abs(a.Median - b.Median), 2)
                ) - 6;
        Assert.Equal(expected, separation.MoreRuns);
        Assert.Contains($"about {expected} more runs", separation.Hint);
    }

    [Fact]
    public void Neighbours_whose_intervals_separate_need_no_hint()
    {
        // Act
        var separation = Separation.Of(Row(50, 50.5, 50.2, 50.4, 50.1, 50.3), Row(53, 53.5, 53.2, 53.4, 53.1, 53.3));

        // Assert
        Assert.False(separation.Overlap);
        Assert.Null(separation.Hint);
    }
}
