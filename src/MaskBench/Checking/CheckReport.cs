using System.Text;

namespace MaskBench.Checking;

/// <summary>Every reference of the checked recipes with what was found and the fix.</summary>
public sealed record CheckReport(IReadOnlyList<CheckResult> Results, TimeSpan Elapsed)
{
    /// <summary>Something is missing or could not be reached: the build should not go on to Setup.</summary>
    public bool Failed => Results.Any(r => r.Status.Fails());

    public long Bytes => Results.Sum(r => r.Bytes);

    /// <summary>Nothing answered: every reference that was tried was unreachable (the host is offline, or behind a
    /// firewall): one line says so instead of a row per reference.</summary>
    public bool Offline =>
        Probed.Any(r => r.Status == CheckStatus.Unreachable)
        && Probed.All(r => r.Status is CheckStatus.Unreachable or CheckStatus.NotChecked);

    /// <summary>The rows that needed the network (the others, such as a stack's own notes, are read here).</summary>
    IEnumerable<CheckResult> Probed => Results.Where(r => r.Reference.Kind is "git" or "image" or "pip" or "url");

    /// <summary>The one line for an offline host: how many references of which kinds, and the fix.</summary>
    public string OfflineLine() =>
        $"this host reached none of the {Probed.Count()} references ("
        + string.Join(
            ", ",
            Probed.GroupBy(r => r.Reference.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}")
        )
        + "): it looks offline; run Check on a connected host (--verbosity verbose lists every reference)";

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
