using MaskBench.Foundation.Text;
using MaskBench.History.Bisect;

namespace MaskBench.Reports.Charts;

/// <summary>A bisect's probes as SVG, in commit order from good to bad: each probe's median and min–max coloured by its decision, skipped commits marked, the first bad commit outlined.</summary>
internal static class BisectChart
{
    const string Good = "#2ca02c",
        Bad = "#d62728",
        Skipped = "#999999";

    public static string Svg(BisectResult result)
    {
        var plot = new SvgPlot(
            $"Bisect {result.Implementation}: {result.ProbeCount} of {result.Commits} commits measured",
            result.Probes.SelectMany(p => p.Throughputs)
        );
        plot.Legend(SvgPlot.Width - 300, Good, "good");
        plot.Legend(SvgPlot.Width - 240, Bad, "slower (bad)");
        plot.Legend(SvgPlot.Width - 130, Skipped, "does not build");
        var width = SvgPlot.Width - SvgPlot.Left - SvgPlot.Right - 40;
        double X(int index) => SvgPlot.Left + 20 + (result.Commits == 1 ? 0 : index * width / (double)(result.Commits - 1));
        var bottom = SvgPlot.Height - SvgPlot.Bottom;
        var firstBad = result.Probes.FirstOrDefault(p => p.Commit == result.FirstBad);
        if (firstBad is not null)
            plot.Svg.Append(
                    $"""<line x1="{SvgPlot.N(X(firstBad.Index))}" y1="{SvgPlot.Top}" x2="{SvgPlot.N(X(firstBad.Index))}" y2="{bottom}" stroke="{Bad}" stroke-dasharray="4 3"/>"""
                )
                .Append(FirstBadLabel(X(firstBad.Index), result.FirstBad))
                .Append('\n');
        foreach (var probe in result.Probes)
        {
            var x = X(probe.Index);
            if (probe.Decision == "skipped" || probe.Throughputs.Count == 0)
                plot.Svg.Append(
                        $"""<text x="{SvgPlot.N(x)}" y="{bottom - 6}" text-anchor="middle" fill="{Skipped}" font-weight="bold"><title>{SvgPlot.Text(Title(probe))}</title>×</text>"""
                    )
                    .Append('\n');
            else
                plot.Whisker(x, probe.Throughputs, probe.Median!.Value, probe.Decision == "bad" ? Bad : Good, title: Title(probe));
            plot.Svg.Append(
                    $"""<text x="{SvgPlot.N(x)}" y="{bottom + 14}" transform="rotate(45 {SvgPlot.N(x)} {bottom + 14})" font-size="10">{probe.Commit[..7]}</text>"""
                )
                .Append('\n');
        }
        return plot.Close();
    }

    /// <summary>"first bad …" right of its line, or left of it where it would run past the canvas's edge.</summary>
    static string FirstBadLabel(double x, string commit)
    {
        var label = $"first bad {commit[..12]}";
        var (labelX, anchor) = SvgText.Beside(x, 4, label, 12, SvgPlot.Width - 4);
        return SvgText.Element(labelX, SvgPlot.Top + 12, anchor, label, $"fill=\"{Bad}\"");
    }

    /// <summary>The tooltip: the commit, its median, its runs and their min–max, and the decision (or why it was skipped).</summary>
    static string Title(ProbeRecord probe)
    {
        var runs = probe.Throughputs;
        var figures = runs.Count switch
        {
            0 => "not measured",
            1 => $"{ThroughputText.Of(runs[0])} img/s, 1 run",
            _ =>
                $"{ThroughputText.Of(probe.Median!.Value)} img/s, median of {runs.Count} runs, min–max {ThroughputText.Of(runs.Min())}–{ThroughputText.Of(runs.Max())}",
        };
        var decision = probe.Decision == "skipped" && probe.Unbuildable is { } why ? $"skipped: {why}" : probe.Decision ?? "undecided";
        return $"{probe.Commit[..7]}: {figures}; {decision}";
    }
}
