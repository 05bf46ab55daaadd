using MaskBench.Foundation.Files;
using MaskBench.History;
using MaskBench.Model.Catalog;
using MaskBench.Reports;
using MaskBench.Reports.Charts;
using MaskBench.Stages;
using Serilog;

namespace MaskBench.Benchmark;

/// <summary>
/// <c>HistoryReport</c>: the report over time, from the history (<c>--history</c>) through its index. Per machine key
/// and implementation, <c>artifacts/over-time/&lt;machine-key&gt;/&lt;id&gt;.svg</c> shows throughput by commit date with
/// the min–max of each commit's runs, the published figure as a band, and the commits slower than the rolling baseline
/// before them (<c>--baseline-runs</c> runs, the statistics' verdict) in red; <c>index.html</c> shows them all. A chart
/// pools one comparability key, the newest poolable run's (<see cref="Pooling"/>), and names the runs it left out.
/// </summary>
internal sealed class HistoryReportStage(StageContext context)
{
    public const string Description =
        "Chart each implementation's throughput over commits from the history (--history), per machine: artifacts/over-time/";

    /// <summary>The page prints whole img/s: the published figure is a band of ± half an image per second.</summary>
    const double PublishedRounding = 0.5;

    /// <returns>The charts written, as paths.</returns>
    public IReadOnlyList<string> Run(IReadOnlyList<Recipe> recipes, int baselineRuns)
    {
        var store = new HistoryStore(context.Workspace.History);
        using var index = HistoryIndex.Rebuild(store, context.Workspace.HistoryIndex);
        foreach (var file in index.Unreadable)
            Log.Warning("History file skipped: {File}", file);
        if (index.UnkeyedNote is { } unkeyed)
            Log.Warning("HistoryReport: {Note}", unkeyed);
        var charts = new List<OverTimeChart>();
        foreach (var machine in index.MachineKeys())
        foreach (var recipe in recipes)
            if (index.Runs(machine, recipe.Id) is { Count: > 0 } runs)
            {
                // One chart pools one comparability key: the newest poolable run's; the others are named beside it.
                var key = Pooling.NewestKey(runs.Where(r => r.Poolable));
                var pooled = runs.Where(r => Pooling.Pools(key, r)).ToList();
                var leftOut = Pooling.Why(key, runs.Where(r => r.Measured && !Pooling.Pools(key, r)));
                if (leftOut is not null)
                    Log.Warning("HistoryReport: {Implementation} on {Machine}: left out {LeftOut}", recipe.Id, machine, leftOut);
                if (pooled.Count == 0)
                    continue;
                var band = recipe.Published is { } p ? (p - PublishedRounding, p + PublishedRounding) : ((double, double)?)null;
                var svg = HistoryChart.Svg(recipe.Id, machine, Timeline.Of(pooled, baselineRuns), band);
                charts.Add(
                    new OverTimeChart(
                        machine,
                        recipe.Id,
                        recipe.Name,
                        svg,
                        leftOut is null ? null : $"Runs of {key?.ToString() ?? "no comparability key (schema 1)"}; left out: {leftOut}."
                    )
                );
            }
        if (charts.Count == 0)
            throw new ChainException(
                $"the history {store.Folder} holds no runs of {string.Join(", ", recipes.Select(r => r.Id))}: run Benchmark or Track-<Id> first, or pass --history"
            );
        var written = new List<string>();
        foreach (var chart in charts)
        {
            var path = Path.Combine(context.Workspace.OverTime, chart.Machine, $"{chart.Implementation}.svg");
            AtomicFile.WriteAllText(path, chart.Svg);
            written.Add(path);
        }
        AtomicFile.WriteAllText(
            Path.Combine(context.Workspace.OverTime, "index.html"),
            OverTimePage.Html(charts, baselineRuns, DateTimeOffset.UtcNow)
        );
        Log.Information("The report over time: {Count} charts in {Folder}", written.Count, context.Workspace.OverTime);
        return written;
    }
}
