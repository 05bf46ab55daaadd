namespace MaskBench.Model.Logs;

/// <summary>Follows a running training's output and says when the window's last timing line has arrived.</summary>
sealed class LogWatcher : ILogWatcher
{
    readonly Timeline timeline = new();
    readonly LineReader reader;
    readonly IterationRange target;
    readonly int tolerance;
    readonly int images;
    int line;

    public LogWatcher(LogFormat format, Window window, int imagesPerIteration)
    {
        reader = format.NewReader(timeline, imagesPerIteration);
        target = format.Target(window);
        tolerance = format.Tolerance;
        images = imagesPerIteration;
    }

    public Progress Observe(string text)
    {
        line++;
        foreach (var segment in LogText.Segments(text.TrimEnd('\n')))
            reader.Read(segment, line, null);
        var exact = timeline.Tile(target.First - 1, target.Last);
        if (exact is not null)
            return new Progress(timeline.LastIteration, true, new Measurement(target, exact).ImagesPerSecond(images));
        if (timeline.LastIteration is not { } last || last <= target.Last + tolerance)
            return new Progress(timeline.LastIteration, false, null);
        // Past the target and its tolerance, the closest window Parse would take is as good as it gets.
        if (Measurement.Choose(timeline, target, tolerance, out var problem) is { } closest)
            return new Progress(timeline.LastIteration, true, closest.ImagesPerSecond(images));
        // Two timings past the end (one more than needed, for ranks whose lines arrive late) and still none on it: the
        // window can never be measured, and every further iteration is GPU time spent for nothing.
        return timeline.Boundaries.Count(b => b > target.Last + tolerance) >= 2
            ? new Progress(timeline.LastIteration, false, null) { Unmeasurable = $"{problem}; {OnThePeriod()}" }
            : new Progress(timeline.LastIteration, false, null);
    }

    /// <summary>The boundaries the log gives around the window, as the fix: where a window can start and end.</summary>
    string OnThePeriod()
    {
        var near = timeline
            .Boundaries.Where(b => b >= target.First - 1 - 3 * Math.Max(1, target.Last - target.First) && b <= target.Last * 2)
            .Take(12)
            .ToList();
        return $"the log's timings begin and end at iterations {string.Join(", ", near)}: give a --window-skip and a --window-end among them";
    }
}
