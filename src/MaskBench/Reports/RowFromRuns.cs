using MaskBench.Catalog;
using MaskBench.Parsing;
using MaskBench.Results;
using MaskBench.Statistics;
using MaskBench.Telemetry;

namespace MaskBench.Reports;

/// <summary>One row from an implementation's runs: the median of the measured runs' img/s, a 95 % interval of it, the
/// coefficient of variation, and every run with its GPU verdict. Thermal runs are left out of the figures.</summary>
static class RowFromRuns
{
    public static BenchmarkRow? Of(Recipe recipe, IReadOnlyList<string> recordPaths)
    {
        var runs = recordPaths.Select((path, i) => (Path: path, Repeat: i + 1, Record: RunRecords.Read(path).Record)).ToList();
        var figures = runs.Select(r => new RunFigure(
                r.Repeat,
                r.Record?.Status ?? BenchmarkRow.Missing,
                r.Record is { IsMeasured: true } m ? m.Result!.Throughput : null,
                Gpu(Path.GetDirectoryName(r.Path)!)
            ))
            .ToList();
        var counted = figures.Where(f => f.Throughput is not null && f.Gpu != GpuVerdict.Thermal).ToList();
        if (counted.Count == 0)
            return null;
        var statistics = RowStatistics.Of([.. counted.Select(f => f.Throughput!.Value)]);
        var middle = runs.Where(r => r.Record is { IsMeasured: true })
            .OrderBy(r => Math.Abs(r.Record!.Result!.Throughput!.Value - statistics.Median))
            .First()
            .Record!.Result!;
        var row = BenchmarkRow.FromResult(recipe, middle);
        var left = figures.Count - counted.Count;
        return row with
        {
            Throughput = statistics.Median,
            Ratio = recipe.Published is { } p && p > 0 ? statistics.Median / p : null,
            Runs = figures,
            Ci95 = statistics.Ci95 is { } c ? [c.Low, c.High] : null,
            Ci95Confidence = statistics.Ci95?.Confidence,
            Cov = statistics.Cov,
            Note =
                left == 0
                    ? null
                    : $"{left} of {figures.Count} runs not in the figures ({string.Join(", ", figures.Where(f => !counted.Contains(f)).Select(f => $"run {f.Repeat}: {(f.Gpu == GpuVerdict.Thermal ? "thermal" : f.Status)}"))})",
        };
    }

    /// <summary>The run's GPU verdict from its telemetry, over the run's lines; <c>unknown</c> without telemetry.</summary>
    static string Gpu(string runFolder)
    {
        if (!File.Exists(Path.Combine(runFolder, TelemetryFile.Name)))
            return GpuVerdict.Unknown;
        try
        {
            return new RunFolder(runFolder).ReadTimes() is [_, .., var last]
                ? GpuVerdict.FromFolder(runFolder, 0, last).Outcome
                : GpuVerdict.Unknown;
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            return GpuVerdict.Unknown;
        }
    }
}
