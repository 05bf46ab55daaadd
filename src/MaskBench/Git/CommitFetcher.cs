using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;
using LibGit2Sharp;
using Serilog;

namespace MaskBench.Git;

/// <summary>
/// Brings one commit into a repository with as little history as the remote allows.
/// LibGit2Sharp cannot fetch shallow (not over the local transport, and its shallow request breaks git-daemon's
/// protocol v0), so the git CLI fetches <c>--depth 1</c> by hash; when the remote refuses a hash, or the pin is
/// abbreviated, every branch and tag is fetched in full. Without a git CLI, LibGit2Sharp fetches in full.
/// </summary>
static class CommitFetcher
{
    const string RemoteName = "maskbench";
    const string PinRef = "refs/maskbench/pin";
    static readonly string[] AllRefs = ["+refs/heads/*:refs/maskbench/heads/*", "+refs/tags/*:refs/maskbench/tags/*"];

    /// <summary>Tests set this to false to exercise the LibGit2Sharp path.</summary>
    internal static bool UseGitCli { get; set; } = GitCliAvailable();

    /// <returns>True when only the pinned commit was fetched (shallow).</returns>
    public static bool Fetch(string workTree, string remote, string pin, CancellationToken cancellation)
    {
        if (pin.Length == 40)
        {
            if (TryFetch(workTree, remote, [$"+{pin}:{PinRef}"], shallow: true, cancellation, out var refused))
                return true;
            Log.Debug("Shallow fetch of {Pin} refused ({Reason}); fetching all branches and tags", pin, refused);
        }
        if (!TryFetch(workTree, remote, AllRefs, shallow: false, cancellation, out var error))
            throw new GitException($"cannot fetch {remote}: {error}");
        return false;
    }

    static bool TryFetch(string workTree, string remote, string[] refspecs, bool shallow, CancellationToken cancellation, out string error)
    {
        if (!UseGitCli)
            return TryFetchWithLibGit2(workTree, remote, refspecs, out error);
        var arguments = new List<string> { "-C", workTree, "fetch", "--quiet", "--no-tags" };
        if (shallow)
            arguments.AddRange(["--depth", "1"]);
        else if (File.Exists(Path.Combine(workTree, ".git", "shallow")))
            arguments.Add("--unshallow");
        arguments.AddRange(["--", remote, .. refspecs]);
        var result = Cli.Wrap("git")
            .WithArguments(arguments)
            .WithEnvironmentVariables(env => env.Set("GIT_TERMINAL_PROMPT", "0"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellation)
            .GetAwaiter()
            .GetResult();
        error = result.StandardError.Trim();
        return result.IsSuccess;
    }

    static bool TryFetchWithLibGit2(string workTree, string remote, string[] refspecs, out string error)
    {
        try
        {
            using var repository = new Repository(workTree);
            if (repository.Network.Remotes[RemoteName] is not null)
                repository.Network.Remotes.Remove(RemoteName);
            repository.Network.Remotes.Add(RemoteName, remote);
            Commands.Fetch(repository, RemoteName, refspecs, new FetchOptions { TagFetchMode = TagFetchMode.None }, null);
            error = "";
            return true;
        }
        catch (LibGit2SharpException e)
        {
            error = e.Message;
            return false;
        }
    }

    static bool GitCliAvailable()
    {
        try
        {
            return Cli.Wrap("git")
                .WithArguments(["--version"])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync()
                .GetAwaiter()
                .GetResult()
                .IsSuccess;
        }
        catch (Win32Exception)
        {
            Log.Warning("No git CLI on PATH: clones fetch full history through LibGit2Sharp");
            return false;
        }
    }
}
