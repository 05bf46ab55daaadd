using System.Text;

namespace MaskBench.Stages.Setup.Check;

/// <summary>Every reference of the checked recipes with what was found and the fix.</summary>
internal sealed record CheckReport(IReadOnlyList<CheckResult> Results, TimeSpan Elapsed)
{
    /// <summary>Something is missing or could not be reached: the build should not go on to Setup.</summary>
    public bool Failed => Results.Any(r => r.Status.Fails());

    public long Bytes => Results.Sum(r => r.Bytes);

    /// <summary>None of the references answered, and some were asked: the host, not the recipes, is the problem, and
    /// one line says so (the table is for <c>--verbosity verbose</c>).</summary>
    public bool NothingReached =>
        Results.Any(r => r.Status == CheckStatus.Unreachable)
        && Results.All(r => r.Status is CheckStatus.Unreachable or CheckStatus.NotChecked);

    /// <summary>An aligned text table: implementation, reference, kind, status, fix; then one line of totals.</summary>
    public string ToTable()
    {
        string[] header = ["implementation", "reference", "kind", "status", "fix"];
        var rows = Results
            .Select(r => new[] { r.Reference.Implementation, r.Reference.Shown, r.Reference.Kind, r.Status.Show(), r.Fix })
            .ToList();
        var widths = Enumerable.Range(0, 4).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(string[] cells) =>
            text.AppendLine(string.Join("  ", cells.Select((c, i) => i < 4 ? c.PadRight(widths[i]) : c)).TrimEnd());
        Line(header);
        Line(widths.Select(w => new string('-', w)).Append("---").ToArray());
        rows.ForEach(Line);
        var counts = Results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.Show()}");
        text.AppendLine(
            $"{Results.Count} references: {string.Join(", ", counts)}; {Bytes / 1024.0:0.#} KiB received in {Elapsed.TotalSeconds:0.0} s"
        );
        return text.ToString();
    }
}
