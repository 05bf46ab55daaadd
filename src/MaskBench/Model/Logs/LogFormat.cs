using MaskBench.Model.Catalog;

namespace MaskBench.Model.Logs;

/// <summary>The shared way of parsing: read every piece of every line into a timeline, scan for failures, measure
/// the format's target window, and say exactly what was measured.</summary>
abstract class LogFormat : ILogFormat
{
    /// <summary>A printed number as a regex group, loose on purpose (<c>nan</c>, <c>-1</c>, <c>1e9</c>): the reader then
    /// sets a bad one aside and names it, where a strict pattern would skip the whole line in silence.</summary>
    internal const string Number = @"([-+]?(?:\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|[nN]a[nN]|[iI]nf(?:inity)?))";

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

    /// <summary>How far apart the log's figure and the harness's (line arrival times) may be before the result is
    /// <c>suspect</c>, as a fraction. A format whose timing leaves out work between its lines says how much.</summary>
    public virtual double HarnessTolerance => 0.01;

    public ThroughputResult Parse(
        RunFolder run,
        Window window,
        int imagesPerIteration,
        IReadOnlyList<FailureSpec> failures,
        CancellationToken cancellation = default
    )
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
            RunFiles.Log
        );
        if (FileKind.NotRegular(run.Log) is { } notLog)
            return failed with
            {
                Failures =
                [
                    notLog == "missing"
                        ? new("missing-log", $"no {run.Log}: train first, or put the captured log there", null)
                        : new("not-a-file", $"{run.Log} is {notLog}, not a regular file: put the captured log there", null),
                ],
            };
        double[]? times;
        try
        {
            times = run.ReadTimes(cancellation);
        }
        catch (FormatException e)
        {
            return failed with { Failures = [new("bad-times", e.Message, null)] };
        }

        var (timeline, reader, found, cut) = Read(run, times, failures, imagesPerIteration, cancellation);
        var note = cut == 0 ? "" : $"; {cut} line(s) longer than {LogText.MaxLine / (1 << 20)} MiB were read up to that length";
        var target = Target(window);
        var fromLog = Measurement.Choose(timeline, target, Tolerance, out var problem);
        (Timeline Timeline, string Source)? precise;
        try
        {
            precise = ReadPrecise(run, imagesPerIteration);
        }
        catch (Exception e)
            when (e is Newtonsoft.Json.JsonException or InvalidCastException or FormatException or ArgumentException or OverflowException)
        {
            var unreadable = $"a precise file beside {run.Log} cannot be read ({e.Message}); fix or remove it to parse the log alone";
            return failed with { Failures = [new("bad-precise-file", unreadable, null), .. found] };
        }
        var fromPrecise = precise is { } p ? Measurement.Choose(p.Timeline, target, Tolerance, out _) : null;
        var last = Math.Max(timeline.LastIteration ?? 0, precise?.Timeline.LastIteration ?? 0);
        if ((fromPrecise ?? fromLog) is not { } chosen)
            return failed with { LastIteration = last, Failures = [new("window-not-covered", problem! + note, null), .. found] };
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
        var throughput = ok ? chosen.ImagesPerSecond(imagesPerIteration) : (double?)null;
        var harness = ok ? HarnessCheck.Throughput(fromLog, times, imagesPerIteration) : null;
        if (ok && HarnessCheck.Uncovered(fromLog, times) is { } lines)
            return failed with
            {
                LastIteration = last,
                Failures =
                [
                    new(
                        "bad-times",
                        $"{run.Times} has {times!.Length} times, but the window's lines reach line {lines} of {run.Log}: restore it, or remove it to parse without the cross-check",
                        null
                    ),
                    .. found,
                ],
            };
        var disagreement = HarnessCheck.Disagreement(throughput, harness, HarnessTolerance);
        return failed with
        {
            Status =
                !ok ? ThroughputResult.Failed
                : disagreement is null ? ThroughputResult.Ok
                : ThroughputResult.Suspect,
            Throughput = throughput,
            Measured = range,
            Exact = range == failed.Requested && approximation is null,
            Method =
                Formula(range.First - 1, range.Last, imagesPerIteration)
                + (range == failed.Requested ? "" : $"; measured {range}, the closest the log allows to the requested {failed.Requested}")
                + (approximation is null ? "" : $"; approximate: {approximation}")
                + note,
            LastIteration = last,
            WindowSeconds = HarnessCheck.WindowSeconds(fromLog, times),
            Steadiness = ok
                ? MaskBench.Foundation.Statistics.WithinRun.Of([
                    .. chosen.Spans.Select(s => new MaskBench.Foundation.Statistics.TimedSpan(s.To - s.From, s.Seconds)),
                ])
                : null,
            Failures = disagreement is null ? found : [disagreement, .. found],
            HarnessThroughput = harness,
            Source = fromPrecise is null ? RunFiles.Log : Path.GetFileName(precise!.Value.Source),
        };
    }

    /// <summary>Every piece of every line through the format's reader and the failure scanner; also how many lines were cut.</summary>
    (Timeline, LineReader, List<FailureFound>, int) Read(
        RunFolder run,
        double[]? times,
        IReadOnlyList<FailureSpec> failures,
        int images,
        CancellationToken cancellation
    )
    {
        var scanner = new FailureScanner(failures);
        var timeline = new Timeline();
        var reader = NewReader(timeline, images);
        var cut = 0;
        foreach (var (number, text) in LogText.Lines(run.Log, () => cut++, cancellation))
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
        return (timeline, reader, scanner.Found().ToList(), cut);
    }
}
