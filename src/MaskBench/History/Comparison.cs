using MaskBench.Foundation.Statistics;

namespace MaskBench.History;

/// <summary>Compare: each implementation's candidate runs against a rolling baseline of its earlier runs on the same machine,
/// judged by <see cref="Verdict.Between"/>.</summary>
internal static class Comparison
{
    /// <summary>Compares per implementation; both lists must be of one machine key (the baseline's runs are already chosen).</summary>
    public static ComparisonReport Against(
        IReadOnlyList<HistoryRecord> baseline,
        IReadOnlyList<HistoryRecord> candidate,
        int baselineRuns,
        IReadOnlyDictionary<string, string>? leftOut = null
    )
    {
        var keys = baseline.Concat(candidate).Select(r => r.MachineKey).Distinct().ToList();
        if (keys.Count > 1)
            throw new HistoryException(
                $"the runs come from several machines ({string.Join(", ", keys)}): compare runs of one machine key only, nothing compared"
            );
        var rows = candidate
            .Select(r => r.Implementation)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(implementation =>
                Row(implementation, baseline, candidate) with
                {
                    LeftOut = leftOut?.GetValueOrDefault(implementation),
                }
            )
            .ToList();
        return new ComparisonReport(keys.FirstOrDefault() ?? "–", baselineRuns, rows);
    }

    /// <summary>
    /// Picks each implementation's rolling baseline from the index (the last <paramref name="baselineRuns"/> measured runs
    /// of earlier commits on <paramref name="machineKey"/>) and compares the candidate runs with it.
    /// </summary>
    public static ComparisonReport FromHistory(
        HistoryIndex index,
        string machineKey,
        IReadOnlyList<HistoryRecord> candidate,
        int baselineRuns
    )
    {
        var known = index.MachineKeys();
        if (known.Count > 0 && !known.Contains(machineKey))
            throw new HistoryException(
                $"the history holds runs of {string.Join(", ", known)}, not of this machine ({machineKey}): pass this machine's --history, nothing compared"
            );
        if (candidate.FirstOrDefault(r => r.MachineKey != machineKey) is { } stranger)
            throw new HistoryException(
                $"a candidate run of {stranger.Implementation} was measured on {stranger.MachineKey}, not on this machine ({machineKey}): nothing compared"
            );
        if (baselineRuns < 1)
            throw new HistoryException($"a rolling baseline needs at least one run, not {baselineRuns}: pass --baseline-runs 1 or more");
        var baseline = new List<HistoryRecord>();
        var pooledCandidate = new List<HistoryRecord>();
        var leftOut = new Dictionary<string, string>();
        foreach (var runs in candidate.GroupBy(r => (r.Implementation, r.Commit)))
        {
            // The newest candidate run's key decides: its other runs and the earlier runs pool only if they share it.
            var key = Pooling.NewestKey(runs);
            var earlier = index.MeasuredBefore(machineKey, runs.Key.Implementation, runs.Key.Commit, runs.Max(r => r.CommitDate));
            var (pooled, skipped) = Pooling.Latest(key, earlier, baselineRuns);
            baseline.AddRange(pooled);
            pooledCandidate.AddRange(runs.Where(r => !r.Measured || Pooling.Pools(key, r)));
            var why = new[]
            {
                Pooling.Why(key, runs.Where(r => r.Measured && !Pooling.Pools(key, r))) is { } c ? $"of the candidate, {c}" : null,
                Pooling.Why(key, skipped) is { } b ? $"of the baseline, {b}" : null,
            };
            if (why.Any(w => w is not null))
                leftOut[runs.Key.Implementation] = string.Join("; ", why.Where(w => w is not null));
        }
        return Against(baseline, pooledCandidate, baselineRuns, leftOut);
    }

    static ComparisonRow Row(string implementation, IReadOnlyList<HistoryRecord> baseline, IReadOnlyList<HistoryRecord> candidate)
    {
        var mine = candidate.Where(r => r.Implementation == implementation).ToList();
        var measured = mine.Where(r => r.Measured).Select(r => r.Throughput!.Value).ToList();
        var failed = mine.Count - measured.Count;
        var before = baseline.Where(r => r.Implementation == implementation && r.Measured).Select(r => r.Throughput!.Value).ToList();
        if (measured.Count == 0)
            return new ComparisonRow(implementation, before, measured, failed, null, "not measured");
        if (before.Count == 0)
            return new ComparisonRow(implementation, before, measured, failed, null, "no baseline");
        return new ComparisonRow(implementation, before, measured, failed, Verdict.Between(measured, before), null);
    }
}
