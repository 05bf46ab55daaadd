using System.Globalization;

namespace MaskBench.Reports.Charts;

/// <summary>Ticks a reader can use: round steps (1, 2 or 5 times a power of ten) inside the axis's range, each
/// labelled with just enough decimals that no two labels are the same (0.10, 0.12, 0.14, not 0.1, 0.1, 0.1).</summary>
static class AxisTicks
{
    public static IReadOnlyList<(double Value, string Label)> Between(double low, double high, int wanted = 5)
    {
        if (!(high > low) || !double.IsFinite(low) || !double.IsFinite(high))
            return [(low, Format(low, 2))];
        var rough = (high - low) / Math.Max(1, wanted - 1);
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * power).First(s => s >= rough * (1 - 1e-9));
        var ticks = At(low, high, step);
        while (ticks.Count < 3) // a range just past a round step: the next rounder-but-smaller step
            ticks = At(low, high, step = Smaller(step));
        return ticks;
    }

    static double Smaller(double step)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
        var mantissa = Math.Round(step / power);
        return mantissa switch
        {
            5 => 2 * power,
            2 => power,
            _ => 0.5 * power,
        };
    }

    /// <summary>Every multiple of the step in the range, each as a whole number of steps times the step (no drift
    /// from adding steps up, so 0 is 0 and never -0.00).</summary>
    static List<(double Value, string Label)> At(double low, double high, double step)
    {
        var decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step) + 1e-9), 0, 15);
        var ticks = new List<(double, string)>();
        for (var k = Math.Ceiling(low / step - 1e-9); k <= Math.Floor(high / step + 1e-9); k++)
        {
            var value = Math.Round(k * step, decimals);
            ticks.Add((value, Format(value, decimals)));
        }
        return ticks;
    }

    static string Format(double value, int decimals) =>
        (Math.Round(value, decimals) + 0.0).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
