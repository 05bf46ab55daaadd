using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MaskBench.Reports.Charts;

namespace MaskBench.Tests.Reports;

/// <summary>The horizontal labels of an SVG with the span each covers, estimated as the charts estimate it
/// (<see cref="SvgText.Width"/>): from its x by its anchor, at its own font size or the SVG's.</summary>
static partial class SvgLabels
{
    public sealed record Label(string Text, double Left, double Right, double Size);

    public static IReadOnlyList<Label> Of(string svg)
    {
        var size = double.Parse(Root().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
        return
        [
            .. Text()
                .Matches(svg)
                .Where(m => !m.Groups["attributes"].Value.Contains("rotate(", StringComparison.Ordinal))
                .Select(m =>
                {
                    var attributes = m.Groups["attributes"].Value;
                    var x = double.Parse(Attribute(attributes, "x")!, CultureInfo.InvariantCulture);
                    var text = WebUtility.HtmlDecode(Regex.Replace(m.Groups["content"].Value, "<title>.*?</title>", ""));
                    var font = Attribute(attributes, "font-size") is { } f ? double.Parse(f, CultureInfo.InvariantCulture) : size;
                    var width = SvgText.Width(text, font);
                    return Attribute(attributes, "text-anchor") switch
                    {
                        "end" => new Label(text, x - width, x, font),
                        "middle" => new Label(text, x - width / 2, x + width / 2, font),
                        _ => new Label(text, x, x + width, font),
                    };
                }),
        ];
    }

    /// <summary>The labels that run past 0 or past the SVG's width, in words; empty when all fit.</summary>
    public static IReadOnlyList<string> Outside(string svg, double width = 760) =>
        [.. Of(svg).Where(l => l.Left < 0 || l.Right > width).Select(l => $"'{l.Text}' spans {l.Left:0.#}..{l.Right:0.#}")];

    static string? Attribute(string attributes, string name) =>
        Regex.Match(attributes, $@"(?:^|\s){name}=""([^""]*)""") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<svg [^>]*font-size=\"([0-9.]+)\"")]
    private static partial Regex Root();

    [GeneratedRegex("<text(?<attributes>[^>]*)>(?<content>.*?)</text>")]
    private static partial Regex Text();
}
