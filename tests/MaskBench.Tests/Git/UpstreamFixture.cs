using LibGit2Sharp;
using MaskBench.Model.Catalog;

namespace MaskBench.Tests.Git;

/// <summary>A throw-away upstream repository made by the test, and a work folder to clone it into.</summary>
sealed class UpstreamFixture : IDisposable
{
    static readonly Signature Author = new("MaskBench Tests", "tests@maskbench.invalid", DateTimeOffset.FromUnixTimeSeconds(1_600_000_000));

    public string Root { get; } = Directory.CreateTempSubdirectory("maskbench-git-").FullName;

    public string Upstream => Path.Combine(Root, "upstream");

    public string Destination => Path.Combine(Root, "work", "fixture", "source");

    public UpstreamFixture() => Repository.Init(Upstream);

    /// <summary>Writes the files (null content deletes), commits them and returns the full commit hash.</summary>
    public string Commit(string message, params (string Path, string? Content)[] files)
    {
        using var repository = new Repository(Upstream);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(Upstream, path);
            if (content is null)
                File.Delete(full);
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, content);
            }
        }
        Commands.Stage(repository, "*");
        return repository.Commit(message, Author, Author).Sha;
    }

    public string Symlink(string message, string path, string target)
    {
        File.CreateSymbolicLink(Path.Combine(Upstream, path), target);
        return Commit(message);
    }

    public SourceSpec Source(string pin) => new(Upstream, pin, null, "owner/fixture");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
