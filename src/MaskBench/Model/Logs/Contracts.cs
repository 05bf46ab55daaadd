namespace MaskBench.Model.Logs;

/// <summary>The measured window: 1-based iterations <c>Skip+1 .. End</c>; the page's is 101..500.</summary>
internal sealed record Window(int Skip, int End)
{
    public static Window Page { get; } = new(100, 500);

    public int Iterations => End - Skip;

    public override string ToString() => $"{Skip + 1}..{End}";
}

/// <summary>What a running training has shown so far, read live from its output.</summary>
/// <param name="Iteration">The last completed 1-based iteration seen, if any.</param>
/// <param name="WindowComplete">The log holds everything the window's formula needs: the process may be stopped.</param>
/// <param name="ImagesPerSecond">Throughput so far, where the format allows it.</param>
internal sealed record Progress(int? Iteration, bool WindowComplete, double? ImagesPerSecond)
{
    /// <summary>Why the window can never be measured from this log (its timings passed the window's end without a line
    /// on it): the training may be stopped now.</summary>
    public string? Unmeasurable { get; init; }
}

/// <summary>Reads a live log line by line and says how far training has come.</summary>
internal interface ILogWatcher
{
    Progress Observe(string line);
}
