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
        var requested = IterationRange.Of(window);
        ThroughputResult Result(IReadOnlyList<FailureFound> found, Measurement? m = null, double? throughput = null,
            bool exact = false, string method = "", double? harness = null, string source = RunFolder.LogName, int? last = null) =>
            new(Id, Version, found.Any(f => !f.AfterWindow) || throughput is null ? ThroughputResult.Failed : ThroughputResult.Ok,
                found.Any(f => !f.AfterWindow) ? null : throughput, requested, m?.Range, exact, method, imagesPerIteration,
                last, found, found.Any(f => !f.AfterWindow) ? null : harness, source);

        if (!File.Exists(run.Log))
            return Result([new("missing-log", $"no {run.Log}: train first, or put the captured log there", null)]);
        double[]? times;
        try { times = run.ReadTimes(); }
        catch (FormatException e) { return Result([new("bad-times", e.Message, null)]); }

        var scanner = new FailureScanner(failures);
        var timeline = new Timeline();
        var reader = NewReader(timeline, imagesPerIteration);
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

        var target = Target(window);
        var fromLog = Measurement.Choose(timeline, target, Tolerance, out var problem);
        var precise = ReadPrecise(run, imagesPerIteration);
        var fromPrecise = precise is { } p ? Measurement.Choose(p.Timeline, target, Tolerance, out _) : null;
        var chosen = fromPrecise ?? fromLog;
        var found = scanner.Found().ToList();
        if (chosen is null)
        {
            found.Insert(0, new FailureFound("window-not-covered", problem!, null));
            return Result(found, last: timeline.LastIteration);
        }
        if (fromLog is not null)
        {
            var end = fromLog.Spans[^1].EndLine;
            found = found.Select(f => f.Line > end ? f with { AfterWindow = true } : f).ToList();
        }

        var approximation = fromPrecise is null ? reader.Approximation : null;
        var range = chosen.Range;
        var method = Formula(range.First - 1, range.Last, imagesPerIteration)
            + (range == requested ? "" : $"; measured {range}, the closest the log allows to the requested {requested}")
            + (approximation is null ? "" : $"; approximate: {approximation}");
        return Result(found, chosen, chosen.ImagesPerSecond(imagesPerIteration), range == requested && approximation is null,
            method, Harness(fromLog, times, imagesPerIteration), fromPrecise is null ? RunFolder.LogName : Path.GetFileName(precise!.Value.Source),
            Math.Max(timeline.LastIteration ?? 0, precise?.Timeline.LastIteration ?? 0));
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
