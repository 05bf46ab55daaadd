using MaskBench.Foundation.Statistics;

namespace MaskBench.History;

/// <summary>One implementation's line of a comparison.</summary>
/// <param name="Result">The verdict on the candidate's runs against the baseline's; null when there was nothing to compare (see <see cref="Problem"/>).</param>
/// <param name="Problem">Why nothing was compared: no baseline, or candidate runs that failed.</param>
/// <param name="Failed">Candidate runs that did not produce a throughput (an infrastructure failure).</param>
/// <param name="LeftOut">The runs not pooled, with why (another comparability key, thermal, GPUs not watched); null for none.</param>
internal sealed record ComparisonRow(
    string Implementation,
    IReadOnlyList<double> Baseline,
    IReadOnlyList<double> Candidate,
    int Failed,
    Verdict? Result,
    string? Problem,
    string? LeftOut = null
)
{
    public double? BaselineMedian => Baseline.Count > 0 ? Samples.Median(Baseline) : null;

    public double? CandidateMedian => Candidate.Count > 0 ? Samples.Median(Candidate) : null;

    public bool Regressed => Result?.Outcome == Verdict.Slower;
}
