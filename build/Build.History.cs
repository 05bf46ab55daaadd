using MaskBench.Benchmark;
using MaskBench.Engine;
using MaskBench.Stages;

namespace MaskBench.Build;

/// <summary>Speed over time: <c>Bisect-&lt;Id&gt;</c>, <c>Track-&lt;Id&gt;</c> and <c>HistoryReport</c> (with <c>--pin</c>,
/// <c>Compare</c> and the history that Parse appends to).</summary>
partial class Build
{
    Target HistoryReport =>
        _ =>
            _.Description(HistoryReportStage.Description + " (--implementations)")
                .Executes(() => new HistoryReportStage(Context).Run(Selected, History.BaselineRuns));

    /// <summary>One <c>Bisect-&lt;Id&gt;</c> and one <c>Track-&lt;Id&gt;</c> per recipe; their probes train on the synthetic data when asked to.</summary>
    IEnumerable<NamedTarget> HistoryTargets() =>
        Catalog.All.SelectMany(recipe =>
            new[]
            {
                new NamedTarget(
                    $"Bisect-{recipe.TargetSuffix}",
                    _ =>
                        _.Description(BisectStage.DescriptionOf(recipe))
                            .Unlisted()
                            .DependsOn(ProbeData)
                            .Executes(() =>
                                new BisectStage(Context).RunAsync(recipe, History.Good, History.Bad, History.BisectMaxRuns, Cancellation)
                            )
                ),
                new NamedTarget(
                    $"Track-{recipe.TargetSuffix}",
                    _ =>
                        _.Description(TrackStage.DescriptionOf(recipe))
                            .Unlisted()
                            .DependsOn(ProbeData)
                            .Executes(() =>
                                new TrackStage(Context).RunAsync(recipe, History.TrackCommits, History.TrackBranch, Cancellation)
                            )
                ),
            }
        );

    /// <summary><c>--implementations</c>, each value also split at commas (<c>detectron2,mmdetection</c>, as benchmark.yml passes them).</summary>
    string[] ImplementationIds =>
        [.. Implementations.SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    string[] ProbeData => Context.Settings.Coco == BenchmarkSettings.Synthetic ? [nameof(Data)] : [];
}
