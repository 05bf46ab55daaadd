namespace MaskBench.Model.Logs;

/// <summary>1-based iterations <c>From+1 .. To</c> took <c>Seconds</c>; the log lines that opened and closed the span.</summary>
internal sealed record Span(int From, int To, double Seconds, int? StartLine, int EndLine);

/// <summary>
/// What a log says about time, as spans of iterations. Per-interval formats add spans; cumulative formats add
/// points (iteration, total seconds since a base) and consecutive points become spans. Rank copies of the same
/// span are ignored.
/// </summary>
sealed class Timeline
{
    readonly Dictionary<int, Span> byStart = [];
    readonly SortedSet<int> boundaries = [];
    readonly List<string> rejected = [];
    (int Iteration, double Seconds, int? Line)? lastPoint;

    public int? LastIteration { get; private set; }

    public void Saw(int iteration) => LastIteration = Math.Max(LastIteration ?? 0, iteration);

    /// <summary>Timings set aside (not a number, infinite, negative), with their lines, for the window's message.</summary>
    public IReadOnlyList<string> Rejected => rejected;

    public void Reject(int line, string why)
    {
        if (rejected.Count < 3)
            rejected.Add($"line {line}: {why}");
    }

    public void AddSpan(Span span)
    {
        Saw(span.To);
        // A span of negative time is a misread or a broken log: leaving it out leaves a gap the measurement reports.
        if (span.To > span.From && (!double.IsFinite(span.Seconds) || span.Seconds < 0))
            Reject(span.EndLine, $"iterations {span.From + 1}..{span.To} take {span.Seconds} s by the log's timings");
        if (span.To <= span.From || !double.IsFinite(span.Seconds) || span.Seconds < 0 || !byStart.TryAdd(span.From, span))
            return;
        boundaries.Add(span.From);
        boundaries.Add(span.To);
    }

    /// <summary>A point where the cumulative time is zero by construction (a timer's start or reset).</summary>
    public void Base(int iteration, int? line = null)
    {
        if (lastPoint is null || lastPoint.Value.Iteration < iteration)
            lastPoint = (iteration, 0, line);
    }

    public void AddPoint(int iteration, double cumulativeSeconds, int line)
    {
        Saw(iteration);
        if (lastPoint is { } last && iteration <= last.Iteration)
            return;
        if (lastPoint is { } previous)
            AddSpan(new Span(previous.Iteration, iteration, cumulativeSeconds - previous.Seconds, previous.Line, line));
        lastPoint = (iteration, cumulativeSeconds, line);
    }

    /// <summary>The iterations where timings begin or end, in order (where a window may start or end).</summary>
    public IReadOnlyCollection<int> Boundaries => boundaries;

    public IEnumerable<int> BoundariesNear(int iteration, int tolerance) =>
        boundaries.GetViewBetween(iteration - tolerance, iteration + tolerance);

    /// <summary>The spans that tile <c>(from, to]</c> exactly, or null when the log leaves a gap.</summary>
    public IReadOnlyList<Span>? Tile(int from, int to)
    {
        var spans = new List<Span>();
        for (var at = from; at < to; )
        {
            if (!byStart.TryGetValue(at, out var span) || span.To > to)
                return null;
            spans.Add(span);
            at = span.To;
        }
        return spans.Count > 0 ? spans : null;
    }
}
