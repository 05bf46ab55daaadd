using MaskBench.Foundation.Statistics;

namespace MaskBench.History.Bisect;

/// <summary>One bisect probe as kept in the journal and in <c>bisect/&lt;id&gt;.json</c>: a commit, its runs and the decision.</summary>
/// <param name="Index">The commit's position in good..bad (0 = good).</param>
/// <param name="Decision"><c>good</c>, <c>bad</c>, <c>skipped</c>, or null while undecided.</param>
/// <param name="Rule">How the decision was reached when not by a clear verdict (e.g. the nearest median after the run cap).</param>
internal sealed record ProbeRecord(
    string Commit,
    int Index,
    IReadOnlyList<double> Throughputs,
    string? Unbuildable,
    string? Decision = null,
    Verdict? Verdict = null,
    string? Rule = null
)
{
    public double? Median => Throughputs.Count > 0 ? Samples.Median(Throughputs) : null;
}
