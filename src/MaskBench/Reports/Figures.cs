using System.Globalization;
using MaskBench.Foundation.Text;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Reports;

/// <summary>How the table, the chart and the report show numbers and windows, in one place.</summary>
static class Figures
{
    /// <summary>img/s: one decimal, two below 10 (a CPU run's 0.65 must not read 0.6); a dash when there is none.</summary>
    public static string Throughput(double? value) => value is { } v ? ThroughputText.Of(v) : "–";

    public static string Number(double? value, string format, string none = "–") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : none;

    /// <summary>With several runs: <c> [52.1–54.0] (93.7 % interval), 5 runs</c>: the interval of the median, labelled
    /// with the confidence its run count gives (see <see cref="MaskBench.Foundation.Statistics.MedianInterval.Of"/>).</summary>
    public static string Interval(BenchmarkRow r) =>
        r.Interval is [var low, var high]
            ? $" [{Throughput(low)}–{Throughput(high)}]{Label(r.IntervalConfidence)}, {r.Runs.Count(f => f.Throughput is not null)} runs"
            : "";

    /// <summary><c> (75 % interval)</c>; nothing for a row that carries no confidence.</summary>
    public static string Label(double? confidence) =>
        confidence is { } c ? $" ({MaskBench.Foundation.Statistics.MedianInterval.Percent(c)} interval)" : "";

    /// <summary>Every run of a row in one line: <c>66.7 (clean), 64.0 (thermal), failed</c>, then the steadiness
    /// warnings of the run nearest the median; null for a row with one run, no GPU verdict and nothing to warn of.</summary>
    public static string? Runs(BenchmarkRow r)
    {
        var warnings = r.Steadiness?.Warnings ?? [];
        if (r.Runs.Count < 2 && r.Runs.All(f => f.Gpu is GpuVerdict.Unknown or GpuVerdict.NoGpu) && warnings.Count == 0)
            return null;
        var runs = string.Join(", ", r.Runs.Select(f => f.Throughput is { } t ? $"{Throughput(t)} ({f.Gpu})" : f.Status));
        var cov = r.Cov is { } c ? $", CoV {Number(c * 100, "0.#")} %" : "";
        var steady = warnings.Count == 0 ? "" : $"; inside the run nearest the median: {string.Join(", ", warnings)}";
        return $"{r.Runs.Count} run{(r.Runs.Count == 1 ? "" : "s")} (img/s, GPU verdict){cov}: {runs}{steady}";
    }

    /// <summary>The measured window, with <c>*</c> where it is the closest the log allows rather than the one asked for.</summary>
    public static string Window(BenchmarkRow row) =>
        row.Window is null ? "–"
        : row.Exact ? row.Window.ToString()
        : $"{row.Window}*";
}
