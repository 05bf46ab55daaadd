using MaskBench.Benchmark;
using MaskBench.History;

namespace MaskBench.Tests.History;

/// <summary>Track through the chain: the newest commits of the fake trainer's upstream that the history lacks are measured.</summary>
[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
public sealed class TrackChainSpecs
{
    [Fact(Timeout = 180_000)]
    public async Task A_user_can_track_the_newest_commits_the_history_does_not_have_yet()
    {
        // Arrange: three commits, the newest slower; the oldest of the two newest is measured already
        using var chain = SlowingChain.Step(fast: 2, slow: 1);
        var context = chain.Context(repeats: 1);
        var track = new TrackStage(context);
        var recipe = context.Catalog.Get("fake");
        Assert.Equal([chain.Commits[2]], await track.RunAsync(recipe, 1, "HEAD", default)); // HEAD is the newest commit

        // Act
        var measured = await track.RunAsync(recipe, 2, "HEAD", default);
        var again = await track.RunAsync(recipe, 2, "HEAD", default);

        // Assert
        Assert.Equal([chain.Commits[1]], measured);
        Assert.Empty(again);
        var history = new HistoryStore(context.Workspace.History).ReadAll().Records;
        Assert.Equal(new[] { chain.Commits[1], chain.Commits[2] }.Order(), history.Select(r => r.Commit).Order());
        var slow = Assert.Single(history, r => r.Commit == chain.Commits[2]);
        Assert.Equal(SlowingChain.Throughput(SlowingChain.Slow), slow.Throughput!.Value, 1);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unknown_branch_is_refused_in_one_line()
    {
        // Arrange
        using var chain = SlowingChain.Step(fast: 1, slow: 0);
        var context = chain.Context(repeats: 1);

        // Act
        var error = await Assert.ThrowsAsync<HistoryException>(() =>
            new TrackStage(context).RunAsync(context.Catalog.Get("fake"), 3, "no-such-branch", default)
        );

        // Assert
        Assert.StartsWith("the branch no-such-branch is not in", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
