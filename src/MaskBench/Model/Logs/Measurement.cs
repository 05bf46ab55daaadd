namespace MaskBench.Model.Logs;

/// <summary>The window a log can measure: the format's target, or within a tolerance of it.</summary>
sealed record Measurement(IterationRange Range, IReadOnlyList<Span> Spans)
{
    public double Seconds => Spans.Sum(s => s.Seconds);

    public double ImagesPerSecond(int images) => images * (double)Range.Count / Seconds;

    /// <summary>Finds the tiled window nearest the target (same length first), or says why there is none.</summary>
    public static Measurement? Choose(Timeline timeline, IterationRange target, int tolerance, out string? problem)
    {
        problem = null;
        int from = target.First - 1,
            to = target.Last;
        Measurement? best = null;
        var bestCost = (int.MaxValue, int.MaxValue);
        foreach (var a in timeline.BoundariesNear(from, tolerance).ToList())
        foreach (var b in timeline.BoundariesNear(to, tolerance).ToList())
        {
            var cost = (Math.Abs(a - from) + Math.Abs(b - to), b - a == to - from ? 0 : 1);
            if (b <= a || cost.CompareTo(bestCost) >= 0 || timeline.Tile(a, b) is not { } spans)
                continue;
            best = new Measurement(new IterationRange(a + 1, b), spans);
            bestCost = cost;
        }
        if (best is not null)
            return best;
        if (timeline.LastIteration is not { } last || last < to)
            problem = $"log ends at iteration {timeline.LastIteration ?? 0}; the window needs {to}";
        else if (timeline.ImpossibleWithin(from, to) is { Count: > 0 } impossible)
        {
            problem =
                $"the log reaches iteration {last} but its timings of iterations {from + 1}..{to} are impossible: "
                + string.Join("; ", impossible);
            return null;
        }
        else
            problem =
                $"the log reaches iteration {last} but has no timing that starts at iteration {from} and ends at {to} "
                + "(a timing line is missing, or the window is not on the log's period)";
        if (timeline.Rejected.Count > 0)
            problem += "; timings set aside: " + string.Join("; ", timeline.Rejected);
        return null;
    }
}
