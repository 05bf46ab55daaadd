namespace MaskBench.Engine;

/// <summary>Decides run, skip or up to date for one target, from its stamp, its inputs now and its upstream.
/// The executor asks just before the target would start, so upstream stamps written moments ago count.</summary>
internal sealed class Decider(TargetGraph graph, StampStore stamps, ISet<string> skipped, Func<string, bool> forced)
{
    /// <param name="willRun">Whether an upstream target is going to run first (at plan time), so its output may change.</param>
    public Decision Decide(ExecutableTarget target, Func<string, bool> willRun)
    {
        if (skipped.Contains(target.Name))
            return new(target.Name, Verdict.Skip, [new("skipped", "skipped with --skip")]);
        if (target.WhyNot?.Invoke() is { } whyNot)
            return new(target.Name, Verdict.Skip, [new("unavailable", whyNot)]);
        if (target.Action is null)
            return new(target.Name, Verdict.Collective, [new("collective", "groups its dependencies")]);
        if (!target.IsTracked)
            return new(target.Name, Verdict.Run, [new("untracked", "has no up-to-date check; runs every time")]);
        if (forced(target.Name))
            return new(target.Name, Verdict.Run, [new("forced", "forced with --force")]);
        // A target ordered after another (Aggregate after every Parse) reads what it makes without depending on it: the
        // plan says it runs when that one will, as the run then finds (the run itself asks once that one has run).
        var upstream = target
            .DependsOn.Where(d => graph[d].IsTracked && willRun(d))
            .Select(d => new Reason("upstream", $"{d} runs first and may change its output", d))
            .Concat(
                target
                    .After.Where(a => !target.DependsOn.Contains(a) && graph.Contains(a) && graph[a].IsTracked && willRun(a))
                    .Select(a => new Reason("upstream", $"{a} runs first and may change what it reads", a))
            )
            .ToList();
        if (upstream.Count > 0)
            return new(target.Name, Verdict.Run, upstream);
        var read = stamps.Read(target.Name);
        if (read.Problem is not null)
            return new(
                target.Name,
                Verdict.Run,
                [new("stamp-unreadable", $"stamp {read.Shown} is unreadable ({read.Problem}): running {target.Name} again", read.Shown)]
            );
        var reasons = Staleness.Reasons(read.Stamp, target.Fingerprint(UpstreamIdentity), target.OutputIdentities());
        return reasons.Count == 0
            ? new(target.Name, Verdict.UpToDate, [new("up-to-date", "up to date")])
            : new(target.Name, Verdict.Run, reasons);
    }

    public string? UpstreamIdentity(string dependency) =>
        graph[dependency].IsTracked ? stamps.Read(dependency).Stamp?.OutputIdentity ?? "(never made)" : null;
}
