using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;

namespace MaskBench.Reports;

/// <summary>One implementation in the comparison table.</summary>
/// <param name="Status"><c>ok</c>, <c>failed</c> (see <see cref="Reason"/>) or <c>missing</c>.</param>
/// <param name="Window">The 1-based iterations actually measured, if any.</param>
/// <param name="Ratio">Measured over published throughput.</param>
internal sealed record BenchmarkRow(
    string Implementation,
    string Name,
    string Format,
    string Status,
    double? Throughput,
    double? Published,
    double? Ratio,
    IterationRange Requested,
    IterationRange? Window,
    bool Exact,
    int ImagesPerIteration,
    double? HarnessThroughput,
    string? Reason,
    string? Method
)
{
    public const string Missing = "missing";

    /// <summary>Every run of the implementation, measured or not; the row's figures are the median of the measured ones.</summary>
    public IReadOnlyList<RunFigure> Runs { get; init; } = [];

    /// <summary>An interval of the median (<c>[low, high]</c>) at <see cref="IntervalConfidence"/>; null with one run.</summary>
    public double[]? Interval { get; init; }

    /// <summary>The confidence the interval really reaches: with fewer than 6 runs it is the range, at 1 - 2^(1-n)
    /// (0.75 for 3 runs, 0.9375 for 5); from 6 runs the narrowest order-statistics interval reaching 0.95.</summary>
    public double? IntervalConfidence { get; init; }

    /// <summary>The coefficient of variation of the runs' img/s; null with one run.</summary>
    public double? Cov { get; init; }

    /// <summary>How steady the run nearest the median was inside its window; null when its log gives no spans.</summary>
    public MaskBench.Foundation.Statistics.WithinRun? Steadiness { get; init; }

    /// <summary>Runs left out of the figures (failed, thermal), in words.</summary>
    public string? Note { get; init; }

    /// <summary>Where the figure comes from (<see cref="MaskBench.Reports.Provenance"/>); null when nothing was measured or read.</summary>
    public string? Provenance { get; init; }

    public static BenchmarkRow FromResult(Recipe recipe, ThroughputResult result) =>
        new(
            recipe.Id,
            recipe.Name,
            result.Format,
            result.Status,
            result.Throughput,
            recipe.Published,
            result.Throughput is { } t && recipe.Published is { } p && p > 0 ? t / p : null,
            result.Requested,
            result.Measured,
            result.Exact,
            result.ImagesPerIteration,
            result.HarnessThroughput,
            result.Status == ThroughputResult.Ok ? null : result.Reason ?? "no throughput",
            string.IsNullOrEmpty(result.Method) ? null : result.Method
        )
        {
            Runs =
            [
                new RunFigure(
                    1,
                    result.Status,
                    result.Status == ThroughputResult.Failed ? null : result.Throughput,
                    MaskBench.Tools.Telemetry.GpuVerdict.Unknown
                ),
            ],
            Steadiness = result.Steadiness,
        };

    public static BenchmarkRow Failed(Recipe recipe, int images, Window window, string reason) =>
        new(
            recipe.Id,
            recipe.Name,
            recipe.Log.Format,
            ThroughputResult.Failed,
            null,
            recipe.Published,
            null,
            IterationRange.Of(window),
            null,
            false,
            images,
            null,
            reason,
            null
        );

    public static BenchmarkRow NotThere(Recipe recipe, int images, Window window, string reason) =>
        Failed(recipe, images, window, reason) with
        {
            Status = Missing,
        };
}
