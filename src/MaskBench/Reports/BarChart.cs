using System.Globalization;
using System.Net;
using System.Text;
using MaskBench.Model.Logs;
using MaskBench.Reports.Charts;

namespace MaskBench.Reports;

/// <summary>The comparison as an SVG bar chart: per implementation, the measured img/s (with the interval of the
/// median as a whisker when there are repeated runs) beside the page's figure, on a value axis at round steps. Each
/// bar's tooltip gives its figure, runs, interval and where it comes from; every label stays inside the canvas.</summary>
internal static class BarChart
{
    const int RowHeight = 44,
        Top = 40,
        Width = 760,
        FontSize = 13,
        AxisHeight = 24,
        MinLeft = 190,
        MaxLeft = 260;

    public static string Svg(IReadOnlyList<BenchmarkRow> rows)
    {
        var widest = rows.Select(r => SvgText.Width(r.Name, FontSize) + 18).DefaultIfEmpty(0).Max();
        var left = (int)Math.Ceiling(Math.Clamp(widest, MinLeft, MaxLeft));
        var scale = Scale(rows, left);
        var bottom = Top + rows.Count * RowHeight;
        var height = bottom + AxisHeight;
        var svg = new StringBuilder();
        svg.Append(
            $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" font-family="DejaVu Sans, Verdana, sans-serif" font-size="{FontSize}">"""
        );
        svg.Append('\n').Append("""<rect width="100%" height="100%" fill="#ffffff"/>""").Append('\n');
        svg.Append($"""<text x="10" y="22" font-size="15" font-weight="bold">Mask R-CNN training throughput (img/s)</text>""").Append('\n');
        Legend(svg, Width - 250, 14, "#1f77b4", "measured");
        Legend(svg, Width - 140, 14, "#c7c7c7", "published");
        Axis(svg, left, bottom, scale, Labels(rows).Select(l => l.End).DefaultIfEmpty(0).Max());
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + i * RowHeight;
            svg.Append(Name(row.Name, left, y + 21)).Append('\n');
            Bar(svg, left, y + 4, Measured(row), scale, "#1f77b4", row.Throughput is null ? row.Status : null, MeasuredTitle(row));
            Bar(
                svg,
                left,
                y + 22,
                Published(row),
                scale,
                "#c7c7c7",
                row.Published is null ? "no published figure" : null,
                PublishedTitle(row)
            );
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The row's name, right-aligned before the bars; a name wider than the margin is cut with "…" and
    /// whole in its tooltip.</summary>
    static string Name(string name, int left, int y)
    {
        var fits = (int)((left - 12) / (FontSize * SvgText.EmPerCharacter));
        if (name.Length <= fits)
            return SvgText.Element(left - 8, y, "end", name);
        var cut = WebUtility.HtmlEncode(name[..(fits - 1)].TrimEnd() + "…");
        return $"""<text x="{left - 8}" y="{y}" text-anchor="end"><title>{WebUtility.HtmlEncode(name)}</title>{cut}</text>""";
    }

    /// <summary>A bar's value, the text printed after it, and the interval drawn over it (null: none).</summary>
    sealed record BarLabel(double? Value, string Text, double[]? Interval)
    {
        public double End => Math.Max(Value ?? 0, Interval is [_, var high] ? high : 0);
    }

    /// <summary>Pixels per img/s: as large as lets every bar, its whisker and its label end inside the canvas.</summary>
    static double Scale(IReadOnlyList<BenchmarkRow> rows, int left)
    {
        var room = Width - 4 - left - 5;
        var fits = Labels(rows).Where(l => l.End > 0).Select(l => (room - SvgText.Width(l.Text, FontSize)) / l.End).DefaultIfEmpty(0).Min();
        return Math.Max(0, fits);
    }

    /// <summary>Every row's two bars: the measured figure with its note and interval, and the page's.</summary>
    static IEnumerable<BarLabel> Labels(IReadOnlyList<BenchmarkRow> rows) => rows.SelectMany(r => new[] { Measured(r), Published(r) });

    static BarLabel Measured(BenchmarkRow row) => new(row.Throughput, Figures.Throughput(row.Throughput) + Note(row), row.Interval);

    static BarLabel Published(BenchmarkRow row) => new(row.Published, Figures.Number(row.Published, "0.##"), null);

    static void Bar(StringBuilder svg, int left, int y, BarLabel bar, double scale, string colour, string? absent, string title)
    {
        svg.Append($"<g><title>{WebUtility.HtmlEncode(title)}</title>");
        if (bar.Value is not { } v)
        {
            svg.Append(
                    $"""<text x="{left + 4}" y="{y + 12}" fill="#777777" font-style="italic">{WebUtility.HtmlEncode(absent ?? "")}</text>"""
                )
                .Append("</g>\n");
            return;
        }
        svg.Append($"""<rect x="{left}" y="{y}" width="{Number(Math.Max(1, v * scale))}" height="16" fill="{colour}"/>""");
        if (bar.Interval is [var low, var high])
        {
            var (from, to) = (left + low * scale, left + high * scale);
            svg.Append(
                $"""<path d="M{Number(from)} {y + 8}H{Number(to)}M{Number(from)} {y + 3}V{y + 13}M{Number(to)} {y + 3}V{y + 13}" stroke="#222222" stroke-width="1.5" fill="none"/>"""
            );
        }
        svg.Append($"""<text x="{Number(left + Math.Max(1, bar.End * scale) + 5)}" y="{y + 12}">{WebUtility.HtmlEncode(bar.Text)}</text>""")
            .Append("</g>\n");
    }

    /// <summary>Light vertical lines at round img/s below the bars, up to the longest, labelled under the last row.</summary>
    static void Axis(StringBuilder svg, int left, int bottom, double scale, double largest)
    {
        if (scale <= 0 || largest <= 0)
            return;
        foreach (var (value, label) in AxisTicks.Between(0, largest))
            svg.Append(
                    $"""<line x1="{Number(left + value * scale)}" y1="{Top}" x2="{Number(left + value * scale)}" y2="{bottom}" stroke="#eeeeee"/>"""
                )
                .Append(SvgText.Element(left + value * scale, bottom + 16, "middle", label, "fill=\"#555555\" font-size=\"11\""))
                .Append('\n');
    }

    /// <summary>The tooltip of the measured bar: the figure, its runs and interval, and where it comes from.</summary>
    static string MeasuredTitle(BenchmarkRow row)
    {
        if (row.Throughput is not { } t)
            return $"{row.Name}: {row.Status}{(row.Reason is null ? "" : ": " + MaskBench.Foundation.Text.ReasonText.OneLine(row.Reason))}";
        var measured = row.Runs.Count(f => f.Throughput is not null);
        var runs = row.Interval is null ? $", {measured} run{(measured == 1 ? "" : "s")}" : Figures.Interval(row);
        var where = row.Provenance is null ? "" : $"; {row.Provenance}";
        return $"{row.Name}: {Figures.Throughput(t)} img/s{runs}{Note(row)}{where}";
    }

    static string PublishedTitle(BenchmarkRow row) =>
        row.Published is { } p
            ? $"{row.Name}: {Figures.Number(p, "0.##")} img/s on Detectron2's benchmark page (8 V100 GPUs)"
            : $"{row.Name}: no published figure";

    /// <summary>A suspect figure carries the harness's beside it.</summary>
    static string Note(BenchmarkRow row) =>
        row.Status == ThroughputResult.Suspect ? $" (suspect: harness {Figures.Throughput(row.HarnessThroughput)})" : "";

    static void Legend(StringBuilder svg, int x, int y, string colour, string label) =>
        svg.Append($"""<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"/><text x="{x + 17}" y="{y + 11}">{label}</text>""")
            .Append('\n');

    static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
