using MaskBench.Foundation.Statistics;
using MaskBench.Model.Logs;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Reports;

/// <summary>What the measured rows say about each other and about the page: a verdict between each pair of neighbours
/// in the ranking (a rank test with an effect floor, and how many more runs would separate their intervals), each
/// row's consistency with its published figure (an equivalence band), and the ratio of ratios against a reference
/// implementation measured side by side — the comparison that still holds on hardware other than the page's.</summary>
/// <param name="RatiosNote">Why there is no ratio of ratios, when there is none.</param>
internal sealed record TableAnalysis(
    IReadOnlyList<NeighbourVerdict> Neighbours,
    IReadOnlyList<PageCheck> Page,
    RatioOfRatios? Ratios,
    string? RatiosNote
)
{
    /// <summary>True when every measured row has one counted run (none has the two a rank test needs a side).</summary>
    public bool OneRunEach { get; init; }

    /// <summary>The rows in table order (neighbours are ranked by their medians); <paramref name="reference"/> is the ratio of ratios' reference implementation
    /// (null: the page's fastest that ran).</summary>
    public static TableAnalysis Of(IReadOnlyList<BenchmarkRow> rows, string? reference = null, VerdictOptions? options = null)
    {
        var measured = rows.Select(r => (Row: r, Runs: Counted(r))).Where(m => m.Runs.Count > 0).ToList();
        var statistics = measured.ToDictionary(m => m.Row.Implementation, m => RowStatistics.Of(m.Runs));
        var ranked = measured.OrderByDescending(m => statistics[m.Row.Implementation].Median).ToList();
        var neighbours = ranked
            .Zip(ranked.Skip(1))
            .Select(pair => new NeighbourVerdict(
                pair.First.Row.Implementation,
                pair.Second.Row.Implementation,
                Verdict.Between(pair.First.Runs, pair.Second.Runs, options),
                Separation.Of(statistics[pair.First.Row.Implementation], statistics[pair.Second.Row.Implementation])
            ))
            .ToList();
        var page = measured
            .Where(m => m.Row.Published is > 0)
            .Select(m => new PageCheck(m.Row.Implementation, PageConsistency.Of(statistics[m.Row.Implementation], m.Row.Published!.Value)))
            .ToList();
        var published = measured.Where(m => m.Row.Published is > 0).ToDictionary(m => m.Row.Implementation, m => m.Row.Published!.Value);
        var oneRunEach = measured.Count > 0 && measured.All(m => m.Runs.Count == 1);
        try
        {
            var ratios = RatioOfRatios.Of(statistics, published, reference);
            return new TableAnalysis(
                neighbours,
                page,
                ratios,
                ratios is null ? "no implementation with a published figure was measured" : null
            )
            {
                OneRunEach = oneRunEach,
            };
        }
        catch (ArgumentException e)
        {
            return new TableAnalysis(neighbours, page, null, e.Message) { OneRunEach = oneRunEach };
        }
    }

    /// <summary>The img/s of a row's runs that count: measured (ok or suspect), and not thermal.</summary>
    public static IReadOnlyList<double> Counted(BenchmarkRow row) =>
        row.Status is ThroughputResult.Ok or ThroughputResult.Suspect
            ? [.. row.Runs.Where(r => r.Throughput is not null && r.Gpu != GpuVerdict.Thermal).Select(r => r.Throughput!.Value)]
            : [];
}
