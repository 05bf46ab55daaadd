using Perfolizer.Mathematics.Common;

namespace MaskBench.Foundation.Statistics;

/// <summary>How steady one run was inside its measured window. Iterations inside a run are autocorrelated, so these
/// describe the run's stability; they are not the sample the row's statistics are computed on.</summary>
/// <param name="Iterations">Iterations covered by the spans.</param>
/// <param name="MedianSeconds">The median time per iteration over the spans.</param>
/// <param name="Cov">The coefficient of variation of the spans' time per iteration.</param>
/// <param name="DriftPer100">The least-squares slope of time per iteration against the iteration number, per 100
/// iterations, relative to the mean time per iteration: +0.03 means each 100 iterations take 3 % longer than the
/// last. Null with fewer than three spans, or spans covering fewer than <see cref="DriftMinimumIterations"/>: a slope
/// stated per 100 iterations from fewer would be an extrapolation (a smoke window of 8 iterations gave "6 % per 100").</param>
/// <param name="Stalls">Spans whose time per iteration exceeds <c>StallFactor ×</c> the median.</param>
/// <param name="Warnings">One short phrase each for a spread, a drift or stalls beyond the thresholds.</param>
internal sealed record WithinRun(
    int Iterations,
    double MedianSeconds,
    double Cov,
    double? DriftPer100,
    int Stalls,
    IReadOnlyList<string> Warnings
)
{
    public const double StallFactor = 3;
    public const double SpreadWarning = 0.05;
    public const double DriftWarning = 0.02;
    public const int DriftMinimumIterations = 100;

    /// <summary>Null when there are no spans. Spans the log's rounding shows as taking no time are left out. Spans of several iterations dilute a stall inside them: a one-iteration
    /// stall in a 20-iteration span counts only when it triples that span's average.</summary>
    public static WithinRun? Of(IReadOnlyList<TimedSpan> spans)
    {
        spans = spans.Where(s => s.Iterations >= 1 && double.IsFinite(s.Seconds) && s.Seconds > 0).ToList();
        if (spans.Count == 0)
            return null;
        var perIteration = spans.Select(s => s.PerIteration).ToArray();
        var middles = new double[spans.Count];
        var at = 0;
        for (var i = 0; i < spans.Count; i++)
        {
            middles[i] = at + spans[i].Iterations / 2.0;
            at += spans[i].Iterations;
        }
        var moments = Moments.Create(perIteration);
        var median = Samples.Median(perIteration);
        var cov = spans.Count > 1 ? moments.StandardDeviation / moments.Mean : 0;
        var drift =
            at >= DriftMinimumIterations && LinearFit.Slope(middles, perIteration) is { } slope
                ? slope * 100 / moments.Mean
                : (double?)null;
        var stalls = perIteration.Count(t => t > StallFactor * median);
        var warnings = new List<string>();
        if (cov > SpreadWarning)
            warnings.Add($"iteration times spread {Verdict.Percent(cov)} (CoV)");
        if (drift is { } d && Math.Abs(d) > DriftWarning)
            warnings.Add($"iterations {(d > 0 ? "slow down" : "speed up")} by {Verdict.Percent(Math.Abs(d))} per 100 iterations");
        if (stalls > 0)
            warnings.Add($"{stalls} stall{(stalls == 1 ? "" : "s")} (over {StallFactor:0}× the median iteration time)");
        return new WithinRun(at, median, cov, drift, stalls, warnings);
    }
}
