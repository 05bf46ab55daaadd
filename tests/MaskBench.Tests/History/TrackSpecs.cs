using MaskBench.History;

namespace MaskBench.Tests.History;

public sealed class TrackSpecs : IDisposable
{
    readonly SpeedRepository repository = SpeedRepository.Step(count: 8, firstSlow: 8);

    [Fact]
    public async Task Track_picks_the_newest_commits_not_yet_measured_on_this_machine()
    {
        // Arrange: the newest commit was measured here, the second newest only on another machine, the third failed here.
        var commits = await Track.BranchCommits(repository.Clone, "HEAD", 8, default);
        var c = repository.Commits;
        var history = new[]
        {
            Runs.Of("d2", c[7], Runs.Day(7), 60, 1),
            Runs.Of("d2", c[6], Runs.Day(6), 60, 1, machine: "1xA100-drv550"),
            Runs.Of("d2", c[5], Runs.Day(5), null, 1, status: "failed"),
            Runs.Of("other", c[4], Runs.Day(4), 60, 1),
        };

        // Act
        var next = Track.Unmeasured(commits, history, Runs.Machine, "d2", limit: 3);

        // Assert
        Assert.Equal(c.AsEnumerable().Reverse(), commits);
        Assert.Equal([c[6], c[5], c[4]], next);
    }

    [Fact]
    public async Task Track_measures_again_a_commit_whose_runs_this_build_could_not_pool_with()
    {
        // Arrange: c7 ran with this setup in another environment (it counts), c6 over another window, c5 thermal, c4
        // recorded without a key; c3 with this setup.
        var commits = await Track.BranchCommits(repository.Clone, "HEAD", 8, default);
        var c = repository.Commits;
        var wanted = Runs.Key();
        var history = new[]
        {
            Runs.Of("d2", c[7], Runs.Day(7), 60, 1, key: wanted with { Environment = "another0123456789" }),
            Runs.Of("d2", c[6], Runs.Day(6), 60, 1, key: Runs.Key("4..10")),
            Runs.Of("d2", c[5], Runs.Day(5), 60, 1, key: wanted, gpu: "thermal"),
            Runs.Of("d2", c[4], Runs.Day(4), 60, 1),
            Runs.Of("d2", c[3], Runs.Day(3), 60, 1, key: wanted),
        };

        // Act
        var next = Track.Unmeasured(commits, history, Runs.Machine, "d2", limit: 4, wanted);

        // Assert
        Assert.Equal([c[6], c[5], c[4], c[2]], next);
    }

    [Fact]
    public async Task An_unknown_branch_is_refused_in_one_line()
    {
        var error = await Assert.ThrowsAsync<HistoryException>(() => Track.BranchCommits(repository.Clone, "no-such-branch", 5, default));
        Assert.StartsWith("the branch no-such-branch is not in", error.Message);
    }

    [Theory]
    [InlineData("--output={0}")]
    [InlineData("--all")]
    [InlineData("-n1")]
    [InlineData("main..HEAD")]
    public async Task A_branch_that_git_would_read_as_an_option_is_refused_and_writes_nothing(string template)
    {
        // Arrange: a value that, passed to git as an option, would write a file outside every MaskBench folder.
        var target = Path.Combine(Path.GetTempPath(), $"maskbench-pwn-{Guid.NewGuid():N}");
        var branch = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, target);

        // Act
        var error = await Assert.ThrowsAsync<HistoryException>(() => Track.BranchCommits(repository.Clone, branch, 5, default));

        // Assert
        Assert.StartsWith($"--track-branch '{branch}' is not a branch name (", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(File.Exists(target));
    }

    [Theory]
    [InlineData("HEAD", null)]
    [InlineData("feature/x-1", null)]
    [InlineData("v1.0", null)]
    [InlineData("a b", "space")]
    [InlineData("x.lock", ".lock")]
    [InlineData("x/.hidden", "starts with '.'")]
    [InlineData("@", "'@' alone")]
    [InlineData("x@{1}", "'@{'")]
    public void A_branch_name_is_checked_by_git_ref_format_rules(string name, string? why)
    {
        var invalid = BranchName.Invalid(name);

        if (why is null)
            Assert.Null(invalid);
        else
            Assert.Contains(why, invalid);
    }

    public void Dispose() => repository.Dispose();
}
