using System.Globalization;

namespace MaskBench.Tools.Telemetry;

/// <summary>Reads one field of <c>nvidia-smi</c>'s CSV output. "[N/A]", "[Not Supported]", "[Unknown Error]" and the
/// like are missing values, never zero.</summary>
static class SmiValue
{
    /// <summary>The reasons that slow a GPU for heat or a hardware signal: a run with any of them is <c>thermal</c>.</summary>
    public const ClockEventReasons Thermal =
        ClockEventReasons.SwThermalSlowdown
        | ClockEventReasons.HwThermalSlowdown
        | ClockEventReasons.HwSlowdown
        | ClockEventReasons.HwPowerBrakeSlowdown;

    public static string[] Split(string line) => line.Split(',', StringSplitOptions.TrimEntries);

    public static bool Missing(string text) => text.Length == 0 || text.StartsWith('[') || text is "N/A" or "Not Supported";

    /// <summary>A number, with any unit after it ("300.00 W") left off.</summary>
    public static double? Number(string text)
    {
        if (Missing(text))
            return null;
        var head = text.Split(' ', 2)[0];
        return double.TryParse(head, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;
    }

    public static ClockEventReasons? Reasons(string text)
    {
        if (Missing(text))
            return null;
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return ulong.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var bits) ? (ClockEventReasons)bits : null;
    }

    public static string Hex(ClockEventReasons reasons) => "0x" + ((ulong)reasons).ToString("X16", CultureInfo.InvariantCulture);
}
