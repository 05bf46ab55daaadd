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
/// <param name="ExitCode">The build's exit code this failure asks for (<see cref="MaskBenchException.ExitCode"/>); null: the usual 1.</param>
internal sealed record TargetResult(string Target, TargetStatus Status, TimeSpan Duration, string Reason, int? ExitCode = null);
