using MaskBench.Foundation.Statistics;
using MaskBench.Model.Logs;
using MaskBench.Reports;
using Newtonsoft.Json.Linq;

namespace MaskBench.Tests.Reports;

/// <summary>What the table says between its rows and against the page: neighbours' verdicts, how many more runs would
/// rank two rows, consistency with the published figure, the ratio of ratios.</summary>
public sealed class TableAnalysisSpecs
{
    static BenchmarkRow Row(string id, double? published, params double[] runs) =>
        new BenchmarkRow(
            id,
            id,
            "detectron2",
            ThroughputResult.Ok,
            Samples.Median(runs),
            published,
            null,
            new IterationRange(101, 500),
            new IterationRange(101, 500),
            true,
            16,
            null,
            null,
            null
        )
        {
            Runs = [.. runs.Select((t, i) => new RunFigure(i + 1, ThroughputResult.Ok, t, "clean"))],
            Interval = RowStatistics.Of(runs).Interval is { } c ? [c.Low, c.High] : null,
            IntervalConfidence = RowStatistics.Of(runs).Interval?.Confidence,
        };

    [Fact]
    public void Two_clearly_apart_implementations_are_ranked_with_the_smallest_p_their_runs_allow()
    {
        // Arrange
        var fast = Row("a", 62, 61.0, 62.0, 61.5, 62.5, 61.8);
        var slow = Row("b", 53, 52.0, 53.1, 52.5, 53.4, 52.8);

        // Act
        var analysis = TableAnalysis.Of([slow, fast]);

        // Assert
        var pair = Assert.Single(analysis.Neighbours);
        Assert.Equal(("a", "b"), (pair.Implementation, pair.Next));
        Assert.Equal(Verdict.Faster, pair.Verdict.Outcome);
        Assert.Equal(2.0 / 252, pair.Verdict.MinimalP, 6);
        Assert.Equal(pair.Verdict.MinimalP, pair.Verdict.P!.Value, 6);
        Assert.False(pair.Separation.Overlap);
        Assert.All(analysis.Page, p => Assert.Equal(PageConsistency.Consistent, p.Consistency.Outcome));
        Assert.Equal("a", analysis.Ratios!.Reference);
        Assert.Equal(PageConsistency.Consistent, analysis.Ratios.Entries.Single(e => e.Id == "b").Outcome);
    }

    [Fact]
    public void An_A_A_comparison_of_the_same_speed_is_the_same_not_a_difference()
    {
        // Arrange: the same commit measured twice, under 0.5 % apart
        var first = Row("a", null, 60.0, 60.1, 60.2, 59.9, 60.05);
        var second = Row("b", null, 60.1, 59.95, 60.15, 60.0, 60.2);

        // Act
        var pair = Assert.Single(TableAnalysis.Of([first, second]).Neighbours);

        // Assert
        Assert.Equal(Verdict.Same, pair.Verdict.Outcome);
        Assert.Contains("the difference is within the noise", pair.Separation.Hint ?? "");
    }

    [Fact]
    public void Overlapping_intervals_say_about_how_many_more_runs_would_rank_the_two()
    {
        // Arrange: 3 % apart with 2 % noise
        var a = Row("a", null, 61.8, 60.0, 63.0, 59.5, 62.4, 61.0);
        var b = Row("b", null, 60.0, 58.2, 61.1, 57.7, 60.5, 59.3);

        // Act
        var pair = Assert.Single(TableAnalysis.Of([a, b]).Neighbours);

        // Assert
        Assert.True(pair.Separation.Overlap);
        Assert.InRange(pair.Separation.MoreRuns!.Value, 1, Separation.Bound);
        Assert.Contains($"needs about {pair.Separation.MoreRuns} more runs each", AnalysisText.Markdown(TableAnalysis.Of([a, b]), [a, b]));
    }

    [Fact]
    public void One_run_each_says_once_how_many_runs_a_ranking_needs()
    {
        // Arrange
        IReadOnlyList<BenchmarkRow> rows = [Row("a", 62, 61.9), Row("b", 53, 52.9), Row("c", 50, 49.9)];

        // Act
        var text = AnalysisText.Markdown(TableAnalysis.Of(rows), rows);

        // Assert
        Assert.Contains("One run each: no two implementations can be ranked by a test. Run --repeats 4 or more", text);
        Assert.DoesNotContain("a vs b", text);
        Assert.Contains("- a: inconclusive: one run (-0.2 % from the page's 62 img/s ±10 %); no interval.", text);
    }

    [Fact]
    public void One_run_each_is_said_only_when_every_row_has_one_run()
    {
        // Act
        var single = TableAnalysis.Of([Row("a", 62, 61.0, 62.0, 63.0)]);
        var mixed = TableAnalysis.Of([Row("a", 62, 61.9), Row("b", 53, 52.0, 53.0, 54.0)]);
        var ones = TableAnalysis.Of([Row("a", 62, 61.9), Row("b", 53, 52.9)]);

        // Assert
        Assert.False(single.OneRunEach);
        Assert.False(mixed.OneRunEach);
        Assert.True(ones.OneRunEach);
    }

    [Fact]
    public void A_reference_that_was_not_measured_leaves_out_the_ratio_of_ratios_and_says_why()
    {
        // Arrange
        IReadOnlyList<BenchmarkRow> rows = [Row("a", 62, 61, 62, 63), Row("b", 53, 52, 53, 54)];

        // Act
        var analysis = TableAnalysis.Of(rows, reference: "c");

        // Assert
        Assert.Null(analysis.Ratios);
        Assert.Contains("the reference implementation 'c' was not both measured and published: pick one of a, b", analysis.RatiosNote);
        Assert.Contains("None: the reference implementation 'c'", AnalysisText.Markdown(analysis, rows));
    }

    [Fact]
    public void Thermal_and_failed_runs_are_not_counted_and_a_failed_row_takes_no_part()
    {
        // Arrange
        var row = Row("a", 62, 61, 62, 63) with
        {
            Runs =
            [
                new RunFigure(1, "ok", 61, "clean"),
                new RunFigure(2, "ok", 40, "thermal"),
                new RunFigure(3, "failed", null, "unknown"),
                new RunFigure(4, "ok", 63, "power-capped"),
            ],
        };
        var failed = Row("b", 53, 52) with { Status = ThroughputResult.Failed };

        // Act
        var analysis = TableAnalysis.Of([row, failed]);

        // Assert
        Assert.Equal([61.0, 63.0], TableAnalysis.Counted(row));
        Assert.Empty(TableAnalysis.Counted(failed));
        Assert.Empty(analysis.Neighbours);
        Assert.Equal("a", Assert.Single(analysis.Page).Implementation);
    }

    [Fact]
    public void The_json_table_carries_the_analysis_beside_the_rows()
    {
        // Arrange
        IReadOnlyList<BenchmarkRow> rows = [Row("a", 62, 61.0, 62.0, 61.5, 62.5, 61.8), Row("b", 53, 52.0, 53.1, 52.5, 53.4, 52.8)];

        // Act
        var json = JObject.Parse(BenchmarkTable.Json(rows));

        // Assert
        Assert.Equal("faster", (string?)json["analysis"]!["neighbours"]![0]!["verdict"]!["outcome"]);
        Assert.Equal("consistent", (string?)json["analysis"]!["page"]![1]!["consistency"]!["outcome"]);
        Assert.Equal("a", (string?)json["analysis"]!["ratios"]!["reference"]);
        Assert.Contains(",5,", BenchmarkTable.Csv(rows).Split('\n')[1]);
    }
}
