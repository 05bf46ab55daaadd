using MaskBench.Foundation.Statistics;

namespace MaskBench.History;

/// <summary>Compare's outcome: a row per implementation and the exit code (Reports renders it as a Markdown summary fit for a PR comment).</summary>
/// <param name="FilesLeftOut">History files Compare could not use (unreadable, or a throughput no training reaches),
/// each as its path and why.</param>
internal sealed record ComparisonReport(
    string MachineKey,
    int BaselineRuns,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<string>? FilesLeftOut = null
)
{
    public int ExitCode =>
        Rows.Any(r => r.Regressed) ? CompareExit.Regression
        : Rows.Any(r => r.Failed > 0) ? CompareExit.InfrastructureFailure
        : Rows.Any(r => r.Result is not null) ? CompareExit.Ok
        : CompareExit.NothingMeasured;
}
