namespace MaskBench.Model.Logs;

/// <summary>1-based iterations <c>First .. Last</c>.</summary>
internal sealed record IterationRange(int First, int Last)
{
    public int Count => Last - First + 1;

    public static IterationRange Of(Window window) => new(window.Skip + 1, window.End);

    public override string ToString() => $"{First}..{Last}";
}

/// <summary>What <c>Parse</c> read off one run's log; serialised to <c>result.json</c>.</summary>
/// <param name="Throughput">Images per second over <see cref="Measured"/>; null when the run failed.</param>
/// <param name="Exact">The measured window is the requested one and the formula is exact up to printed rounding.</param>
/// <param name="Method">The formula, and any approximation, in words.</param>
/// <param name="Source">The file the numbers came from (<c>train.log</c> or a precise file beside it).</param>
/// <param name="HarnessThroughput">The same window timed by the harness's line arrival times: a figure further from
/// <see cref="Throughput"/> than the format's tolerance makes the status <see cref="Suspect"/>.</param>
internal sealed record ThroughputResult(
    string Format,
    int ParserVersion,
    string Status,
    double? Throughput,
    IterationRange Requested,
    IterationRange? Measured,
    bool Exact,
    string Method,
    int ImagesPerIteration,
    int? LastIteration,
    IReadOnlyList<FailureFound> Failures,
    double? HarnessThroughput,
    string Source
)
{
    public const string Ok = "ok";
    public const string Failed = "failed";

    /// <summary>A throughput was read, but the harness's line arrival times disagree with it (the reason names both figures).</summary>
    public const string Suspect = "suspect";

    /// <summary>When the measured window began and ended, in seconds since the training started (the harness's line
    /// arrival times: <c>[start, end]</c>); null without line times. The GPU verdict judges these seconds only.</summary>
    public double[]? WindowSeconds { get; init; }

    /// <summary>How steady the run was inside the window (spread, drift, stalls of the log's per-span times); null when
    /// the run failed.</summary>
    public MaskBench.Foundation.Statistics.WithinRun? Steadiness { get; init; }

    /// <summary>The first failure that counts, as one line for a table.</summary>
    public string? Reason => Failures.FirstOrDefault(f => !f.AfterWindow) is { } f ? $"{f.Kind}: {f.Message}" : null;
}
