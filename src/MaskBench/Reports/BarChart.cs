using System.Globalization;
using System.Net;
using System.Text;
using MaskBench.Model.Logs;

namespace MaskBench.Reports;

/// <summary>The comparison as an SVG bar chart: per implementation, the measured img/s (with the interval of the
/// median as a whisker, its confidence in its tooltip, when there are repeated runs) beside the page's figure.</summary>
internal static class BarChart
{
    const int Left = 190,
        Right = 90,
        RowHeight = 44,
        Top = 40,
        Width = 760;

    public static string Svg(IReadOnlyList<BenchmarkRow> rows)
    {
        var largest = rows.SelectMany(r => new[] { r.Throughput ?? 0, r.Published ?? 0, r.Interval?[1] ?? 0 }).DefaultIfEmpty(0).Max();
        var scale = largest > 0 ? (Width - Left - Right) / largest : 0;
        var height = Top + rows.Count * RowHeight + 8;
        var svg = new StringBuilder();
        svg.Append(
            $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" font-family="DejaVu Sans, Verdana, sans-serif" font-size="13">"""
        );
        svg.Append('\n').Append("""<rect width="100%" height="100%" fill="#ffffff"/>""").Append('\n');
        svg.Append($"""<text x="10" y="22" font-size="15" font-weight="bold">Mask R-CNN training throughput (img/s)</text>""").Append('\n');
        Legend(svg, Width - 250, 14, "#1f77b4", "measured");
        Legend(svg, Width - 140, 14, "#c7c7c7", "published");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + i * RowHeight;
            svg.Append($"""<text x="{Left - 8}" y="{y + 21}" text-anchor="end">{WebUtility.HtmlEncode(row.Name)}</text>""").Append('\n');
            Bar(
                svg,
                y + 4,
                row.Throughput,
                scale,
                "#1f77b4",
                row.Throughput is null ? row.Status : null,
                Note(row),
                row.Interval,
                Figures.Label(row.IntervalConfidence)
            );
            Bar(svg, y + 22, row.Published, scale, "#c7c7c7", row.Published is null ? "no published figure" : null);
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    static void Bar(
        StringBuilder svg,
        int y,
        double? value,
        double scale,
        string colour,
        string? absent,
        string note = "",
        double[]? interval = null,
        string label = ""
    )
    {
        if (value is not { } v)
        {
            svg.Append(
                    $"""<text x="{Left + 4}" y="{y + 12}" fill="#777777" font-style="italic">{WebUtility.HtmlEncode(absent ?? "")}</text>"""
                )
                .Append('\n');
            return;
        }
        var length = Math.Max(1, v * scale);
        svg.Append($"""<rect x="{Left}" y="{y}" width="{Number(length)}" height="16" fill="{colour}"/>""");
        var end = length;
        if (interval is [var low, var high])
        {
            var (from, to) = (Left + low * scale, Left + high * scale);
            svg.Append(
                $"""<path d="M{Number(from)} {y + 8}H{Number(to)}M{Number(from)} {y + 3}V{y + 13}M{Number(to)} {y + 3}V{y + 13}" stroke="#222222" stroke-width="1.5" fill="none"><title>{WebUtility.HtmlEncode(label.Trim().Trim('(', ')'))}</title></path>"""
            );
            end = Math.Max(end, high * scale);
        }
        svg.Append(
                $"""<text x="{Number(Left + end + 5)}" y="{y + 12}">{(v < 10 ? Figures.Throughput(v) : Figures.Number(v, "0.#"))}{WebUtility.HtmlEncode(note)}</text>"""
            )
            .Append('\n');
    }

    /// <summary>A suspect figure carries the harness's beside it.</summary>
    static string Note(BenchmarkRow row) =>
        row.Status == ThroughputResult.Suspect ? $" (suspect: harness {Figures.Throughput(row.HarnessThroughput)})" : "";

    static void Legend(StringBuilder svg, int x, int y, string colour, string label) =>
        svg.Append($"""<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"/><text x="{x + 17}" y="{y + 11}">{label}</text>""")
            .Append('\n');

    static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
