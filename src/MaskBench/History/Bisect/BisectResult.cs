using MaskBench.Foundation.Files;

namespace MaskBench.History.Bisect;

/// <summary><c>artifacts/bisect/&lt;id&gt;.json</c>: where throughput dropped between good and bad, and every probe with its figures.</summary>
/// <param name="FirstBad">The first commit that measures slower than good (full hash).</param>
/// <param name="LastGood">The last commit before it that measures as good (full hash).</param>
/// <param name="Commits">How many commits good..bad holds, good and bad included.</param>
/// <param name="ProbeCount">How many commits were measured, the endpoints included.</param>
/// <param name="ProbeCalls">How many times the probe was asked to measure (a commit asked for more runs counts again).</param>
/// <param name="Runs">Training runs in all the probes.</param>
/// <param name="SkippedBetween">Commits between lastGood and firstBad that did not build: the first bad could be any of them, or firstBad.</param>
internal sealed record BisectResult(
    string Implementation,
    string Good,
    string Bad,
    string FirstBad,
    string LastGood,
    int Commits,
    int ProbeCount,
    int ProbeCalls,
    int Runs,
    IReadOnlyList<string> SkippedBetween,
    IReadOnlyList<ProbeRecord> Probes
)
{
    public void Write(string path) => JsonFiles.Write(path, this);

    /// <summary>One line for the log: the answer, with the doubt when skipped commits leave it open.</summary>
    public string Summary() =>
        SkippedBetween.Count == 0
            ? $"{Implementation}: the first slow commit is {FirstBad} (last good {LastGood}); {ProbeCount} commits of {Commits} measured, {Runs} runs"
            : $"{Implementation}: the first slow commit is {FirstBad} or one of {SkippedBetween.Count} commits before it that do not build ({string.Join(", ", SkippedBetween.Select(c => c[..12]))}); last good {LastGood}";
}
