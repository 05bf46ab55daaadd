using System.Globalization;
using System.Net;
using System.Text;

namespace MaskBench.Reports.Charts;

/// <summary>The frame the history and bisect charts share: a value axis with ticks, a title, and number formatting.</summary>
sealed class SvgPlot
{
    public const int Width = 760,
        Height = 340,
        Left = 64,
        Right = 24,
        Top = 48,
        Bottom = 70;

    readonly double low,
        high;

    public StringBuilder Svg { get; } = new();

    public SvgPlot(string title, IEnumerable<double> values)
    {
        var all = values.Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var span = Math.Max(all.Max() - all.Min(), Math.Max(1e-9, Math.Abs(all.Max()) * 0.02));
        (low, high) = (all.Min() - span * 0.1, all.Max() + span * 0.1);
        Svg.Append(
                $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" font-family="DejaVu Sans, Verdana, sans-serif" font-size="12">"""
            )
            .Append('\n')
            .Append("""<rect width="100%" height="100%" fill="#ffffff"/>""")
            .Append('\n')
            .Append($"""<text x="10" y="22" font-size="15" font-weight="bold">{Text(title)}</text>""")
            .Append('\n');
        Axis();
    }

    /// <summary>The y coordinate of an img/s value.</summary>
    public double Y(double value) => Top + (high - value) / (high - low) * (Height - Top - Bottom);

    public void Legend(int x, string colour, string label) =>
        Svg.Append($"""<circle cx="{x + 6}" cy="34" r="5" fill="{colour}"/><text x="{x + 15}" y="38">{Text(label)}</text>""").Append('\n');

    /// <summary>A point's runs as a line from the slowest to the fastest and its median as a dot; with a title,
    /// a tooltip a browser shows on hover.</summary>
    public void Whisker(double x, IReadOnlyList<double> runs, double median, string colour, double radius = 4, string? title = null)
    {
        Svg.Append(title is null ? "" : $"<g><title>{Text(title)}</title>")
            .Append(
                $"""<line x1="{N(x)}" y1="{N(Y(runs.Min()))}" x2="{N(x)}" y2="{N(Y(runs.Max()))}" stroke="{colour}" stroke-width="1.5"/>"""
            )
            .Append($"""<circle cx="{N(x)}" cy="{N(Y(median))}" r="{N(radius)}" fill="{colour}"/>""")
            .Append(title is null ? "" : "</g>")
            .Append('\n');
    }

    public string Close() => Svg.Append("</svg>\n").ToString();

    void Axis()
    {
        var bottom = Height - Bottom;
        Svg.Append($"""<line x1="{Left}" y1="{Top}" x2="{Left}" y2="{bottom}" stroke="#444444"/>""")
            .Append($"""<line x1="{Left}" y1="{bottom}" x2="{Width - Right}" y2="{bottom}" stroke="#444444"/>""")
            .Append('\n');
        foreach (var (value, label) in AxisTicks.Between(low, high))
        {
            var y = N(Y(value));
            Svg.Append($"""<line x1="{Left - 4}" y1="{y}" x2="{Width - Right}" y2="{y}" stroke="#eeeeee"/>""")
                .Append($"""<text x="{Left - 8}" y="{y}" text-anchor="end" dominant-baseline="middle">{label}</text>""")
                .Append('\n');
        }
        Svg.Append(
                $"""<text x="14" y="{(Top + bottom) / 2}" transform="rotate(-90 14 {(Top + bottom) / 2})" text-anchor="middle">img/s</text>"""
            )
            .Append('\n');
    }

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Text(string text) => WebUtility.HtmlEncode(text);
}
