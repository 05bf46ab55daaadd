using LibGit2Sharp;
using MaskBench.Processes;
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

    /// <summary>How long one fetch may take before it is stopped (a remote that accepts the connection and never answers).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    /// <summary>A transfer slower than 1000 bytes/s for this long is abandoned by git itself (http and https).</summary>
    internal static TimeSpan LowSpeedTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <returns>True when only the pinned commit was fetched (shallow).</returns>
    public static bool Fetch(string workTree, string remote, string pin, TimeSpan timeout, CancellationToken cancellation)
    {
        if (pin.Length == 40)
        {
            if (TryFetch(workTree, remote, [$"+{pin}:{PinRef}"], shallow: true, timeout, cancellation, out var refused))
                return true;
            if (refused.StartsWith(TimedOut, StringComparison.Ordinal))
                throw new GitException($"cannot fetch {remote}: {refused}");
            Log.Debug("Shallow fetch of {Pin} refused ({Reason}); fetching all branches and tags", pin, refused);
        }
        if (!TryFetch(workTree, remote, AllRefs, shallow: false, timeout, cancellation, out var error))
            throw new GitException($"cannot fetch {remote}: {error}");
        return false;
    }

    const string TimedOut = "no answer within";

    static bool TryFetch(
        string workTree,
        string remote,
        string[] refspecs,
        bool shallow,
        TimeSpan timeout,
        CancellationToken cancellation,
        out string error
    )
    {
        if (!UseGitCli)
            return TryFetchWithLibGit2(workTree, remote, refspecs, out error);
        var arguments = new List<string>
        {
            "-c",
            "http.lowSpeedLimit=1000",
            "-c",
            $"http.lowSpeedTime={(int)LowSpeedTime.TotalSeconds}",
            "-C",
            workTree,
            "fetch",
            "--quiet",
            "--no-tags",
        };
        if (shallow)
            arguments.AddRange(["--depth", "1"]);
        else if (File.Exists(Path.Combine(workTree, ".git", "shallow")))
            arguments.Add("--unshallow");
        arguments.AddRange(["--", remote, .. refspecs]);
        var spec = new ProcessSpec(["git", .. arguments], workTree, new Dictionary<string, string> { ["GIT_TERMINAL_PROMPT"] = "0" });
        var options = new ProcessOptions
        {
            What = $"git fetch {remote}",
            Timeout = timeout,
            Grace = TimeSpan.FromSeconds(2),
            ProgressEvery = TimeSpan.FromSeconds(30),
        };
        var result = ProcessRunner.RunAsync(spec, options, cancellation).GetAwaiter().GetResult();
        error = result.End switch
        {
            ProcessEnd.TimedOut =>
                $"{TimedOut} {timeout} (git was stopped); check that the remote is reachable, or raise the clone timeout",
            ProcessEnd.NotStarted => result.Message,
            _ => result.StandardError.Trim(),
        };
        return result.Ok;
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
        var result = ProcessRunner.RunAsync("git", ["--version"], new ProcessOptions()).GetAwaiter().GetResult();
        if (!result.Started)
            Log.Warning("No git CLI on PATH: clones fetch full history through LibGit2Sharp");
        return result.Ok;
    }
}
