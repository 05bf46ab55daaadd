using MaskBench.Tools.Git;

namespace MaskBench.Tests.Git;

[Trait(Needs.Trait, Needs.Processes)]
public sealed class CloneReuseSpecs : IDisposable
{
    readonly UpstreamFixture fixture = new();

    public void Dispose() => fixture.Dispose();

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
        var error = await Assert.ThrowsAsync<GitException>(() =>
            Task.Run(() => GitSource.Clone(fixture.Source(pin), fixture.Destination, null))
        );

        // Assert
        Assert.Contains("is not a MaskBench clone", error.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(fixture.Destination, "notes.txt")));
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
