namespace MaskBench.History;

/// <summary>
/// Decides whether <c>candidate</c> runs are faster, slower or the same as <c>baseline</c> runs (img/s each).
/// The statistics of issue 13 (<c>MaskBench.Statistics.Verdict.Between</c>) plug in here through an adapter;
/// <see cref="RankOracle"/> is the stand-in until then.
/// </summary>
public interface IVerdictOracle
{
    VerdictResult Decide(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate);
}
