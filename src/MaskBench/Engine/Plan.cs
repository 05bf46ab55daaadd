using MaskBench.Foundation.Files;

namespace MaskBench.Engine;

/// <summary>What a run would do and why, without running anything (<c>--plan</c>, <c>--plan --json</c>): each target's
/// decision with its reasons, the edges between the scheduled targets, and what preflight would stop the run for.</summary>
internal sealed record Plan(IReadOnlyList<string> Invoked, IReadOnlyList<Decision> Decisions)
{
    /// <summary>The version of <c>--plan --json</c>'s form: raised when a field changes meaning or goes.</summary>
    public const int JsonVersion = 2;

    /// <summary>Between scheduled targets: <c>depends-on</c> (runs after, and its output is an input) or <c>after</c> (order only).</summary>
    public IReadOnlyList<(string From, string To, string Kind)> Edges { get; init; } = [];

    /// <summary>What preflight would stop the run for before any target starts (GPUs, container engine, data); the run
    /// checks the same.</summary>
    public IReadOnlyList<string> Preflight { get; init; } = [];

    public static Plan Make(IReadOnlyList<string> invoked, IReadOnlyList<ExecutableTarget> schedule, Decider decider)
    {
        var running = new HashSet<string>(StringComparer.Ordinal);
        var decisions = new List<Decision>();
        foreach (var target in schedule)
        {
            Decision decision;
            try
            {
                decision = decider.Decide(target, running.Contains);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or BuildException)
            {
                decision = new(target.Name, Verdict.Run, [new("inputs-unreadable", $"cannot check its inputs: {e.Message}")]);
            }
            if (decision.Verdict == Verdict.Run)
                running.Add(target.Name);
            decisions.Add(decision);
        }
        var scheduled = schedule.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return new(invoked, decisions)
        {
            Edges =
            [
                .. schedule.SelectMany(t =>
                    t.DependsOn.Where(scheduled.Contains)
                        .Select(d => (t.Name, d, "depends-on"))
                        .Concat(t.After.Where(scheduled.Contains).Select(a => (t.Name, a, "after")))
                ),
            ],
        };
    }

    public string ToText()
    {
        var toRun = Decisions.Count(d => d.Verdict == Verdict.Run);
        var width = Decisions.Select(d => d.Target.Length).DefaultIfEmpty(6).Max();
        var lines = new List<string> { $"Plan for {string.Join(", ", Invoked)}: {toRun} of {Decisions.Count} targets to run" };
        lines.AddRange(
            Decisions.Select(d =>
                $"  {d.Target.PadRight(width)}  {Label(d.Verdict), -10}  {(d.Verdict is Verdict.UpToDate or Verdict.Collective ? "" : d.Because)}".TrimEnd()
            )
        );
        if (Preflight.Count > 0)
            lines.Add(
                $"Preflight would stop this run before any target starts ({Preflight.Count} problem{(Preflight.Count == 1 ? "" : "s")}):\n  - "
                    + string.Join("\n  - ", Preflight)
            );
        return string.Join("\n", lines) + "\n";
    }

    public string ToJson() =>
        JsonFiles.Text(
            new
            {
                version = JsonVersion,
                invoked = Invoked,
                targets = Decisions.Select(d => new
                {
                    target = d.Target,
                    action = Label(d.Verdict),
                    reasons = d.Reasons.Select(r => new
                    {
                        kind = r.Kind,
                        name = r.Name,
                        old = r.Old,
                        @new = r.New,
                        text = r.Text,
                    }),
                }),
                edges = Edges.Select(e => new
                {
                    from = e.From,
                    to = e.To,
                    kind = e.Kind,
                }),
                preflight = Preflight,
            }
        );

    static string Label(Verdict verdict) =>
        verdict switch
        {
            Verdict.Run => "run",
            Verdict.UpToDate => "up-to-date",
            Verdict.Collective => "collective",
            _ => "skip",
        };
}
