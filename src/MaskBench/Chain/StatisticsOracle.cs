using MaskBench.History;
using MaskBench.Statistics;

namespace MaskBench.Chain;

/// <summary>History's verdicts (Compare, Bisect) from the statistics of repeated runs: a rank test with an effect floor
/// and an equivalence test (<see cref="Statistics.Verdict.Between"/>).</summary>
public sealed class StatisticsOracle(VerdictOptions? options = null) : IVerdictOracle
{
    public VerdictResult Decide(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
    {
        var verdict = Statistics.Verdict.Between(candidate, baseline, options);
        var outcome = verdict.Outcome switch
        {
            Statistics.Verdict.Faster => History.Verdict.Faster,
            Statistics.Verdict.Slower => History.Verdict.Slower,
            Statistics.Verdict.Same => History.Verdict.Same,
            _ => History.Verdict.Inconclusive,
        };
        return new VerdictResult(outcome, verdict.P, verdict.Effect);
    }
}
