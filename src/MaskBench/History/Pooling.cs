using MaskBench.Model.Records;
using MaskBench.Tools.Telemetry;

namespace MaskBench.History;

/// <summary>Which measured runs may be pooled: those of one comparability key (<see cref="Comparability"/>) whose GPUs
/// were judged neither thermal nor unwatched. Runs of a schema 1 history (no key, no verdict) pool only with each other.
/// Every caller says which runs it left out and why, from <see cref="Why"/>.</summary>
internal static class Pooling
{
    /// <summary>Whether <paramref name="run"/> pools with runs of <paramref name="key"/>.</summary>
    public static bool Pools(Comparability? key, HistoryRecord run) => run.Poolable && Equals(run.Key, key);

    /// <summary>Up to <paramref name="count"/> runs of <paramref name="newestFirst"/> that pool with
    /// <paramref name="key"/>, oldest first, and the runs skipped on the way to them (newest first).</summary>
    public static (IReadOnlyList<HistoryRecord> Pooled, IReadOnlyList<HistoryRecord> LeftOut) Latest(
        Comparability? key,
        IEnumerable<HistoryRecord> newestFirst,
        int count
    )
    {
        var pooled = new List<HistoryRecord>();
        var leftOut = new List<HistoryRecord>();
        foreach (var run in newestFirst.Where(r => r.Measured))
        {
            if (pooled.Count == count)
                break;
            (Pools(key, run) ? pooled : leftOut).Add(run);
        }
        pooled.Reverse();
        return (pooled, leftOut);
    }

    /// <summary>The newest measured run's key, the one a report over time pools: null when there is none or it is unkeyed.</summary>
    public static Comparability? NewestKey(IEnumerable<HistoryRecord> runs) =>
        runs.Where(r => r.Measured).OrderBy(r => r.Recorded).LastOrDefault()?.Key;

    /// <summary>One phrase per reason, with its count: <c>2 runs of another window 4..10; 1 thermal run</c>; null for none.</summary>
    public static string? Why(Comparability? key, IEnumerable<HistoryRecord> leftOut)
    {
        var reasons = leftOut.GroupBy(r => Reason(key, r)).Select(g => $"{g.Count()} run{(g.Count() == 1 ? "" : "s")} {g.Key}").ToList();
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    static string Reason(Comparability? key, HistoryRecord run) =>
        run.Key is null && key is not null ? "recorded by an older MaskBench without a comparability key (schema 1)"
        : key is null && run.Key is not null ? "with a comparability key, kept apart from these unkeyed ones"
        : run.Key is { } theirs && key is not null && theirs != key ? $"of another {string.Join(", ", key.Differences(theirs))}"
        : run.Gpu == GpuVerdict.Thermal ? "judged thermal"
        : "whose GPUs were not watched throughout (verdict unknown)";
}
