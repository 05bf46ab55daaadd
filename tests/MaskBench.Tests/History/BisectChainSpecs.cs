using MaskBench.Benchmark;
using MaskBench.History;
using MaskBench.Stages;
using Newtonsoft.Json.Linq;

namespace MaskBench.Tests.History;

/// <summary>Bisect through the chain: each probe clones, patches, sets up, trains and parses the fake trainer at a commit
/// of an upstream written by the test, in which training gets slower from one commit on.</summary>
[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
public sealed class BisectChainSpecs
{
    static IReadOnlyList<HistoryRecord> History(StageContext context) => new HistoryStore(context.Workspace.History).ReadAll().Records;

    [Fact(Timeout = 240_000)]
    public async Task A_user_can_bisect_the_commit_from_which_training_got_slower_even_after_a_crash_midway()
    {
        // Arrange: the fake trainer gets slower from commit 1 on; the bisect is stopped once its first commit is
        // journaled and a training of the next commit is seen running (its live journal), in the middle of its runs
        using var chain = SlowingChain.Step(fast: 1, slow: 2);
        var context = chain.Context(repeats: 4);
        var recipe = context.Catalog.Get("fake");
        using var crash = new CancellationTokenSource();
        var journal = Path.Combine(context.Workspace.Bisect, "fake", chain.Commits[0] + ".json");
        var probes = Path.Combine(context.Workspace.Work, "probes", "fake");
        bool Training() =>
            chain
                .Commits.Skip(1)
                .Any(c =>
                    Directory.Exists(Path.Combine(probes, c, "live"))
                    && Directory.EnumerateFiles(Path.Combine(probes, c, "live"), "*.json").Any()
                );
        var watcher = Task.Run(async () =>
        {
            while (!File.Exists(journal) || !Training())
                await Task.Delay(20);
            await crash.CancelAsync();
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new BisectStage(context).RunAsync(recipe, chain.Commits[0][..8], chain.Commits[^1], 9, crash.Token)
        );
        await watcher;
        var before = History(context).Count;

        // Act
        var result = await new BisectStage(context).RunAsync(recipe, chain.Commits[0][..8], chain.Commits[^1], 9, default);

        // Assert: the answer, and every commit trained exactly --repeats times over both runs
        Assert.Equal(chain.Commits[1], result.FirstBad);
        Assert.Equal(chain.Commits[0], result.LastGood);
        Assert.InRange(before, 4, 11);
        Assert.All(History(context).GroupBy(r => r.Commit), runs => Assert.Equal(4, runs.Count(r => r.Measured)));
        Assert.Equal(12, History(context).Count);
        Assert.All(
            result.Probes,
            p => Assert.Equal(SlowingChain.Throughput(p.Index < 1 ? SlowingChain.Fast : SlowingChain.Slow), p.Median!.Value, 1)
        );
        var written = JObject.Parse(File.ReadAllText(Path.Combine(context.Workspace.Bisect, "fake.json")));
        Assert.Equal(chain.Commits[1], (string?)written["firstBad"]);
        Assert.Equal(3, ((JArray)written["probes"]!).Count);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(context.Workspace.Bisect, "fake.svg")));
        Assert.Contains(chain.Commits[1][..12], File.ReadAllText(Path.Combine(context.Workspace.Bisect, "fake.md")));
    }

    [Fact(Timeout = 240_000)]
    public async Task A_commit_that_does_not_build_is_skipped_and_named()
    {
        // Arrange
        using var chain = new SlowingChain([SlowingChain.Fast, null, SlowingChain.Slow]);
        var context = chain.Context(repeats: 4);

        // Act
        var result = await new BisectStage(context).RunAsync(context.Catalog.Get("fake"), chain.Commits[0], chain.Commits[^1], 9, default);

        // Assert
        Assert.Equal(chain.Commits[2], result.FirstBad);
        Assert.Equal([chain.Commits[1]], result.SkippedBetween);
        var skipped = Assert.Single(result.Probes, p => p.Decision == "skipped");
        Assert.Contains("does not build", skipped.Unbuildable);
        Assert.Contains(chain.Commits[1][..12], result.Summary());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_bad_commit_is_refused_in_one_line()
    {
        // Arrange
        using var chain = SlowingChain.Step(fast: 1, slow: 1);
        var context = chain.Context();
        var bisect = new BisectStage(context);
        var recipe = context.Catalog.Get("fake");

        // Act
        var unknown = await Assert.ThrowsAsync<HistoryException>(() => bisect.RunAsync(recipe, "deadbeef", chain.Commits[1], 9, default));
        var swapped = await Assert.ThrowsAsync<HistoryException>(() =>
            bisect.RunAsync(recipe, chain.Commits[1], chain.Commits[0], 9, default)
        );
        var missing = await Assert.ThrowsAsync<ChainException>(() => bisect.RunAsync(recipe, null, chain.Commits[1], 9, default));

        // Assert
        Assert.StartsWith("--good: the commit deadbeef is not in", unknown.Message);
        Assert.Contains("swap --good and --bad", swapped.Message);
        Assert.Contains("needs --good <commit>", missing.Message);
        Assert.All(new[] { unknown, swapped, (Exception)missing }, e => Assert.DoesNotContain('\n', e.Message));
    }
}
