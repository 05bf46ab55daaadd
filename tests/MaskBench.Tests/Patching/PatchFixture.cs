using LibGit2Sharp;
using MaskBench.Model.Catalog;
using MaskBench.Tests.Git;
using MaskBench.Tools.Git;

namespace MaskBench.Tests.Patching;

/// <summary>An upstream fixture cloned at a pin, and a patches folder, for patching tests.</summary>
sealed class PatchFixture : IDisposable
{
    public UpstreamFixture Upstream { get; } = new();

    public string Source => Upstream.Destination;

    public string PatchesDirectory => Path.Combine(Upstream.Root, "patches", "fixture");

    /// <summary>Clones the fixture at the pin; the git process it starts is killed after a minute.</summary>
    public string Clone(string pin)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return GitSource.Clone(Upstream.Source(pin), Source, null, cancellation: timeout.Token).Commit;
    }

    public string SourceFile(string path) => File.ReadAllText(Path.Combine(Source, path));

    public PatchSpec WriteDiff(string name, string text)
    {
        Directory.CreateDirectory(PatchesDirectory);
        File.WriteAllText(Path.Combine(PatchesDirectory, name), text);
        return Diff(name);
    }

    /// <summary>The git diff between two fixture commits, with <c>index</c> lines, as LibGit2Sharp writes it.</summary>
    public PatchSpec WriteDiffBetween(string name, string from, string to)
    {
        using var repository = new Repository(Upstream.Upstream);
        var patch = repository.Diff.Compare<Patch>(repository.Lookup<Commit>(from).Tree, repository.Lookup<Commit>(to).Tree);
        return WriteDiff(name, patch.Content);
    }

    public string TreeOf(string commit)
    {
        using var repository = new Repository(Upstream.Upstream);
        return repository.Lookup<Commit>(commit).Tree.Sha;
    }

    public static PatchSpec Diff(string file) => new("diff", file, null, null, null);

    public static PatchSpec Substitute(string glob, string from, string to) => new("substitute", null, glob, from, to);

    public void Dispose() => Upstream.Dispose();
}
