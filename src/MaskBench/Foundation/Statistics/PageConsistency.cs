namespace MaskBench.Foundation.Statistics;

/// <summary>Whether a measured row agrees with the page's published figure, as an equivalence question: is the
/// whole interval of the median inside the band <c>published · (1 ± Band)</c>?</summary>
/// <param name="Outcome"><see cref="Consistent"/>, <see cref="Faster"/>, <see cref="Slower"/> or <see cref="Inconclusive"/>.</param>
internal sealed record PageConsistency(string Outcome, double Published, double Band, double Relative, string Sentence)
{
    public const string Consistent = "consistent";
    public const string Faster = "faster than page";
    public const string Slower = "slower than page";
    public const string Inconclusive = "inconclusive";

    public const double DefaultBand = 0.10;

    /// <summary>Consistent when the interval lies inside the band, faster (slower) than the page when it lies wholly
    /// above (below) it, inconclusive when it straddles an edge or there is no interval (one run).</summary>
    public static PageConsistency Of(RowStatistics row, double published, double band = DefaultBand)
    {
        if (!double.IsFinite(published) || published <= 0)
            throw new ArgumentException($"the published figure {published} is not a throughput: give the page's img/s, a positive number");
        if (!(band is > 0 and < 1))
            throw new ArgumentException($"the band {band} is not a relative tolerance: give a value between 0 and 1, e.g. 0.10");
        var (low, high) = (published * (1 - band), published * (1 + band));
        var relative = row.Median / published - 1;
        var edge = $"the page's {published:0.##} img/s ±{Verdict.Percent(band)}";
        if (row.Interval is not { } ci)
            return new PageConsistency(
                Inconclusive,
                published,
                band,
                relative,
                $"inconclusive: one run ({Verdict.Signed(relative)} from {edge}); no interval"
            );
        var (outcome, how) =
            ci.Low >= low && ci.High <= high ? (Consistent, "inside")
            : ci.Low > high ? (Faster, "above")
            : ci.High < low ? (Slower, "below")
            : (Inconclusive, "across an edge of");
        var weak = ci.Full ? "" : $"; only {MedianInterval.Percent(ci.Confidence)} confidence with {row.N} runs";
        return new PageConsistency(
            outcome,
            published,
            band,
            relative,
            $"{outcome}: the interval {ci.Low:0.##}–{ci.High:0.##} lies {how} {edge}{weak}"
        );
    }
}
