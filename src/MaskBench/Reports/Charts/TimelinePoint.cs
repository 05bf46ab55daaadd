using MaskBench.Foundation.Statistics;

namespace MaskBench.Reports.Charts;

/// <summary>One commit on the history chart: its runs, and its verdict against the rolling baseline before it (null: no baseline yet).</summary>
internal sealed record TimelinePoint(string Commit, DateTimeOffset CommitDate, IReadOnlyList<double> Runs, Verdict? Verdict)
{
    public double Median => Samples.Median(Runs);

    public bool Regressed => Verdict?.Outcome == MaskBench.Foundation.Statistics.Verdict.Slower;
}
