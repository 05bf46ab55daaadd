using MaskBench.Foundation.Files;

namespace MaskBench.Engine;

/// <summary>What a run would do and why, without running anything (<c>--plan</c>, <c>--plan --json</c>).</summary>
internal sealed record Plan(IReadOnlyList<string> Invoked, IReadOnlyList<Decision> Decisions)
{
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
                decision = new(target.Name, Verdict.Run, [$"cannot check its inputs: {e.Message}"]);
            }
            if (decision.Verdict == Verdict.Run)
                running.Add(target.Name);
            decisions.Add(decision);
        }
        return new(invoked, decisions);
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
        return string.Join("\n", lines) + "\n";
    }

    public string ToJson() =>
        JsonFiles.Text(
            new
            {
                invoked = Invoked,
                targets = Decisions.Select(d => new
                {
                    target = d.Target,
                    action = Label(d.Verdict),
                    reasons = d.Reasons,
                }),
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
