using MaskBench.Foundation.Text;

namespace MaskBench.Reports.Charts;

/// <summary>
/// An implementation's throughput over time on one machine as SVG: per commit (placed by commit date) the median
/// and the min–max of its runs, the page's published figure as a band, and regressions against the rolling baseline
/// marked in red with their change.
/// </summary>
internal static class HistoryChart
{
    const string Runs = "#1f77b4",
        Regression = "#d62728",
        Band = "#e0e0e0";

    /// <param name="published">The published figure's band (e.g. the page's number ± its printed rounding), or null.</param>
    public static string Svg(
        string implementation,
        string machineKey,
        IReadOnlyList<TimelinePoint> points,
        (double Low, double High)? published
    )
    {
        var values = points.SelectMany(p => p.Runs).Concat(published is { } b ? [b.Low, b.High] : []);
        var plot = new SvgPlot($"{implementation} on {machineKey}: training img/s by commit date", values);
        plot.Legend(SvgPlot.Width - 330, Runs, "median, min–max");
        plot.Legend(SvgPlot.Width - 190, Regression, "slower than baseline");
        if (published is { } band)
        {
            var top = plot.Y(band.High);
            plot.Svg.Append(
                    $"""<rect x="{SvgPlot.Left + 1}" y="{SvgPlot.N(top)}" width="{SvgPlot.Width - SvgPlot.Left - SvgPlot.Right - 1}" height="{SvgPlot.N(Math.Max(1, plot.Y(band.Low) - top))}" fill="{Band}"/>"""
                )
                .Append(
                    $"""<text x="{SvgPlot.Width - SvgPlot.Right - 4}" y="{SvgPlot.N(top - 4)}" text-anchor="end" fill="#777777">published {SvgPlot.N((band.Low + band.High) / 2)}</text>"""
                )
                .Append('\n');
        }
        if (points.Count == 0)
        {
            plot.Svg.Append(
                    $"""<text x="{SvgPlot.Left + 12}" y="{SvgPlot.Top + 24}" fill="#777777" font-style="italic">no measured runs yet</text>"""
                )
                .Append('\n');
            return plot.Close();
        }
        var first = points[0].CommitDate;
        var days = Math.Max(1e-9, (points[^1].CommitDate - first).TotalDays);
        var width = SvgPlot.Width - SvgPlot.Left - SvgPlot.Right - 40;
        double X(TimelinePoint p) =>
            points.Count == 1 ? SvgPlot.Left + 20 + width / 2.0 : SvgPlot.Left + 20 + (p.CommitDate - first).TotalDays / days * width;
        foreach (var point in points)
        {
            var x = X(point);
            plot.Whisker(x, point.Runs, point.Median, point.Regressed ? Regression : Runs, point.Regressed ? 5.5 : 4, Title(point));
            if (point.Regressed)
            {
                // Right of the point, or left of it where the label would run past the canvas's edge
                var label = $"{point.Commit[..7]} {SvgPlot.N(point.Verdict!.Effect * 100)} %";
                var (labelX, anchor) = SvgText.Beside(x, 8, label, 12, SvgPlot.Width - 4);
                plot.Svg.Append(SvgText.Element(labelX, plot.Y(point.Runs.Min()) + 12, anchor, label, $"fill=\"{Regression}\""))
                    .Append('\n');
            }
        }
        foreach (var (x, date) in DateLabels(points.Select(p => (X(p), p.CommitDate)).ToList()))
            plot.Svg.Append(SvgText.Element(x, SvgPlot.Height - SvgPlot.Bottom + 18, "middle", date)).Append('\n');
        return plot.Close();
    }

    /// <summary>Commit dates under the axis, left to right, each a label's width and a gap from the one before; the
    /// newest always, taking the place of the one before it where the two would touch.</summary>
    static List<(double X, string Date)> DateLabels(IReadOnlyList<(double X, DateTimeOffset Date)> points)
    {
        var labels = new List<(double X, string Date)>();
        for (var i = 0; i < points.Count; i++)
        {
            var (x, date) = points[i];
            var text = date.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var apart = SvgText.Width(text, 12) + 10;
            if (labels.Count > 0 && x - labels[^1].X < apart)
            {
                if (i < points.Count - 1)
                    continue;
                labels.RemoveAt(labels.Count - 1);
                if (labels.Count > 0 && x - labels[^1].X < apart)
                    labels.RemoveAt(labels.Count - 1);
            }
            labels.Add((x, text));
        }
        return labels;
    }

    /// <summary>The tooltip: the commit and its date, the median, the runs and their min–max, the change when slower.</summary>
    static string Title(TimelinePoint point) =>
        $"{point.Commit[..7]} ({point.CommitDate.UtcDateTime:yyyy-MM-dd}): {ThroughputText.Of(point.Median)} img/s, "
        + (
            point.Runs.Count == 1
                ? "1 run"
                : $"median of {point.Runs.Count} runs, min–max {ThroughputText.Of(point.Runs.Min())}–{ThroughputText.Of(point.Runs.Max())}"
        )
        + (point.Regressed ? $", {SvgPlot.N(point.Verdict!.Effect * 100)} % against the baseline" : "");
}
