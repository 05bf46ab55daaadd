namespace MaskBench.Engine;

internal enum TargetStatus
{
    Ran,
    UpToDate,
    Skipped,
    Failed,
    NotRun,
    Collective,
}

/// <summary>One row of the summary table.</summary>
internal sealed record TargetResult(string Target, TargetStatus Status, TimeSpan Duration, string Reason);
