using MaskBench.History.Bisect;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace MaskBench.Tests.History;

public sealed class BisectSpecs(ITestOutputHelper output) : IDisposable
{
    readonly string artifacts = Directory.CreateTempSubdirectory("maskbench-bisect-").FullName;
    static readonly BisectOptions Options = new(Repeats: 5, MaxRuns: 10);

    string Folder => Path.Combine(artifacts, "bisect");

    [Fact]
    public async Task A_user_can_bisect_to_the_first_commit_where_training_got_slower()
    {
        // Arrange
        using var repository = SpeedRepository.Step(count: 12, firstSlow: 7);
        var probe = new FakeProbe(repository.Clone);
        var commits = await CommitRange.Between(repository.Clone, repository.Commits[0][..7], repository.Commits[^1], default);

        // Act
        var result = await Bisection.Run("detectron2", commits, probe.Measure, Folder, Options, default);

        // Assert
        Assert.Equal(repository.Commits[7], result.FirstBad);
        Assert.Equal(repository.Commits[6], result.LastGood);
        var written = JObject.Parse(File.ReadAllText(Path.Combine(Folder, "detectron2.json")));
        Assert.Equal(repository.Commits[7], (string?)written["firstBad"]);
        Assert.Equal(result.ProbeCount, ((JArray)written["probes"]!).Count);
        Assert.All(((JArray)written["probes"]!).Cast<JObject>(), p => Assert.NotEmpty((JArray)p["throughputs"]!));
    }

    [Fact]
    public async Task Commits_that_do_not_build_are_skipped_and_named()
    {
        // Arrange: commit 6 (the one bisection tries first) does not build, commit 8 is the first slow one.
        using var repository = SpeedRepository.With([60, 60, 60, 60, 60, 60, null, 60, 54, 54, 54, 54, 54]);
        var probe = new FakeProbe(repository.Clone);
        var commits = await CommitRange.Between(repository.Clone, repository.Commits[0], repository.Commits[^1], default);

        // Act
        var result = await Bisection.Run("mmdetection", commits, probe.Measure, Folder, Options, default);

        // Assert
        Assert.Equal(repository.Commits[8], result.FirstBad);
        var skipped = Assert.Single(result.Probes, p => p.Decision == "skipped");
        Assert.Equal(repository.Commits[6], skipped.Commit);
        Assert.Contains("does not compile", skipped.Unbuildable);
        Assert.Empty(result.SkippedBetween);
    }

    [Fact]
    public async Task When_only_unbuildable_commits_are_left_the_answer_names_them_all()
    {
        // Arrange: the step is at commit 4, and commits 3 and 4's neighbour 3 do not build.
        using var repository = SpeedRepository.With([60, 60, 60, null, 54, 54, 54]);
        var commits = await CommitRange.Between(repository.Clone, repository.Commits[0], repository.Commits[^1], default);

        // Act
        var result = await Bisection.Run("x", commits, new FakeProbe(repository.Clone).Measure, Folder, Options, default);

        // Assert
        Assert.Equal(repository.Commits[4], result.FirstBad);
        Assert.Equal(repository.Commits[2], result.LastGood);
        Assert.Equal([repository.Commits[3]], result.SkippedBetween);
        Assert.Contains("do not build", result.Summary());
    }

    [Fact]
    public async Task A_bisect_that_crashed_resumes_without_measuring_again()
    {
        // Arrange
        using var repository = SpeedRepository.Step(count: 20, firstSlow: 13);
        var commits = await CommitRange.Between(repository.Clone, repository.Commits[0], repository.Commits[^1], default);
        var whole = new FakeProbe(repository.Clone);
        await Bisection.Run("whole", commits, whole.Measure, Folder, Options, default);
        var crashing = new FakeProbe(repository.Clone, crashAfter: 3);

        // Act
        await Assert.ThrowsAsync<IOException>(() => Bisection.Run("resumed", commits, crashing.Measure, Folder, Options, default));
        var restarted = new FakeProbe(repository.Clone);
        var result = await Bisection.Run("resumed", commits, restarted.Measure, Folder, Options, default);

        // Assert
        Assert.Equal(repository.Commits[13], result.FirstBad);
        Assert.Equal(whole.Calls - 3, restarted.Calls);
        Assert.Empty(restarted.Measured.Intersect(crashing.Measured));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(Folder, "resumed")).Length - restarted.Measured.Distinct().Count());
    }

    [Fact]
    public async Task An_inconclusive_probe_gets_more_runs_up_to_the_cap_then_goes_with_the_nearer_median()
    {
        // Arrange: good at 60 img/s, bad at 54; commit 2's runs scatter to both sides of good's (a noisy machine), so no
        // rank test tells it from good, nor shows it the same; its median ends nearer good's.
        using var repository = SpeedRepository.With([60, 60, 57.5, 54, 54]);
        var commits = await CommitRange.Between(repository.Clone, repository.Commits[0], repository.Commits[^1], default);
        var probe = new FakeProbe(repository.Clone, noise: 0.002);
        double[] scattered = [54, 61, 54.5, 60.8, 55, 61.2, 57.4];
        var middleCalls = 0;
        var middleRuns = 0;
        Task<ProbeResult> Measure(string commit, int runs, CancellationToken cancellation)
        {
            if (commit != repository.Commits[2])
                return probe.Measure(commit, runs, cancellation);
            middleCalls++;
            middleRuns += runs;
            return Task.FromResult(ProbeResult.Measured(scattered[(middleRuns - runs)..middleRuns]));
        }

        // Act
        var result = await Bisection.Run("x", commits, Measure, Folder, new BisectOptions(Repeats: 3, MaxRuns: 7), default);

        // Assert
        var middle = Assert.Single(result.Probes, p => p.Index == 2);
        Assert.Equal(7, middle.Throughputs.Count);
        Assert.Equal(3, middleCalls);
        Assert.Equal(MaskBench.Foundation.Statistics.Verdict.Inconclusive, middle.Verdict!.Outcome);
        Assert.Equal("good", middle.Decision);
        Assert.Equal("inconclusive after 7 runs: the median is nearer the good endpoint's", middle.Rule);
        Assert.Equal(repository.Commits[3], result.FirstBad);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(16)]
    public async Task Bisect_measures_about_log2_of_the_range(int count)
    {
        // Arrange
        using var repository = SpeedRepository.Step(count, firstSlow: count * 2 / 3);
        var commits = await CommitRange.Between(repository.Clone, repository.Commits[0], repository.Commits[^1], default);
        var probe = new FakeProbe(repository.Clone);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Act
        var result = await Bisection.Run("speed", commits, probe.Measure, Folder, Options, default);

        // Assert
        var log2 = Math.Ceiling(Math.Log2(count - 1));
        output.WriteLine(
            $"bisect over {count} commits: {result.ProbeCount} commits measured (log2 of the range {log2} + 2 endpoints), {result.ProbeCalls} probe calls, {result.Runs} runs, {clock.ElapsedMilliseconds} ms"
        );
        Assert.Equal(repository.Commits[count * 2 / 3], result.FirstBad);
        Assert.InRange(result.ProbeCount, 2, log2 + 2);
    }

    public void Dispose() => Directory.Delete(artifacts, recursive: true);
}
