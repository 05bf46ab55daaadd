using MaskBench.Benchmark;
using MaskBench.History;
using MaskBench.Model.Catalog;
using MaskBench.Stages;
using MaskBench.Stages.Train;
using MaskBench.Tests.Snapshots;

namespace MaskBench.Tests.History;

public sealed class HistoryReportSpecs : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("maskbench-over-time-").FullName;

    StageContext Context() =>
        new(
            Workspace.Under(root),
            Chain.PageSettings.Of(),
            RecipeCatalog.Load(Paths.Repository("recipes")),
            new LocalExecutor(),
            "build.log"
        );

    [Fact]
    public void A_user_can_chart_an_implementation_s_speed_over_commits_from_the_history()
    {
        // Arrange: twelve commits of detectron2 a day apart, four runs each, slower from commit 8 on
        var context = Context();
        using var repository = SpeedRepository.Step(count: 12, firstSlow: 8, fast: 62, slow: 56);
        var store = new HistoryStore(context.Workspace.History);
        foreach (var record in Runs.Measured(repository, new FakeProbe(repository.Clone, noise: 0.01, seed: 3), "detectron2", each: 4))
            store.Append(record);

        // Act
        var written = new HistoryReportStage(context).Run(context.Catalog.All, baselineRuns: 12);

        // Assert
        var chart = Assert.Single(written);
        Assert.Equal(Path.Combine(context.Workspace.OverTime, Runs.Machine, "detectron2.svg"), chart);
        var svg = File.ReadAllText(chart);
        Assert.Contains($"{repository.Commits[8][..7]} -", svg); // the regression, marked with its change
        Assert.Contains("published 62", svg);
        var index = File.ReadAllText(Path.Combine(context.Workspace.OverTime, "index.html"));
        Assert.Contains($"<h2>{Runs.Machine}</h2>", index);
        Assert.Contains(svg, index);
        Snapshot.Match("history-report", svg, "svg");
        Snapshot.Match(
            "history-index",
            System.Text.RegularExpressions.Regex.Replace(index, @"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "(the time it was made)"),
            "html"
        );
    }

    [Fact]
    public void The_over_time_index_wears_the_style_of_benchmark_html()
    {
        // Arrange
        var context = Context();
        using var repository = SpeedRepository.Step(count: 3, firstSlow: 3);
        var store = new HistoryStore(context.Workspace.History);
        foreach (var record in Runs.Measured(repository, new FakeProbe(repository.Clone), "detectron2", each: 1))
            store.Append(record);

        // Act
        new HistoryReportStage(context).Run(context.Catalog.All, baselineRuns: 2);

        // Assert: the same style sheet, not a copy that drifts
        var index = File.ReadAllText(Path.Combine(context.Workspace.OverTime, "index.html"));
        var report = MaskBench.Reports.HtmlReport.Html([], DateTimeOffset.UnixEpoch);
        static string Style(string html) =>
            System
                .Text.RegularExpressions.Regex.Match(html, "<style>.*?</style>", System.Text.RegularExpressions.RegexOptions.Singleline)
                .Value;
        Assert.NotEqual("", Style(index));
        Assert.Equal(Style(report), Style(index));
        Assert.Contains("rolling baseline of the 2 runs before it", index);
    }

    [Fact]
    public void A_chart_pools_the_newest_comparability_key_and_names_the_runs_it_left_out()
    {
        // Arrange: six commits; the first three measured over another window (much faster), the last three with the
        // current key, one of whose runs was thermal.
        var context = Context();
        using var repository = SpeedRepository.Step(count: 6, firstSlow: 6);
        var store = new HistoryStore(context.Workspace.History);
        var c = repository.Commits;
        for (var i = 0; i < 6; i++)
        for (var run = 0; run < 2; run++)
            store.Append(
                Runs.Of(
                    "detectron2",
                    c[i],
                    repository.DateOf(c[i]),
                    i < 3 ? 90 : 60 + run * 0.1,
                    run,
                    key: i < 3 ? Runs.Key("4..10") : Runs.Key(),
                    gpu: i == 5 && run == 1 ? "thermal" : "clean"
                )
            );

        // Act
        var chart = Assert.Single(new HistoryReportStage(context).Run(context.Catalog.All, baselineRuns: 4));

        // Assert
        var svg = File.ReadAllText(chart);
        Assert.DoesNotContain(c[0][..7], svg);
        Assert.Contains(c[3][..7], svg);
        var index = File.ReadAllText(Path.Combine(context.Workspace.OverTime, "index.html"));
        Assert.Contains(
            "<p class=\"note\">Runs of window 101..500, 16 img/iteration, page stack, environment surround0123, 8 GPUs, settings batch=2; left out: 6 runs of another window 4..10; 1 run judged thermal.</p>",
            index
        );
    }

    [Fact]
    public void An_empty_history_is_refused_in_one_line()
    {
        // Act
        var error = Assert.Throws<ChainException>(() => new HistoryReportStage(Context()).Run(Context().Catalog.All, 10));

        // Assert
        Assert.Contains("holds no runs of", error.Message);
        Assert.Contains("run Benchmark or Track-<Id> first", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
