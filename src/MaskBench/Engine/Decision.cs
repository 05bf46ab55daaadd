namespace MaskBench.Engine;

internal enum Verdict
{
    Run,
    UpToDate,
    Skip,

    /// <summary>A target with no action of its own, only dependencies (NUKE's "collective").</summary>
    Collective,
}

/// <summary>What will happen to one target, and why.</summary>
internal sealed record Decision(string Target, Verdict Verdict, IReadOnlyList<Reason> Reasons)
{
    public string Because => string.Join("; ", Reasons.Select(r => r.Text));
}
