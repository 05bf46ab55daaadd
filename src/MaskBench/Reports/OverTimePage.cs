using System.Globalization;
using System.Net;
using System.Text;

namespace MaskBench.Reports;

/// <summary>One chart of the report over time: the machine key and implementation it shows, its SVG, and the runs
/// it left out (another comparability key), in words, or null.</summary>
internal sealed record OverTimeChart(string Machine, string Implementation, string Name, string Svg, string? LeftOut);

/// <summary><c>artifacts/over-time/index.html</c>: every chart of the report over time, by machine key, in the look
/// of <c>benchmark.html</c> (<see cref="PageStyle"/>), with a line saying how to read them.</summary>
internal static class OverTimePage
{
    public static string Html(IReadOnlyList<OverTimeChart> charts, int baselineRuns, DateTimeOffset made)
    {
        var html = new StringBuilder(PageStyle.Head("MaskBench: training speed over time"));
        html.Append("<h1>Training speed over time</h1>\n")
            .Append("<p>Per machine and implementation, the training images per second of each commit measured, by commit date: ")
            .Append("a dot for the median of its runs and a line from the slowest to the fastest; the grey band is the figure of ")
            .Append("Detectron2's benchmark page, where it has one; red marks a commit slower than the rolling baseline of the ")
            .Append($"{baselineRuns} runs before it, with its change. Hover a point for its commit, figures and runs. ")
            .Append($"Made by MaskBench on {made.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}.</p>\n");
        foreach (var machine in charts.GroupBy(c => c.Machine))
        {
            html.Append($"<h2>{Encode(machine.Key)}</h2>\n");
            foreach (var chart in machine)
            {
                html.Append($"<h3 id=\"{Encode(machine.Key)}-{Encode(chart.Implementation)}\">{Encode(chart.Name)}</h3>\n");
                if (chart.LeftOut is not null)
                    html.Append($"<p class=\"note\">{Encode(chart.LeftOut)}</p>\n");
                html.Append(chart.Svg);
            }
        }
        return html.Append("</body></html>\n").ToString();
    }

    static string Encode(string text) => WebUtility.HtmlEncode(text);
}
