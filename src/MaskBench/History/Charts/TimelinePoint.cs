using MaskBench.Statistics;

namespace MaskBench.History;

/// <summary>One commit on the history chart: its runs, and its verdict against the rolling baseline before it (null: no baseline yet).</summary>
public sealed record TimelinePoint(string Commit, DateTimeOffset CommitDate, IReadOnlyList<double> Runs, Verdict? Verdict)
{
    public double Median => Samples.Median(Runs);

    public bool Regressed => Verdict?.Outcome == Statistics.Verdict.Slower;
}
