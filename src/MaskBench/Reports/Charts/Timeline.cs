using MaskBench.Foundation.Statistics;
using MaskBench.History;

namespace MaskBench.Reports.Charts;

/// <summary>An implementation's history on one machine as points by commit date, each judged against the rolling baseline before it
/// (<see cref="Verdict.Between"/>).</summary>
internal static class Timeline
{
    /// <param name="runs">One machine key's and one implementation's runs (e.g. <see cref="HistoryIndex.Runs"/>).</param>
    public static IReadOnlyList<TimelinePoint> Of(IReadOnlyList<HistoryRecord> runs, int baselineRuns)
    {
        if (runs.Select(r => (r.MachineKey, r.Implementation)).Distinct().Count() > 1)
            throw new HistoryException("a timeline is of one implementation on one machine key: filter the runs first");
        var commits = runs.Where(r => r.Measured)
            .GroupBy(r => r.Commit)
            .Select(g => (Commit: g.Key, Date: g.Min(r => r.CommitDate), Runs: g.OrderBy(r => r.Recorded).ToList()))
            .OrderBy(c => c.Date)
            .ThenBy(c => c.Runs[0].Recorded)
            .ToList();
        var points = new List<TimelinePoint>();
        var earlier = new List<double>();
        foreach (var (commit, date, mine) in commits)
        {
            var values = mine.Select(r => r.Throughput!.Value).ToList();
            var baseline = earlier.TakeLast(baselineRuns).ToList();
            points.Add(new TimelinePoint(commit, date, values, baseline.Count > 0 ? Verdict.Between(values, baseline) : null));
            earlier.AddRange(values);
        }
        return points;
    }
}
