using MaskBench.History.Bisect;
using MaskBench.Reports;
using MaskBench.Reports.Charts;
using MaskBench.Tests.Snapshots;

namespace MaskBench.Tests.History;

public sealed class ChartSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-charts-").FullName;

    [Fact]
    public void The_report_over_time_shows_each_commit_with_its_spread_the_published_band_and_regressions()
    {
        // Arrange: twelve commits a day apart, three runs each, slower from commit 8 on.
        using var repository = SpeedRepository.Step(count: 12, firstSlow: 8, fast: 62, slow: 56);
        var history = Runs.Measured(repository, new FakeProbe(repository.Clone, noise: 0.01, seed: 3), "detectron2", each: 3);

        // Act
        var points = Timeline.Of(history, baselineRuns: 9);
        var svg = HistoryChart.Svg("detectron2", Runs.Machine, points, published: (61.5, 62.5));

        // Assert
        Assert.Equal([repository.Commits[8]], points.Where(p => p.Regressed).Select(p => p.Commit));
        Assert.Null(points[0].Verdict);
        Snapshot.Match("history-chart", svg, "svg");
    }

    [Fact]
    public void A_regression_at_the_newest_commit_keeps_its_label_inside_the_chart_and_every_point_has_a_tooltip()
    {
        // Arrange: the last commit is the slow one, at the chart's right edge
        using var repository = SpeedRepository.Step(count: 12, firstSlow: 11, fast: 62, slow: 55);
        var history = Runs.Measured(repository, new FakeProbe(repository.Clone, noise: 0.01, seed: 3), "detectron2", each: 3);

        // Act
        var points = Timeline.Of(history, baselineRuns: 9);
        var svg = HistoryChart.Svg("detectron2", Runs.Machine, points, published: null);

        // Assert
        var label = System.Text.RegularExpressions.Regex.Match(
            svg,
            $@"<text x=""([0-9.]+)""[^>]*text-anchor=""(start|end)""[^>]*>{repository.Commits[11][..7]} "
        );
        Assert.True(label.Success, svg);
        Assert.Equal("end", label.Groups[2].Value);
        Assert.True(double.Parse(label.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < 760);
        Assert.Equal(points.Count, System.Text.RegularExpressions.Regex.Count(svg, "<title>[0-9a-f]{7} \\("));
        Assert.Contains("img/s, median of 3 runs, min–max ", svg);
        Assert.Empty(MaskBench.Tests.Reports.SvgLabels.Outside(svg));
    }

    [Fact]
    public async Task The_bisect_chart_shows_the_probes_in_commit_order()
    {
        // Arrange
        using var repository = SpeedRepository.With([60, 60, 60, 60, null, 60, 60, 54, 54, 54, 54, 54, 54, 54, 54, 54]);
        var result = await BisectAsync(repository);

        // Act
        var svg = BisectChart.Svg(result);

        // Assert
        Assert.Equal(repository.Commits[7], result.FirstBad);
        Assert.Contains($"first bad {repository.Commits[7][..12]}", svg);
        Snapshot.Match("history-bisect-chart", svg, "svg");
        Snapshot.Match("history-bisect", result.Markdown(), "md");
    }

    [Fact]
    public async Task A_first_bad_commit_at_the_bisect_s_end_keeps_its_label_inside_and_every_probe_has_a_tooltip()
    {
        // Arrange: only the last commit is slow, at the chart's right edge
        using var repository = SpeedRepository.With([60, 60, 60, 60, 60, 60, 60, 54]);
        var result = await BisectAsync(repository);

        // Act
        var svg = BisectChart.Svg(result);

        // Assert
        Assert.Equal(repository.Commits[^1], result.FirstBad);
        Assert.Contains("text-anchor=\"end\" fill=\"#d62728\">first bad", svg);
        Assert.Empty(MaskBench.Tests.Reports.SvgLabels.Outside(svg));
        Assert.Equal(result.Probes.Count, System.Text.RegularExpressions.Regex.Count(svg, "<title>[0-9a-f]{7}: "));
        Assert.Matches(
            $"<title>{repository.Commits[^1][..7]}: 5[34]\\.[0-9] img/s, median of [0-9]+ runs, min–max [0-9.]+–[0-9.]+; bad</title>",
            svg
        );
    }

    /// <summary>Bisects detectron2 over the whole repository with the fake probe (5 runs a commit at most, 10 in all).</summary>
    async Task<BisectResult> BisectAsync(SpeedRepository repository)
    {
        var commits = await CommitRange.Between(repository.Clone, repository.Commits[0], repository.Commits[^1], default);
        return await Bisection.Run(
            "detectron2",
            commits,
            new FakeProbe(repository.Clone).Measure,
            folder,
            new BisectOptions(5, 10),
            default
        );
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
