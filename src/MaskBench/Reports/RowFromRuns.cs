using MaskBench.Foundation.Statistics;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Model.Records;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Reports;

/// <summary>One row from an implementation's runs: the median of the measured runs' img/s, an interval of it labelled with its confidence, the
/// coefficient of variation, and every run with the GPU verdict Parse stored in its record. Thermal runs are left out of
/// the figures; runs whose GPUs were not watched are counted and named.</summary>
static class RowFromRuns
{
    public static BenchmarkRow? Of(Recipe recipe, IReadOnlyList<string> recordPaths)
    {
        var runs = recordPaths.Select((path, i) => Shown(path, i + 1)).ToList();
        var figures = runs.Select(r => new RunFigure(
                r.Repeat,
                r.Record?.Status ?? BenchmarkRow.Missing,
                r.Record is { IsMeasured: true } m ? m.Result!.Throughput : null,
                r.Record?.GpuOutcome ?? GpuVerdict.Unknown
            ))
            .ToList();
        var measured = figures.Where(f => f.Throughput is not null).ToList();
        if (measured.Count == 0)
            return null;
        var counted = measured.Where(f => f.Gpu != GpuVerdict.Thermal).ToList();
        var allThermal = counted.Count == 0;
        if (allThermal)
            counted = measured;
        var statistics = RowStatistics.Of([.. counted.Select(f => f.Throughput!.Value)]);
        var nearest = runs.Where(r => r.Record is { IsMeasured: true })
            .OrderBy(r => Math.Abs(r.Record!.Result!.Throughput!.Value - statistics.Median))
            .First();
        var row = BenchmarkRow.FromResult(recipe, nearest.Record!.Result!) with
        {
            Provenance = Provenance.OfRun(Path.GetDirectoryName(nearest.Path)!),
        };
        var left = figures.Count - counted.Count;
        if (allThermal)
            row = row with
            {
                Status = ThroughputResult.Suspect,
                Reason =
                    $"thermal: the GPUs slowed for heat during the window of every measured run ({measured.Count}); the figure is theirs, not counted in comparisons",
            };
        return row with
        {
            Throughput = statistics.Median,
            Ratio = recipe.Published is { } p && p > 0 ? statistics.Median / p : null,
            Runs = figures,
            Interval = statistics.Interval is { } c ? [c.Low, c.High] : null,
            IntervalConfidence = statistics.Interval?.Confidence,
            Cov = statistics.Cov,
            Note = Notes(
                left == 0
                    ? null
                    : $"{left} of {figures.Count} runs not in the figures ({string.Join(", ", figures.Where(f => !counted.Contains(f)).Select(f => $"run {f.Repeat}: {(f.Gpu == GpuVerdict.Thermal ? "thermal" : f.Status)}"))})",
                Unwatched(runs.Select(r => (r.Repeat, r.Record)).ToList()),
                Superseded(runs),
                statistics.Cov is > RowStatistics.HighCov
                    ? $"its runs spread {Verdict.Percent(statistics.Cov.Value)} (CoV over {Verdict.Percent(RowStatistics.HighCov)}): something else changed between them (other jobs, clocks, data); find it before trusting its rank"
                    : null
            ),
        };

        // Runs on GPUs whose telemetry Parse found missing or lost: counted here, never pooled in comparisons over time.
        static string? Unwatched(IReadOnlyList<(int Repeat, RunRecord? Record)> runs)
        {
            var unwatched = runs.Where(r => r.Record is { IsMeasured: true, Gpu.Outcome: GpuVerdict.Unknown }).ToList();
            return unwatched.Count == 0
                ? null
                : $"GPUs not watched throughout ({string.Join(", ", unwatched.Select(r => $"run {r.Repeat}: {r.Record!.Gpu!.Sentence}"))}): counted here, not pooled in comparisons";
        }

        // Slots whose newer attempt did not measure, shown by their last good run (LastGood): the failure named beside it.
        static string? Superseded(IReadOnlyList<(string Path, int Repeat, RunRecord? Record, string? Newer)> runs) =>
            runs.Where(r => r.Newer is not null).ToList() is { Count: > 0 } kept
                ? string.Join(
                    "; ",
                    kept.Select(r =>
                        $"run {r.Repeat}: the newer attempt {r.Newer}; its figure is the last good run's, parsed {r.Record!.Written.UtcDateTime:yyyy-MM-dd HH:mm} UTC{(r.Record.Key is { } key ? $" ({key})" : "")}"
                    )
                )
                : null;

        static string? Notes(params string?[] notes) =>
            notes.Any(n => n is not null) ? string.Join("; ", notes.Where(n => n is not null)) : null;
    }

    /// <summary>The record a slot shows: its own when measured, else its last good run's (<see cref="LastGood"/>) with
    /// what the newer attempt did; <c>Path</c> is the record shown, so provenance is the measured run's.</summary>
    static (string Path, int Repeat, RunRecord? Record, string? Newer) Shown(string path, int repeat)
    {
        var own = RunRecords.Read(path).Record;
        if (own is { IsMeasured: true })
            return (path, repeat, own, null);
        var good = LastGood.RecordOf(path);
        if (RunRecords.Read(good).Record is not { IsMeasured: true } kept)
            return (path, repeat, own, null);
        var newer = own switch
        {
            null => "left no readable record",
            { Status: RunRecord.Trained } => "trained and is not parsed yet",
            _ => $"failed at {own.Stage}: {own.Reason ?? own.Status}",
        };
        return (good, repeat, kept, newer);
    }
}
