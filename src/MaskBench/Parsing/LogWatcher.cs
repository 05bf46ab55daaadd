namespace MaskBench.Parsing;

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
        // Past the target and its tolerance, the closest window Parse would take is as good as it gets.
        if (timeline.LastIteration > target.Last + tolerance && Measurement.Choose(timeline, target, tolerance, out _) is { } closest)
            return new Progress(timeline.LastIteration, true, closest.ImagesPerSecond(images));
        return new Progress(timeline.LastIteration, false, null);
    }
}
