using System.Globalization;

namespace MaskBench.Foundation.Text;

/// <summary>How every output writes an img/s figure: one decimal, two below 10 (a CPU run's 0.65 must not read 0.6).</summary>
internal static class ThroughputText
{
    public static string Of(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
