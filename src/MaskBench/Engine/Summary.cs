namespace MaskBench.Engine;

/// <summary>The table printed at the end of a run: target, status, duration, reason.</summary>
internal static class Summary
{
    public static string Render(IReadOnlyList<TargetResult> results, TimeSpan total)
    {
        var rows = results.Select(r => (r.Target, Status: Label(r), Duration: Format(r.Duration, r.Status), r.Reason)).ToList();
        var header = (Target: "Target", Status: "Status", Duration: "Duration", Reason: "Reason");
        var targetWidth = rows.Select(r => r.Target.Length).Append(header.Target.Length).Max();
        var statusWidth = rows.Select(r => r.Status.Length).Append(header.Status.Length).Max();
        string Line((string Target, string Status, string Duration, string Reason) r) =>
            $"{r.Target.PadRight(targetWidth)}  {r.Status.PadRight(statusWidth)}  {r.Duration, 8}  {r.Reason}".TrimEnd();
        var rule = new string(
            '═',
            targetWidth + statusWidth + 14 + Math.Min(60, rows.Select(r => r.Reason.Length).DefaultIfEmpty(6).Max())
        );
        var failed = results.Count(r => r.Status == TargetStatus.Failed && !ExitCodes.IsNoBaseline(r.ExitCode));
        var verdict =
            failed > 0 ? $"Build failed: {failed} target{(failed == 1 ? "" : "s")} failed"
            : results.Any(r => ExitCodes.IsNoBaseline(r.ExitCode)) ? "Build finished: nothing compared, no baseline yet (exit 6)"
            : "Build succeeded";
        return string.Join(
            "\n",
            [
                rule,
                Line(header),
                new string('─', rule.Length),
                .. rows.Select(Line),
                new string('─', rule.Length),
                $"{"Total".PadRight(targetWidth + statusWidth + 2)}  {Format(total, TargetStatus.Ran), 8}",
                rule,
                verdict,
                "",
            ]
        );
    }

    static string Label(TargetResult result) =>
        result.Status switch
        {
            TargetStatus.Ran => "ran",
            TargetStatus.UpToDate => "up to date",
            TargetStatus.Skipped => "skipped",
            TargetStatus.Collective => "collective",
            TargetStatus.Failed => ExitCodes.StatusOf(result.ExitCode),
            _ => "not run",
        };

    static string Format(TimeSpan duration, TargetStatus status) =>
        status is TargetStatus.Skipped or TargetStatus.NotRun or TargetStatus.Collective ? "–"
        : duration.TotalHours >= 1 ? duration.ToString(@"h\:mm\:ss")
        : duration.TotalSeconds >= 10 ? duration.ToString(@"m\:ss")
        : $"{duration.TotalSeconds:0.000}s".Replace(',', '.');
}
