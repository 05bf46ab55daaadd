using System.Net;
using System.Text;
using MaskBench.Foundation.Statistics;

namespace MaskBench.Reports;

/// <summary>The analysis in words below the table: neighbours' verdicts, consistency with the page, the ratio of
/// ratios; as Markdown and as HTML. Sections with nothing to say are left out.</summary>
static class AnalysisText
{
    const string PageHardware =
        "The page measured 8 V100 GPUs at iterations 101..500; on other hardware these say how far the figures moved, "
        + "and the ratio of ratios below is the comparison that holds.";

    public static string Markdown(TableAnalysis analysis, IReadOnlyList<BenchmarkRow> rows)
    {
        var text = new StringBuilder();
        if (rows.Any(r => Figures.Runs(r) is not null))
        {
            text.Append("\n## Runs\n\n");
            foreach (var r in rows)
                if (Figures.Runs(r) is { } runs)
                    text.Append($"- {r.Name}: {runs}.\n");
        }
        if (analysis.Neighbours.Count > 0)
        {
            text.Append("\n## Between neighbours\n\n");
            if (analysis.OneRunEach)
                text.Append(OneRun).Append('\n');
            else
                foreach (var n in analysis.Neighbours)
                    text.Append($"- {Name(rows, n.Implementation)} vs {Name(rows, n.Next)}: {n.Verdict.Sentence}; {Separation(n)}.\n");
        }
        if (analysis.Page.Count > 0)
        {
            text.Append($"\n## Against the page\n\n{PageHardware}\n\n");
            foreach (var p in analysis.Page)
                text.Append($"- {Name(rows, p.Implementation)}: {p.Consistency.Sentence}.\n");
        }
        if (analysis.Ratios is { } ratios)
        {
            text.Append($"\n## Ratio of ratios\n\n{Reference(ratios)}\n\n")
                .Append("| Implementation | Measured ratio | Page ratio | Ratio of ratios | Outcome |\n|---|---:|---:|---:|---|\n");
            foreach (var e in Ordered(ratios, rows))
                text.Append(
                    $"| {Name(rows, e.Id)} | {Figures.Number(e.Measured, "0.00")} | {Figures.Number(e.Published, "0.00")} | {Value(e)} | {e.Outcome} |\n"
                );
        }
        else if (analysis.RatiosNote is { } note && analysis.Page.Count > 0)
            text.Append($"\n## Ratio of ratios\n\nNone: {note}.\n");
        return text.ToString();
    }

    public static string Html(TableAnalysis analysis, IReadOnlyList<BenchmarkRow> rows)
    {
        var html = new StringBuilder();
        if (rows.Any(r => Figures.Runs(r) is not null))
        {
            html.Append("<h2>Runs</h2>\n<ul>\n");
            foreach (var r in rows)
                if (Figures.Runs(r) is { } runs)
                    html.Append($"<li><b>{Encode(r.Name)}</b>: {Encode(runs)}</li>\n");
            html.Append("</ul>\n");
        }
        if (analysis.Neighbours.Count > 0 && analysis.OneRunEach)
            html.Append($"<h2>Between neighbours</h2>\n<p>{Encode(OneRun)}</p>\n");
        else if (analysis.Neighbours.Count > 0)
        {
            html.Append("<h2>Between neighbours</h2>\n<ul>\n");
            foreach (var n in analysis.Neighbours)
                html.Append(
                    $"<li><b>{Encode(Name(rows, n.Implementation))}</b> vs <b>{Encode(Name(rows, n.Next))}</b>: "
                        + $"{Encode(n.Verdict.Sentence)}; {Encode(Separation(n))}</li>\n"
                );
            html.Append("</ul>\n");
        }
        if (analysis.Page.Count > 0)
        {
            html.Append($"<h2>Against the page</h2>\n<p>{Encode(PageHardware)}</p>\n<ul>\n");
            foreach (var p in analysis.Page)
                html.Append($"<li><b>{Encode(Name(rows, p.Implementation))}</b>: {Encode(p.Consistency.Sentence)}</li>\n");
            html.Append("</ul>\n");
        }
        if (analysis.Ratios is { } ratios)
        {
            html.Append($"<h2>Ratio of ratios</h2>\n<p>{Encode(Reference(ratios))}</p>\n<table>\n")
                .Append(
                    "<tr><th>Implementation</th><th>measured ratio</th><th>page ratio</th><th>ratio of ratios</th><th>outcome</th></tr>\n"
                );
            foreach (var e in Ordered(ratios, rows))
                html.Append($"<tr><td>{Encode(Name(rows, e.Id))}</td><td class=\"n\">{Figures.Number(e.Measured, "0.00")}</td>")
                    .Append($"<td class=\"n\">{Figures.Number(e.Published, "0.00")}</td><td class=\"n\">{Encode(Value(e))}</td>")
                    .Append($"<td>{Encode(e.Outcome)}</td></tr>\n");
            html.Append("</table>\n");
        }
        return html.ToString();
    }

    static readonly string OneRun =
        $"One run each: no two implementations can be ranked by a test. Run --repeats {Verdict.RunsEach(VerdictOptions.Default.Alpha)} or more "
        + $"(the fewest runs a side at which a rank test can reach p < {VerdictOptions.Default.Alpha}); 6 or more give each row an exact 95 % interval.";

    /// <summary>The ratio of ratios' entries in table order.</summary>
    static IEnumerable<RatioEntry> Ordered(RatioOfRatios ratios, IReadOnlyList<BenchmarkRow> rows) =>
        ratios.Entries.OrderBy(e => rows.ToList().FindIndex(r => r.Implementation == e.Id));

    static string Separation(NeighbourVerdict n) => n.Separation.Hint ?? "their intervals do not overlap";

    static string Reference(RatioOfRatios ratios) =>
        $"Each implementation's median over the reference's, measured side by side here, against the same ratio on the page; "
        + $"reference: {ratios.Rule}. 1.00 means the page's gap holds on this machine; the interval is a conservative "
        + $"bound from the two rows' intervals (at least 90 %).";

    static string Value(RatioEntry e) =>
        e.Outcome == RatioEntry.Reference
            ? "1.00"
            : Figures.Number(e.Value, "0.00")
                + (e.Low is { } low && e.High is { } high ? $" [{Figures.Number(low, "0.00")}–{Figures.Number(high, "0.00")}]" : "");

    static string Name(IReadOnlyList<BenchmarkRow> rows, string id) => rows.FirstOrDefault(r => r.Implementation == id)?.Name ?? id;

    static string Encode(string text) => WebUtility.HtmlEncode(text);
}
