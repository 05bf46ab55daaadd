namespace MaskBench.History.Bisect;

/// <summary>How hard a bisect looks at each commit.</summary>
/// <param name="Repeats">Runs per probe (<c>--repeats</c>).</param>
/// <param name="MaxRuns">The most runs one commit gets when its verdict stays inconclusive (at least <paramref name="Repeats"/>).</param>
internal sealed record BisectOptions(int Repeats = 3, int MaxRuns = 9)
{
    public void Check()
    {
        if (Repeats < 1)
            throw new HistoryException(
                $"--repeats {Repeats} measures nothing: pass --repeats 1 or more (3 or more lets the verdict be significant)"
            );
        if (MaxRuns < Repeats)
            throw new HistoryException($"the run cap {MaxRuns} is below --repeats {Repeats}: raise the cap");
    }
}
