namespace MaskBench.Model.Logs;

/// <summary>The harness's own timing of a window (line arrival times, <c>train.times.tsv</c>) and its verdict on the
/// log's figure: the printed timing must be the wall clock, or the result is <c>suspect</c>.</summary>
static class HarnessCheck
{
    /// <summary>The spans of the window timed by line arrival: from the line that opened each to the line that closed it.</summary>
    public static double? Throughput(Measurement? m, double[]? times, int images)
    {
        if (m is null || times is null)
            return null;
        var seconds = 0.0;
        foreach (var span in m.Spans)
        {
            if (span.StartLine is not { } start || start < 1 || span.EndLine < 1 || span.EndLine > times.Length)
                return null;
            seconds += times[span.EndLine - 1] - times[start - 1];
        }
        return seconds > 0 ? images * (double)m.Range.Count / seconds : null;
    }

    /// <summary>The last line of the window's spans when the line times stop before it (a cut or tampered
    /// <c>train.times.tsv</c>, which would otherwise switch the cross-check off without a word); null when they cover it.</summary>
    public static int? Uncovered(Measurement? m, double[]? times) =>
        m is not null && times is not null && m.Spans.Max(s => Math.Max(s.EndLine, s.StartLine ?? 0)) is var last && last > times.Length
            ? last
            : null;

    /// <summary>The arrival seconds of the line that opened the window's first span and of the line that closed its
    /// last: when the window ran, on the clock of the run's telemetry. Null without line times.</summary>
    public static double[]? WindowSeconds(Measurement? m, double[]? times)
    {
        if (m is null || times is null || m.Spans[0].StartLine is not { } start || start < 1 || m.Spans[^1].EndLine > times.Length)
            return null;
        return start > times.Length ? null : [times[start - 1], times[m.Spans[^1].EndLine - 1]];
    }

    /// <summary>The harness's check on the log: the same spans timed by line arrival must give the same throughput
    /// within <paramref name="tolerance"/>; otherwise the printed timing is not the wall clock, and the result is suspect.</summary>
    public static FailureFound? Disagreement(double? parsed, double? harness, double tolerance)
    {
        if (parsed is not { } log || harness is not { } wall || Math.Abs(log - wall) <= tolerance * wall)
            return null;
        var apart = Math.Abs(log - wall) / wall * 100;
        return new FailureFound(
            "cross-check",
            string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"the log's timings give {log:0.00} img/s, the harness's line times {wall:0.00} img/s: {apart:0.#} % apart, more than {tolerance * 100:0.#} %"
            ),
            null
        );
    }
}
