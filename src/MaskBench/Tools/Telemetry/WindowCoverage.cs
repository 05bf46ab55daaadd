namespace MaskBench.Tools.Telemetry;

/// <summary>The share of a time window that samples cover: each sample vouches for the time within 1.5 sampling
/// intervals of it, so a window shorter than the interval is still covered and a gap of more than three intervals
/// (a sampler that died, a stalled driver) is not.</summary>
static class WindowCoverage
{
    public static double Of(IEnumerable<double> times, double interval, double start, double end)
    {
        if (end <= start)
            return 0;
        var reach = 1.5 * interval;
        double covered = 0,
            reachedTo = start;
        foreach (var t in times.Order())
        {
            var (from, to) = (Math.Max(t - reach, reachedTo), Math.Min(t + reach, end));
            if (to > from)
                covered += to - from;
            reachedTo = Math.Max(reachedTo, to);
        }
        return Math.Clamp(covered / (end - start), 0, 1);
    }
}
