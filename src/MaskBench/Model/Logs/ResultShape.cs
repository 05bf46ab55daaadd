namespace MaskBench.Model.Logs;

/// <summary>Whether a <c>result.json</c> read back is one this MaskBench wrote: every field there, a known format at
/// its current parser version, a status it gives, and a positive finite throughput exactly when one was measured.
/// Anything else (<c>{}</c>, <c>{"status":"failed"}</c>, another version) is no valid result, never a crash.</summary>
internal static class ResultShape
{
    static readonly string[] Statuses = [ThroughputResult.Ok, ThroughputResult.Suspect, ThroughputResult.Failed];

    /// <summary>What is wrong with <paramref name="result"/>, in a few words, or null when it is a valid result.</summary>
    public static string? Problem(ThroughputResult? result)
    {
        if (result is null)
            return "it is empty";
        if (result.Format is null || result.Status is null || result.Requested is null || result.Failures is null)
            return "fields are missing (format, status, requested or failures)";
        if (result.Method is null || result.Source is null || result.Failures.Any(f => f is null || f.Kind is null || f.Message is null))
            return "fields are missing (method, source or a failure's kind and message)";
        if (!LogFormats.Known.Contains(result.Format))
            return $"its format '{result.Format}' is not one this MaskBench knows";
        var version = LogFormats.Get(result.Format).Version;
        if (result.ParserVersion != version)
            return $"it was written by version {result.ParserVersion} of the {result.Format} parser, this is version {version}";
        if (!Statuses.Contains(result.Status))
            return $"its status '{result.Status}' is not one of {string.Join(", ", Statuses)}";
        if (Throughputs.Problem(result.Throughput) is { } absurd)
            return absurd;
        var measured = result.Status != ThroughputResult.Failed;
        var valid = result.Throughput is { } t && double.IsFinite(t) && t > 0 && result.Measured is not null;
        if (measured ? !valid : result.Throughput is not null)
            return $"its status '{result.Status}' does not go with its throughput {result.Throughput?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}";
        return null;
    }
}
