using LibGit2Sharp;
using MaskBench.Model.Catalog;
using MaskBench.Tools.Git;

namespace MaskBench.Tests.Git;

[Trait(Needs.Trait, Needs.Processes)]
public sealed class GitMirrorSpecs : IDisposable
{
    readonly UpstreamFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    string MirrorFolder => Path.Combine(fixture.Root, "mirror");

    SourceSpec Unreachable(string pin) => new("https://unreachable.invalid/owner/fixture.git", pin, null, "owner/fixture");

    [Theory(Timeout = 60_000)]
    [InlineData("owner/fixture.git", true)]
    [InlineData("owner/fixture", false)]
    [InlineData("owner/fixture.git", false)]
    public async Task A_mirror_folder_serves_the_clone_instead_of_the_URL(string folder, bool bare)
    {
        // Arrange
        var pin = fixture.Commit("one", ("a.txt", "1\n"));
        Repository.Clone(fixture.Upstream, Path.Combine(MirrorFolder, folder), new CloneOptions { IsBare = bare });

        // Act
        var result = await Task.Run(() => GitSource.Clone(Unreachable(pin), fixture.Destination, MirrorFolder));

        // Assert
        Assert.Equal(pin, result.Commit);
        Assert.Contains("mirror/owner/fixture", result.Remote);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_mirror_folder_without_the_repository_is_an_error()
    {
        // Arrange
        var pin = fixture.Commit("one", ("a.txt", "1\n"));
        Directory.CreateDirectory(Path.Combine(MirrorFolder, "owner", "other"));

        // Act
        var error = await Assert.ThrowsAsync<GitException>(() =>
            Task.Run(() => GitSource.Clone(Unreachable(pin), fixture.Destination, MirrorFolder))
        );

        // Assert
        Assert.Contains("has no repository owner/fixture", error.Message);
        Assert.Contains("git clone --mirror", error.Message);
        Assert.False(Directory.Exists(fixture.Destination));
    }
}
