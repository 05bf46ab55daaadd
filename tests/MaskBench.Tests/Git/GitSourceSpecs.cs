using LibGit2Sharp;
using MaskBench.Tools.Git;

namespace MaskBench.Tests.Git;

[Trait(Needs.Trait, Needs.Processes)]
public sealed class GitSourceSpecs : IDisposable
{
    readonly UpstreamFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task A_clone_checks_out_the_pinned_commit_detached()
    {
        // Arrange
        fixture.Commit("one", ("model.py", "version = 1\n"));
        var pin = fixture.Commit("two", ("model.py", "version = 2\n"));
        fixture.Commit("three", ("model.py", "version = 3\n"));

        // Act
        var result = await Task.Run(() => GitSource.Clone(fixture.Source(pin), fixture.Destination, null));

        // Assert
        Assert.Equal(pin, result.Commit);
        Assert.False(result.Reused);
        Assert.True(result.BytesFetched > 0);
        Assert.Equal("version = 2\n", File.ReadAllText(Path.Combine(fixture.Destination, "model.py")));
        Assert.Equal(pin, File.ReadAllText(Path.Combine(fixture.Destination, ".git", "HEAD")).Trim());
        Assert.Equal(pin, GitSource.ReadClonedCommit(fixture.Destination));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_full_pin_fetches_only_that_commit()
    {
        // Arrange
        fixture.Commit("one", ("a.txt", "1\n"));
        var pin = fixture.Commit("two", ("a.txt", "2\n"));
        fixture.Commit("three", ("a.txt", "3\n"));

        // Act
        var result = await Task.Run(() => GitSource.Clone(fixture.Source(pin), fixture.Destination, null));

        // Assert
        Assert.True(result.Shallow);
        using var repository = new Repository(fixture.Destination);
        Assert.Single(repository.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = pin }));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_abbreviated_pin_is_resolved_and_recorded_in_full()
    {
        // Arrange
        var pin = fixture.Commit("one", ("a.txt", "1\n"));
        fixture.Commit("two", ("a.txt", "2\n"));

        // Act
        var result = await Task.Run(() => GitSource.Clone(fixture.Source(pin[..7]), fixture.Destination, null));

        // Assert
        Assert.Equal(pin, result.Commit);
        Assert.Equal(pin, GitSource.ReadClonedCommit(fixture.Destination));
        Assert.Equal("1\n", File.ReadAllText(Path.Combine(fixture.Destination, "a.txt")));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_ambiguous_pin_is_an_error()
    {
        // Arrange: a blob whose hash starts with the same four digits as the commit
        var commit = fixture.Commit("one", ("a.txt", "1\n"));
        var twin = Enumerable
            .Range(0, 2_000_000)
            .Select(i => $"twin {i}\n")
            .First(text => MaskBench.Stages.Patch.BlobHash.Of(System.Text.Encoding.UTF8.GetBytes(text)).StartsWith(commit[..4]));
        fixture.Commit("two", ("twin.txt", twin));

        // Act
        var error = await Assert.ThrowsAsync<GitException>(() =>
            Task.Run(() => GitSource.Clone(fixture.Source(commit[..4]), fixture.Destination, null))
        );

        // Assert
        Assert.Contains("ambiguous", error.Message);
        Assert.Null(GitSource.ReadClonedCommit(fixture.Destination));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("0123456789abcdef0123456789abcdef01234567")]
    [InlineData("0123456")]
    public async Task A_pin_missing_upstream_is_an_error_and_leaves_no_clone(string pin)
    {
        // Arrange
        fixture.Commit("one", ("a.txt", "1\n"));

        // Act
        var error = await Assert.ThrowsAsync<GitException>(() =>
            Task.Run(() => GitSource.Clone(fixture.Source(pin), fixture.Destination, null))
        );

        // Assert
        Assert.Contains($"pin '{pin}' is not a commit", error.Message);
        Assert.Null(GitSource.ReadClonedCommit(fixture.Destination));
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_the_git_CLI_LibGit2Sharp_fetches_the_pin()
    {
        // Arrange
        var pin = fixture.Commit("one", ("a.txt", "1\n"));
        fixture.Commit("two", ("a.txt", "2\n"));

        // Act
        var result = await Task.Run(() => GitSource.Clone(fixture.Source(pin), fixture.Destination, null, transport: GitTransport.Libgit2));

        // Assert
        Assert.Equal(pin, result.Commit);
        Assert.Equal("1\n", File.ReadAllText(Path.Combine(fixture.Destination, "a.txt")));
        Assert.False(result.Shallow);
    }
}
