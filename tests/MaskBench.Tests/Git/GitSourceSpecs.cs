using LibGit2Sharp;
using MaskBench.Git;

namespace MaskBench.Tests.Git;

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
        var twin = Enumerable.Range(0, 2_000_000).Select(i => $"twin {i}\n")
            .First(text => MaskBench.Patching.BlobHash.Of(System.Text.Encoding.UTF8.GetBytes(text)).StartsWith(commit[..4]));
        fixture.Commit("two", ("twin.txt", twin));

        // Act
        var error = await Assert.ThrowsAsync<GitException>(() => Task.Run(() => GitSource.Clone(fixture.Source(commit[..4]), fixture.Destination, null)));

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
        var error = await Assert.ThrowsAsync<GitException>(() => Task.Run(() => GitSource.Clone(fixture.Source(pin), fixture.Destination, null)));

        // Assert
        Assert.Contains($"pin '{pin}' is not a commit", error.Message);
        Assert.Null(GitSource.ReadClonedCommit(fixture.Destination));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_second_clone_is_up_to_date_without_the_network()
    {
        // Arrange
        var pin = fixture.Commit("one", ("a.txt", "1\n"));
        await Task.Run(() => GitSource.Clone(fixture.Source(pin), fixture.Destination, null));
        Directory.Delete(fixture.Upstream, recursive: true);

        // Act
        var second = await Task.Run(() => GitSource.Clone(fixture.Source(pin), fixture.Destination, null));

        // Assert
        Assert.True(second.Reused);
        Assert.Equal(pin, second.Commit);
        Assert.Equal(0, second.BytesFetched);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_new_pin_is_fetched_into_the_existing_clone()
    {
        // Arrange
        var first = fixture.Commit("one", ("a.txt", "1\n"));
        var second = fixture.Commit("two", ("a.txt", "2\n"));
        await Task.Run(() => GitSource.Clone(fixture.Source(first), fixture.Destination, null));

        // Act
        var result = await Task.Run(() => GitSource.Clone(fixture.Source(second), fixture.Destination, null));

        // Assert
        Assert.False(result.Reused);
        Assert.Equal(second, GitSource.ReadClonedCommit(fixture.Destination));
        Assert.Equal("2\n", File.ReadAllText(Path.Combine(fixture.Destination, "a.txt")));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_interrupted_clone_is_started_again()
    {
        // Arrange: a clone that never got its completion marker, with debris in it
        var pin = fixture.Commit("one", ("a.txt", "1\n"));
        await Task.Run(() => GitSource.Clone(fixture.Source(pin), fixture.Destination, null));
        File.Delete(Path.Combine(fixture.Destination, ".git", "maskbench-clone"));
        File.WriteAllText(Path.Combine(fixture.Destination, "half-written.tmp"), "debris");

        // Act
        var result = await Task.Run(() => GitSource.Clone(fixture.Source(pin), fixture.Destination, null));

        // Assert
        Assert.False(result.Reused);
        Assert.Equal(pin, GitSource.ReadClonedCommit(fixture.Destination));
        Assert.False(File.Exists(Path.Combine(fixture.Destination, "half-written.tmp")));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_folder_that_is_not_a_clone_is_left_alone()
    {
        // Arrange
        var pin = fixture.Commit("one", ("a.txt", "1\n"));
        Directory.CreateDirectory(fixture.Destination);
        File.WriteAllText(Path.Combine(fixture.Destination, "notes.txt"), "mine");

        // Act
        var error = await Assert.ThrowsAsync<GitException>(() => Task.Run(() => GitSource.Clone(fixture.Source(pin), fixture.Destination, null)));

        // Assert
        Assert.Contains("is not a MaskBench clone", error.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(fixture.Destination, "notes.txt")));
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_the_git_CLI_LibGit2Sharp_fetches_the_pin()
    {
        // Arrange
        var pin = fixture.Commit("one", ("a.txt", "1\n"));
        fixture.Commit("two", ("a.txt", "2\n"));
        var before = CommitFetcher.UseGitCli;
        CommitFetcher.UseGitCli = false;
        try
        {
            // Act
            var result = await Task.Run(() => GitSource.Clone(fixture.Source(pin), fixture.Destination, null));

            // Assert
            Assert.Equal(pin, result.Commit);
            Assert.Equal("1\n", File.ReadAllText(Path.Combine(fixture.Destination, "a.txt")));
        }
        finally
        {
            CommitFetcher.UseGitCli = before;
        }
    }

    [Fact]
    public void The_working_copy_of_an_implementation_lives_under_the_work_folder()
    {
        // Arrange
        var workDirectory = Path.Combine(fixture.Root, ".work");

        // Act
        var source = GitSource.SourceDirectory(workDirectory, "maskrcnn-benchmark");

        // Assert
        Assert.Equal(Path.Combine(workDirectory, "maskrcnn-benchmark", "source"), source);
        Assert.Null(GitSource.ReadClonedCommit(source));
    }
}
