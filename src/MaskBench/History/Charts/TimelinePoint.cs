namespace MaskBench.History;

/// <summary>One commit on the history chart: its runs, and its verdict against the rolling baseline before it (null: no baseline yet).</summary>
public sealed record TimelinePoint(string Commit, DateTimeOffset CommitDate, IReadOnlyList<double> Runs, VerdictResult? Verdict)
{
    public double Median => RankOracle.Median(Runs);

    public bool Regressed => Verdict?.Verdict == History.Verdict.Slower;
}
