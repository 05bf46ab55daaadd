using System.Globalization;

namespace MaskBench.Reports;

/// <summary>How the table, the chart and the report show numbers and windows, in one place.</summary>
static class Figures
{
    /// <summary>img/s: one decimal, two below 10 (a CPU run's 0.65 must not read 0.6); a dash when there is none.</summary>
    public static string Throughput(double? value) =>
        value is { } v ? v.ToString(v < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) : "–";

    public static string Number(double? value, string format, string none = "–") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : none;

    /// <summary>The measured window, with <c>*</c> where it is the closest the log allows rather than the one asked for.</summary>
    public static string Window(BenchmarkRow row) =>
        row.Window is null ? "–"
        : row.Exact ? row.Window.ToString()
        : $"{row.Window}*";
}
