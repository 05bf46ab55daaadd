using System.Globalization;
using System.Net;
using System.Text;
using MaskBench.Foundation.Text;

namespace MaskBench.Reports;

/// <summary><c>benchmark.html</c>: the chart, the table and how each figure was read, in one file with nothing to fetch.</summary>
internal static class HtmlReport
{
    public static string Html(IReadOnlyList<BenchmarkRow> rows, DateTimeOffset made, TableAnalysis? analysis = null)
    {
        analysis ??= TableAnalysis.Of(rows);
        var html = new StringBuilder();
        html.Append(PageStyle.Head("MaskBench: Mask R-CNN training throughput")).Append("<h1>Mask R-CNN training throughput</h1>\n");
        var window = rows.FirstOrDefault()?.Requested.ToString() ?? "101..500";
        html.Append($"<p>Images per second averaged over 1-based iterations {window}, beside the figures of Detectron2's benchmark page ")
            .Append(
                $"(8 V100 GPUs, iterations 101..500). Images per iteration are the global batch: every GPU's images together. "
                    + $"Made by MaskBench on {made.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}.</p>\n"
            );
        html.Append(BarChart.Svg(rows));
        html.Append(
            "<table>\n<tr><th>Implementation</th><th>img/s</th><th>published</th><th>ratio</th><th>window</th><th>images/iteration<br>(all GPUs)</th><th>status</th></tr>\n"
        );
        foreach (var row in rows)
            html.Append(
                    $"<tr class=\"{row.Status}\"><td>{Encode(row.Name)}</td><td class=\"n\">{Figures.Throughput(row.Throughput)}{Interval(row)}</td>"
                )
                .Append(
                    $"<td class=\"n\">{Figures.Number(row.Published, "0.##")}</td><td class=\"n\">{Figures.Number(row.Ratio, "0.00")}</td>"
                )
                .Append($"<td>{Encode(Figures.Window(row))}</td><td class=\"n\">{row.ImagesPerIteration}</td>")
                .Append($"<td>{Status(row)}</td></tr>\n");
        html.Append("</table>\n").Append(AnalysisText.Html(analysis, rows));
        html.Append("<h2>How each figure was read</h2>\n<ul>\n");
        foreach (var row in rows.Where(r => r.Method is not null))
            html.Append($"<li>{Encode(row.Name)} (<code>{Encode(row.Format)}</code>): {Encode(row.Method!)}</li>\n");
        html.Append("</ul>\n");
        if (rows.Any(r => r.Provenance is not null))
        {
            html.Append("<h2>Where each figure comes from</h2>\n<ul>\n");
            foreach (var row in rows.Where(r => r.Provenance is not null))
                html.Append($"<li>{Encode(row.Name)}: {Encode(row.Provenance!)}</li>\n");
            html.Append("</ul>\n");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>A row's interval and runs on a line of their own under its figure, so the column stays narrow.</summary>
    static string Interval(BenchmarkRow row) =>
        Figures.Interval(row) is { Length: > 0 } interval ? $"<br><span class=\"sub\">{Encode(interval.Trim())}</span>" : "";

    /// <summary>The status and the one-line reason; a longer reason (a traceback) folds out below it.</summary>
    static string Status(BenchmarkRow row)
    {
        if (row.Reason is null)
            return Encode(row.Status);
        var line = ReasonText.OneLine(row.Reason);
        var cell = Encode($"{row.Status}: {line}");
        return line == row.Reason.Trim() ? cell : $"{cell}<details><summary>details</summary><pre>{Encode(row.Reason)}</pre></details>";
    }

    static string Encode(string text) => WebUtility.HtmlEncode(text);
}
