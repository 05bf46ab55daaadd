using System.Globalization;
using System.Net;

namespace MaskBench.Reports.Charts;

/// <summary>Text a chart places by estimate, since an SVG file cannot measure itself: a label's width is its
/// characters times the font size times <see cref="EmPerCharacter"/>, DejaVu Sans's widest common glyphs (digits,
/// capitals) rounded up, so an estimate errs wide and a label placed by it stays inside the canvas.</summary>
internal static class SvgText
{
    /// <summary>Average advance per character in DejaVu Sans, in ems (digits are 0.64, lower case about 0.55).</summary>
    public const double EmPerCharacter = 0.64;

    public static double Width(string text, double fontSize) => text.Length * fontSize * EmPerCharacter;

    /// <summary>A label beside a point at <paramref name="x"/>: right of it (<c>start</c>) where it fits before
    /// <paramref name="right"/>, else left of it (<c>end</c>), and never past either edge of 0..right.</summary>
    public static (double X, string Anchor) Beside(double x, double gap, string text, double fontSize, double right)
    {
        var width = Width(text, fontSize);
        if (x + gap + width <= right)
            return (x + gap, "start");
        return (Math.Clamp(x - gap, Math.Min(width, right), right), "end");
    }

    /// <summary>A <c>&lt;text&gt;</c> element at (x, y) with the anchor and any further attributes, its content encoded.</summary>
    public static string Element(double x, double y, string anchor, string text, string attributes = "") =>
        $"""<text x="{N(x)}" y="{N(y)}" text-anchor="{anchor}"{(attributes.Length == 0 ? "" : " " + attributes)}>{WebUtility.HtmlEncode(text)}</text>""";

    static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
