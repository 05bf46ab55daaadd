using MaskBench.Foundation.Statistics;
using MaskBench.History;
using MaskBench.Reports;
using MaskBench.Tests.Snapshots;

namespace MaskBench.Tests.History;

public sealed class CompareSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-compare-").FullName;

    HistoryIndex Index(IEnumerable<HistoryRecord> records)
    {
        var store = new HistoryStore(Path.Combine(folder, "history"));
        foreach (var record in records)
            store.Append(record);
        return HistoryIndex.Rebuild(store, Path.Combine(folder, "history.db"));
    }

    [Fact]
    public void Compare_flags_a_slower_commit_against_a_rolling_baseline()
    {
        // Arrange: nine commits at 60 img/s measured three times each, then a commit at 54.
        using var repository = SpeedRepository.Step(count: 10, firstSlow: 9);
        var probe = new FakeProbe(repository.Clone);
        var history = Runs.Measured(repository, probe, "detectron2", each: 3);
        var slow = repository.Commits[9];
        using var index = Index(history.Where(r => r.Commit != slow));
        var candidate = history.Where(r => r.Commit == slow).ToList();

        // Act
        var report = Comparison.FromHistory(index, Runs.Machine, candidate, baselineRuns: 12);

        // Assert
        var row = Assert.Single(report.Rows);
        Assert.Equal(Verdict.Slower, row.Result!.Outcome);
        Assert.Equal(12, row.Baseline.Count);
        Assert.InRange(row.Result.Effect, -0.12, -0.08);
        Assert.Equal(CompareExit.Regression, report.ExitCode);
    }

    [Fact]
    public void An_A_A_comparison_of_one_commit_is_the_same_and_never_slower()
    {
        // Arrange: twenty seeds, each ten runs of one commit as the baseline and five more as the candidate.
        using var repository = SpeedRepository.Step(count: 1, firstSlow: 1);
        var commit = repository.Commits[0];
        var verdicts = new List<string>();
        for (var seed = 1; seed <= 20; seed++)
        {
            var runs = new FakeProbe(repository.Clone, seed: seed).Sample(commit, 15).Throughputs;
            var records = runs.Select((t, run) => Runs.Of("d2", commit, Runs.Day(0), t, run)).ToList();

            // Act
            verdicts.Add(Comparison.Against(records[..10], records[10..], 10).Rows[0].Result!.Outcome);
        }

        // Assert
        Assert.All(verdicts, v => Assert.Equal(Verdict.Same, v));
    }

    [Fact]
    public void One_fast_run_before_does_not_make_the_next_commit_a_regression()
    {
        // Arrange: a flat history with 3 % noise; the run just before the candidate happens to be the fastest.
        using var repository = SpeedRepository.Step(count: 8, firstSlow: 8);
        var probe = new FakeProbe(repository.Clone, noise: 0.03, seed: 11);
        var history = Runs.Measured(repository, probe, "d2", each: 2);
        var last = repository.Commits[7];
        var previous = history.Where(r => r.Commit != last).OrderBy(r => r.CommitDate).ThenBy(r => r.Recorded).ToList();
        previous[^1] = previous[^1] with { Throughput = previous.Max(r => r.Throughput) * 1.06 };
        using var index = Index(previous);
        var candidate = history.Where(r => r.Commit == last).ToList();

        // Act
        var report = Comparison.FromHistory(index, Runs.Machine, candidate, baselineRuns: 10);

        // Assert: against that one run alone the candidate is more than 5 % slower.
        Assert.True(Samples.Median(candidate.Select(r => r.Throughput!.Value).ToList()) < previous[^1].Throughput * 0.95);
        Assert.NotEqual(Verdict.Slower, report.Rows[0].Result!.Outcome);
        Assert.Equal(CompareExit.Ok, report.ExitCode);
    }

    [Fact]
    public void Compare_pools_only_runs_of_the_candidate_s_key_and_names_those_it_left_out()
    {
        // Arrange: earlier runs at 60 img/s of the candidate's key, faster ones of another window, a thermal one and
        // two with no key or verdict (as an older MaskBench recorded them); the candidate is at 60.
        var key = Runs.Key();
        var commit = new string('a', 40);
        var earlier = Enumerable
            .Range(0, 4)
            .Select(i => Runs.Of("d2", new string('b', 40), Runs.Day(1), 60 + i * 0.1, i, key: key))
            .Concat(Enumerable.Range(4, 2).Select(i => Runs.Of("d2", new string('c', 40), Runs.Day(2), 90 + i, i, key: Runs.Key("4..10"))))
            .Concat([Runs.Of("d2", new string('d', 40), Runs.Day(3), 45, 6, key: key, gpu: "thermal")])
            .Concat(Enumerable.Range(7, 2).Select(i => Runs.Of("d2", new string('e', 40), Runs.Day(4), 30, i, gpu: "unknown")))
            .ToList();
        var candidate = Enumerable.Range(0, 3).Select(i => Runs.Of("d2", commit, Runs.Day(5), 60 + i * 0.1, i, key: key)).ToList();
        using var index = Index(earlier);

        // Act
        var report = Comparison.FromHistory(index, Runs.Machine, candidate, baselineRuns: 10);

        // Assert
        var row = Assert.Single(report.Rows);
        Assert.Equal([60.0, 60.1, 60.2, 60.3], row.Baseline);
        Assert.Equal(Verdict.Same, row.Result!.Outcome);
        Assert.Equal(
            "of the baseline, 2 runs recorded by an older MaskBench without a comparability key (schema 1); 1 run judged thermal; 2 runs of another window 4..10",
            row.LeftOut
        );
        Snapshot.Match("history-compare-left-out", report.Markdown(), "md");
    }

    [Fact]
    public void Exit_codes_separate_a_failed_run_from_nothing_measured()
    {
        // Arrange
        var commit = new string('a', 40);
        var earlier = Enumerable.Range(0, 5).Select(i => Runs.Of("d2", new string('b', 40), Runs.Day(0), 60 + i * 0.1, i)).ToList();
        var failed = new[] { Runs.Of("d2", commit, Runs.Day(1), null, 0, status: "failed") };
        var first = new[] { Runs.Of("d2", commit, Runs.Day(1), 60, 0) };

        // Act
        var infrastructure = Comparison.Against(earlier, failed, 5);
        var nothing = Comparison.Against([], first, 5);

        // Assert
        Assert.Equal(CompareExit.InfrastructureFailure, infrastructure.ExitCode);
        Assert.Equal("not measured", infrastructure.Rows[0].Problem);
        Assert.Equal(CompareExit.NothingMeasured, nothing.ExitCode);
        Assert.Equal("no baseline", nothing.Rows[0].Problem);
    }

    [Fact]
    public void A_history_from_another_machine_is_refused_and_nothing_compared()
    {
        // Arrange
        using var index = Index([Runs.Of("d2", new string('b', 40), Runs.Day(0), 60, 0, machine: "1xA100-SXM4-40GB-drv550")]);
        var candidate = new[] { Runs.Of("d2", new string('a', 40), Runs.Day(1), 60, 0) };

        // Act
        var error = Assert.Throws<HistoryException>(() => Comparison.FromHistory(index, Runs.Machine, candidate, 5));

        // Assert
        Assert.Equal(
            $"the history holds runs of 1xA100-SXM4-40GB-drv550, not of this machine ({Runs.Machine}): pass this machine's --history, nothing compared",
            error.Message
        );
    }

    [Fact]
    public void The_summary_is_a_Markdown_table_fit_for_a_pull_request()
    {
        // Arrange
        static List<HistoryRecord> Series(string implementation, string commit, int day, params double[] values) =>
            values.Select((v, i) => Runs.Of(implementation, commit.PadRight(40, '0'), Runs.Day(day), v, i)).ToList();
        var baseline = Series("detectron2", "1", 0, 61.9, 62.3, 62.0, 62.6, 61.7, 62.1)
            .Concat(Series("mmdetection", "2", 0, 41.2, 41.0, 41.5, 40.9, 41.3))
            .Concat(Series("tensorpack", "3", 0, 50.1, 50.4, 49.8))
            .ToList();
        var candidate = Series("detectron2", "4", 1, 56.0, 55.8, 56.3, 55.6, 56.1)
            .Concat(Series("mmdetection", "5", 1, 41.1, 41.4, 41.0, 41.2, 40.8))
            .Concat(Series("maskrcnn-benchmark", "6", 1, 52.0))
            .Concat([Runs.Of("tensorpack", "7".PadRight(40, '0'), Runs.Day(1), null, 0, status: "failed")])
            .ToList();

        // Act
        var report = Comparison.Against(baseline, candidate, 10);

        // Assert
        Snapshot.Match("history-compare", report.Markdown(), "md");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
