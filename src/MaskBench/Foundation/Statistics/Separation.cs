namespace MaskBench.Foundation.Statistics;

/// <summary>Whether the intervals of the median of two neighbours in the table overlap, and if so about how many more runs
/// each would need for them to separate.</summary>
/// <param name="MoreRuns">More runs per implementation, an estimate; null when none are needed or no number of runs
/// up to the bound would do.</param>
internal sealed record Separation(bool Overlap, int? MoreRuns, string? Hint)
{
    /// <summary>Beyond this many more runs the hint says the two are within each other's noise instead of a number.</summary>
    public const int Bound = 50;

    /// <summary>
    /// An estimate, not a guarantee. The half-width of a 95 % interval of the median is about
    /// <c>1.96 · sqrt(π/2) · σ / sqrt(n)</c> (the asymptotic standard error of the sample median of normal data,
    /// Kendall and Stuart, <i>The Advanced Theory of Statistics</i> vol. 1, §10.10); the intervals separate when
    /// the two half-widths add up to less than the distance between the medians, so
    /// <c>n ≥ (1.96 · sqrt(π/2) · (σa + σb) / |Δ|)²</c>, and never below 6 (the fewest runs with an exact 95 %
    /// interval). σ is each row's observed standard deviation.
    /// </summary>
    public static Separation Of(RowStatistics a, RowStatistics b)
    {
        if (a.Interval is null || b.Interval is null)
            return new Separation(true, null, "one run: no interval to rank these two; run --repeats 5 or more");
        var overlap = a.Interval.Low <= b.Interval.High && b.Interval.Low <= a.Interval.High;
        if (!overlap)
            return new Separation(false, null, null);
        var distance = Math.Abs(a.Median - b.Median);
        var spread = a.StandardDeviation + b.StandardDeviation;
        var now = Math.Min(a.N, b.N);
        if (distance <= 0 || spread <= 0)
            return new Separation(true, null, distance <= 0 ? "the medians are equal: no number of runs will rank these two" : Noisy);
        var needed = Math.Max(6, (int)Math.Ceiling(Math.Pow(1.96 * Math.Sqrt(Math.PI / 2) * spread / distance, 2)));
        var more = Math.Max(1, needed - now);
        return more > Bound
            ? new Separation(true, null, Noisy)
            : new Separation(
                true,
                more,
                $"intervals overlap: needs about {more} more runs each to rank these two (an estimate from the spread seen)"
            );
    }

    const string Noisy = "intervals overlap: more than 50 more runs each would be needed; the difference is within the noise";
}
