using System.Diagnostics;
using LibGit2Sharp;
using MaskBench.Model.Catalog;
using Serilog;

namespace MaskBench.Tools.Git;

/// <summary>Gets an implementation's source at its pinned commit: <c>&lt;work-dir&gt;/&lt;id&gt;/source</c>, detached at the pin.</summary>
internal static class GitSource
{
    /// <summary>
    /// Clones (or reuses) <paramref name="destination"/> at <c>source.Pin</c>. A clone already at the pin is reused
    /// without touching the network; one without the completion marker (interrupted) is deleted and redone.
    /// </summary>
    /// <param name="gitMirror">A folder of <c>owner/name</c> clones to use instead of the recipe's URL.</param>
    /// <param name="repositoryRoot">Folder a relative <c>source.repository</c> is resolved against (default: current directory).</param>
    /// <param name="timeout">How long one fetch may take before git is stopped (default 30 min); a slow transfer over
    /// http(s) (under 1000 bytes/s for 60 s) ends sooner, by git itself.</param>
    /// <param name="transport">How to fetch (<c>--git-transport</c>); null: the git CLI where it is on PATH, else LibGit2Sharp.</param>
    public static CloneResult Clone(
        SourceSpec source,
        string destination,
        string? gitMirror,
        string? repositoryRoot = null,
        CancellationToken cancellation = default,
        TimeSpan? timeout = null,
        GitTransport? transport = null
    )
    {
        destination = Path.GetFullPath(destination);
        var existing = CloneMarker.ReadVerifiedCommit(destination);
        if (existing is not null && CloneMarker.Matches(existing, source.Pin))
        {
            Log.Information("Clone {Destination} is already at {Commit}", destination, existing);
            return new CloneResult(existing, Reused: true, 0, "", File.Exists(Path.Combine(destination, ".git", "shallow")));
        }

        var remote = RemoteLocator.Locate(source, gitMirror, repositoryRoot ?? Directory.GetCurrentDirectory());
        PrepareDestination(destination, keepRepository: existing is not null);
        var before = ObjectStoreSize(destination);
        var watch = Stopwatch.StartNew();
        Log.Information("Fetching {Pin} from {Remote}", source.Pin, remote);
        var shallow = CommitFetcher.Fetch(
            destination,
            remote,
            source.Pin,
            timeout ?? CommitFetcher.DefaultTimeout,
            cancellation,
            transport
        );
        var commit = CheckOut(destination, source.Pin, remote);
        var bytes = ObjectStoreSize(destination) - before;
        CloneMarker.Write(destination, commit);
        Log.Information(
            "Checked out {Commit} in {Destination} ({Bytes} bytes fetched, {Kind}, {Seconds:F1} s)",
            commit,
            destination,
            bytes,
            shallow ? "one commit" : "full history",
            watch.Elapsed.TotalSeconds
        );
        return new CloneResult(commit, Reused: false, bytes, remote, shallow);
    }

    /// <summary>Where implementation <paramref name="id"/>'s working copy lives: <c>&lt;work-dir&gt;/&lt;id&gt;/source</c>.</summary>
    public static string SourceDirectory(string workDirectory, string id) => Path.Combine(Path.GetFullPath(workDirectory), id, "source");

    /// <summary>The commit of a complete clone, read from two small files without opening the repository; null when there is none.</summary>
    public static string? ReadClonedCommit(string destination) => CloneMarker.ReadVerifiedCommit(Path.GetFullPath(destination));

    static void PrepareDestination(string destination, bool keepRepository)
    {
        if (keepRepository)
        {
            CloneMarker.Remove(destination);
            return;
        }
        if (Directory.Exists(destination) && Directory.EnumerateFileSystemEntries(destination).Any())
        {
            if (!Directory.Exists(Path.Combine(destination, ".git")))
                throw new GitException($"{destination} exists and is not a MaskBench clone; move it away or choose another --work-dir");
            Log.Warning("{Destination} holds an unfinished clone; starting it again", destination);
            Directory.Delete(destination, recursive: true);
        }
        Directory.CreateDirectory(destination);
        Repository.Init(destination);
    }

    static string CheckOut(string destination, string pin, string remote)
    {
        using var repository = new Repository(destination);
        Commit? commit;
        try
        {
            commit = repository.Lookup<Commit>(pin);
        }
        catch (AmbiguousSpecificationException)
        {
            throw new GitException(
                $"pin '{pin}' is ambiguous in {remote}: more than one object starts with it; give more digits (the full 40-digit hash)"
            );
        }
        if (commit is null)
            throw new GitException(
                $"pin '{pin}' is not a commit in {remote} (searched all branches and tags); check source.pin in the recipe"
            );
        Commands.Checkout(repository, commit, new CheckoutOptions { CheckoutModifiers = CheckoutModifiers.Force });
        var head = repository.Head.Tip?.Sha;
        if (!repository.Info.IsHeadDetached || head != commit.Sha)
            throw new GitException(
                $"checkout of {commit.Sha} in {destination} left HEAD at {head ?? "nothing"}; delete {destination} and run again"
            );
        return commit.Sha;
    }

    static long ObjectStoreSize(string destination)
    {
        var objects = new DirectoryInfo(Path.Combine(destination, ".git", "objects"));
        return objects.Exists ? objects.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
    }
}
