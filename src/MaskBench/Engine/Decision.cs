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
internal sealed record Decision(string Target, Verdict Verdict, IReadOnlyList<string> Reasons)
{
    public string Because => string.Join("; ", Reasons);
}

/// <summary>Decides run, skip or up to date for one target, from its stamp, its inputs now and its upstream.</summary>
internal sealed class Decider(TargetGraph graph, StampStore stamps, ISet<string> skipped, Func<string, bool> forced)
{
    /// <param name="willRun">Whether an upstream target is going to run first (at plan time), so its output may change.</param>
    public Decision Decide(ExecutableTarget target, Func<string, bool> willRun)
    {
        if (skipped.Contains(target.Name))
            return new(target.Name, Verdict.Skip, ["skipped with --skip"]);
        foreach (var (condition, because) in target.Conditions)
            if (!condition())
                return new(target.Name, Verdict.Skip, [because]);
        if (target.Action is null)
            return new(target.Name, Verdict.Collective, ["groups its dependencies"]);
        if (!target.IsTracked)
            return new(target.Name, Verdict.Run, ["has no up-to-date check; runs every time"]);
        if (forced(target.Name))
            return new(target.Name, Verdict.Run, ["forced with --force"]);
        var upstream = target.DependsOn.Where(d => graph[d].IsTracked && willRun(d)).ToList();
        if (upstream.Count > 0)
            return new(target.Name, Verdict.Run, upstream.Select(d => $"{d} runs first and may change its output").ToList());
        var reasons = Staleness.Reasons(stamps.Read(target.Name), target.Fingerprint(UpstreamIdentity), target.OutputIdentities());
        return reasons.Count == 0 ? new(target.Name, Verdict.UpToDate, ["up to date"]) : new(target.Name, Verdict.Run, reasons);
    }

    public string? UpstreamIdentity(string dependency) =>
        graph[dependency].IsTracked ? stamps.Read(dependency)?.OutputIdentity ?? "(never made)" : null;
}
