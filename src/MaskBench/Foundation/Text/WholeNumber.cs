using System.Globalization;

namespace MaskBench.Foundation.Text;

/// <summary>A whole number as a recipe setting or placeholder gives it: ASCII digits only. .NET's integer parsing
/// also takes a sign and surrounding whitespace (<c>+2</c>, <c>"2 "</c>); a value that reads differently in a
/// command than it was checked is refused instead. Other scripts' digits (<c>٢</c>, <c>２</c>) are no digits here.</summary>
internal static class WholeNumber
{
    public static bool TryParse(string? text, out long value)
    {
        value = 0;
        return !string.IsNullOrEmpty(text)
            && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParse(string? text, out int value)
    {
        value = 0;
        return TryParse(text, out long whole) && whole <= int.MaxValue && (value = (int)whole) >= 0;
    }
}
