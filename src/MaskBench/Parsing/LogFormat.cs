using MaskBench.Catalog;

namespace MaskBench.Parsing;

/// <summary>The shared way of parsing: read every piece of every line into a timeline, scan for failures, measure
/// the format's target window, and say exactly what was measured.</summary>
abstract class LogFormat : ILogFormat
{
    public abstract string Id { get; }
    public abstract int Version { get; }

    public abstract LineReader NewReader(Timeline timeline, int imagesPerIteration);

    /// <summary>The window the format measures for a requested one: the same, or the closest exact one.</summary>
    public virtual IterationRange Target(Window window) => IterationRange.Of(window);

    /// <summary>How far (in iterations) the window's ends may move when the log lacks the target's.</summary>
    public virtual int Tolerance => 0;

    /// <summary>The formula for the measured window (<c>from</c>, <c>to</c>] in the log's own terms.</summary>
    public abstract string Formula(int from, int to, int imagesPerIteration);

    /// <summary>A timeline from a precise file beside the log, when the format has one.</summary>
    public virtual (Timeline Timeline, string Source)? ReadPrecise(RunFolder run, int imagesPerIteration) => null;

    public ILogWatcher Watch(Window window, int imagesPerIteration) => new LogWatcher(this, window, imagesPerIteration);

    public ThroughputResult Parse(RunFolder run, Window window, int imagesPerIteration, IReadOnlyList<FailureSpec> failures)
    {
        var failed = new ThroughputResult(
            Id,
            Version,
            ThroughputResult.Failed,
            null,
            IterationRange.Of(window),
            null,
            false,
            "",
            imagesPerIteration,
            null,
            [],
            null,
            RunFolder.LogName
        );
        if (!File.Exists(run.Log))
            return failed with { Failures = [new("missing-log", $"no {run.Log}: train first, or put the captured log there", null)] };
        double[]? times;
        try
        {
            times = run.ReadTimes();
        }
        catch (FormatException e)
        {
            return failed with { Failures = [new("bad-times", e.Message, null)] };
        }

        var (timeline, reader, found) = Read(run, times, failures, imagesPerIteration);
        var target = Target(window);
        var fromLog = Measurement.Choose(timeline, target, Tolerance, out var problem);
        (Timeline Timeline, string Source)? precise;
        try
        {
            precise = ReadPrecise(run, imagesPerIteration);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidCastException or FormatException or ArgumentException)
        {
            var unreadable = $"a precise file beside {run.Log} cannot be read ({e.Message}); fix or remove it to parse the log alone";
            return failed with { Failures = [new("bad-precise-file", unreadable, null), .. found] };
        }
        var fromPrecise = precise is { } p ? Measurement.Choose(p.Timeline, target, Tolerance, out _) : null;
        var last = Math.Max(timeline.LastIteration ?? 0, precise?.Timeline.LastIteration ?? 0);
        if ((fromPrecise ?? fromLog) is not { } chosen)
            return failed with { LastIteration = last, Failures = [new("window-not-covered", problem!, null), .. found] };
        if (chosen.Seconds <= 0)
        {
            var noTime =
                $"the timings of iterations {chosen.Range} add up to {chosen.Seconds} s, so no throughput follows (the log's rounding hides them)";
            return failed with { LastIteration = last, Failures = [new("no-time", noTime, null), .. found] };
        }

        if (fromLog is not null)
            found = found.Select(f => f.Line > fromLog.Spans[^1].EndLine ? f with { AfterWindow = true } : f).ToList();
        var approximation = fromPrecise is null ? reader.Approximation : null;
        var range = chosen.Range;
        var ok = found.All(f => f.AfterWindow);
        return failed with
        {
            Status = ok ? ThroughputResult.Ok : ThroughputResult.Failed,
            Throughput = ok ? chosen.ImagesPerSecond(imagesPerIteration) : null,
            Measured = range,
            Exact = range == failed.Requested && approximation is null,
            Method =
                Formula(range.First - 1, range.Last, imagesPerIteration)
                + (range == failed.Requested ? "" : $"; measured {range}, the closest the log allows to the requested {failed.Requested}")
                + (approximation is null ? "" : $"; approximate: {approximation}"),
            LastIteration = last,
            Failures = found,
            HarnessThroughput = ok ? Harness(fromLog, times, imagesPerIteration) : null,
            Source = fromPrecise is null ? RunFolder.LogName : Path.GetFileName(precise!.Value.Source),
        };
    }

    /// <summary>Every piece of every line through the format's reader and the failure scanner.</summary>
    (Timeline, LineReader, List<FailureFound>) Read(RunFolder run, double[]? times, IReadOnlyList<FailureSpec> failures, int images)
    {
        var scanner = new FailureScanner(failures);
        var timeline = new Timeline();
        var reader = NewReader(timeline, images);
        foreach (var (number, text) in LogText.Lines(run.Log))
        {
            double? arrival = times is not null && number <= times.Length ? times[number - 1] : null;
            foreach (var segment in LogText.Segments(text))
            {
                reader.Read(segment, number, arrival);
                scanner.Scan(segment, number);
            }
        }
        foreach (var (kind, message, line) in reader.Problems)
            scanner.Add(kind, message, line);
        return (timeline, reader, scanner.Found().ToList());
    }

    /// <summary>The window timed by line arrival: from the line that opened it to the line that closed it.</summary>
    static double? Harness(Measurement? m, double[]? times, int images)
    {
        if (m is null || times is null || m.Spans[0].StartLine is not { } start || m.Spans[^1].EndLine > times.Length)
            return null;
        var seconds = times[m.Spans[^1].EndLine - 1] - times[start - 1];
        return seconds > 0 ? images * (double)m.Range.Count / seconds : null;
    }
}
