using System.Globalization;

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
    readonly List<(int From, int To, string Why)> impossible = [];
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

    /// <summary>The spans set aside for impossible time (negative, infinite) that overlap iterations
    /// <c>from+1 .. to</c>: the reason such a window has no timing, rather than a missing line.</summary>
    public IReadOnlyList<string> ImpossibleWithin(int from, int to) =>
        [.. impossible.Where(s => s.From < to && s.To > from).Take(3).Select(s => s.Why)];

    static bool Impossible(Span span) => span.To > span.From && (!double.IsFinite(span.Seconds) || span.Seconds < 0);

    void RejectSpan(Span span, string why)
    {
        Reject(span.EndLine, why);
        impossible.Add((span.From, span.To, $"line {span.EndLine}: {why}"));
    }

    static string Seconds(double seconds) =>
        double.IsNaN(seconds) ? "not a number of seconds"
        : double.IsInfinity(seconds) ? (seconds > 0 ? "infinitely many seconds" : "minus infinitely many seconds")
        : seconds.ToString("0.######", CultureInfo.InvariantCulture) + " s";

    public void AddSpan(Span span)
    {
        Saw(span.To);
        // A span of negative time is a misread or a broken log: leaving it out leaves a gap the measurement reports.
        if (Impossible(span))
            RejectSpan(span, $"iterations {span.From + 1}..{span.To} take {Seconds(span.Seconds)} by the log's timings");
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
        {
            var span = new Span(previous.Iteration, iteration, cumulativeSeconds - previous.Seconds, previous.Line, line);
            if (Impossible(span))
            {
                Saw(iteration);
                var since = previous.Line is { } at
                    ? $"{Seconds(previous.Seconds)} to iteration {previous.Iteration} (line {at})"
                    : $"a start at iteration {previous.Iteration}";
                RejectSpan(
                    span,
                    $"iterations {span.From + 1}..{span.To} take {Seconds(span.Seconds)} by the log's timings, which give {since} and {Seconds(cumulativeSeconds)} to iteration {iteration} (line {line})"
                );
            }
            else
                AddSpan(span);
        }
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
