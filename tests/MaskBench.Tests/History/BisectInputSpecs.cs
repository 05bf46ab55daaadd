using MaskBench.History;
using MaskBench.History.Bisect;

namespace MaskBench.Tests.History;

public sealed class BisectInputSpecs : IDisposable
{
    readonly SpeedRepository repository = SpeedRepository.Step(count: 6, firstSlow: 3);
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-bisect-").FullName;

    [Fact]
    public async Task An_unknown_commit_is_refused_in_one_line()
    {
        // Act
        var error = await Assert.ThrowsAsync<HistoryException>(() =>
            CommitRange.Between(repository.Clone, "deadbeef", repository.Commits[^1], default)
        );

        // Assert
        Assert.StartsWith("--good: the commit deadbeef is not in", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_good_commit_equal_to_the_bad_one_is_refused()
    {
        var error = await Assert.ThrowsAsync<HistoryException>(() =>
            CommitRange.Between(repository.Clone, repository.Commits[2][..8], repository.Commits[2], default)
        );
        Assert.Contains("are the same commit", error.Message);
    }

    [Fact]
    public async Task A_good_commit_newer_than_the_bad_one_is_refused()
    {
        var error = await Assert.ThrowsAsync<HistoryException>(() =>
            CommitRange.Between(repository.Clone, repository.Commits[4], repository.Commits[1], default)
        );
        Assert.Contains("is newer than the bad one", error.Message);
        Assert.Contains("swap --good and --bad", error.Message);
    }

    [Fact]
    public async Task A_good_commit_that_measures_slower_than_the_bad_one_leaves_nothing_to_bisect()
    {
        // Arrange: run the history backwards, fast commits after slow ones.
        using var backwards = SpeedRepository.With([54, 54, 54, 60, 60, 60]);
        var commits = await CommitRange.Between(backwards.Clone, backwards.Commits[0], backwards.Commits[^1], default);

        // Act
        var error = await Assert.ThrowsAsync<HistoryException>(() =>
            Bisection.Run("x", commits, new FakeProbe(backwards.Clone).Measure, folder, new BisectOptions(5, 10), default)
        );

        // Assert
        Assert.StartsWith("the good commit measures slower than the bad one: nothing to bisect", error.Message);
    }

    [Fact]
    public async Task A_range_without_a_regression_leaves_nothing_to_bisect()
    {
        // Arrange
        using var flat = SpeedRepository.With([60, 60, 60, 60]);
        var commits = await CommitRange.Between(flat.Clone, flat.Commits[0], flat.Commits[^1], default);

        // Act
        var error = await Assert.ThrowsAsync<HistoryException>(() =>
            Bisection.Run("x", commits, new FakeProbe(flat.Clone).Measure, folder, new BisectOptions(5, 10), default)
        );

        // Assert
        Assert.StartsWith("the bad commit measures the same as the good one: nothing to bisect", error.Message);
    }

    [Fact]
    public void Zero_repeats_are_refused()
    {
        var error = Assert.Throws<HistoryException>(() => new BisectOptions(0).Check());
        Assert.Contains("--repeats 0 measures nothing", error.Message);
    }

    public void Dispose()
    {
        repository.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
