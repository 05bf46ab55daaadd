using LibGit2Sharp;
using Serilog;

namespace MaskBench.Tools.Git;

/// <summary>
/// Brings one commit into a repository with as little history as the remote allows.
/// LibGit2Sharp cannot fetch shallow (not over the local transport, and its shallow request breaks git-daemon's
/// protocol v0), so the git CLI fetches <c>--depth 1</c> by hash; when the remote refuses a hash, or the pin is
/// abbreviated, every branch and tag is fetched in full. Without a git CLI on PATH, or with
/// <c>--git-transport libgit2</c>, LibGit2Sharp fetches in full.
/// </summary>
static class CommitFetcher
{
    const string RemoteName = "maskbench";
    const string PinRef = "refs/maskbench/pin";
    static readonly string[] AllRefs = ["+refs/heads/*:refs/maskbench/heads/*", "+refs/tags/*:refs/maskbench/tags/*"];

    /// <summary>How long one fetch may take before it is stopped (a remote that accepts the connection and never answers).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    /// <summary>A transfer slower than 1000 bytes/s for this long is abandoned by git itself (http and https).</summary>
    static readonly TimeSpan LowSpeedTime = TimeSpan.FromSeconds(60);

    /// <returns>True when only the pinned commit was fetched (shallow).</returns>
    /// <param name="transport">Null: the git CLI where it is on PATH, else LibGit2Sharp.</param>
    public static bool Fetch(
        string workTree,
        string remote,
        string pin,
        TimeSpan timeout,
        CancellationToken cancellation,
        GitTransport? transport = null
    )
    {
        var cli = (transport ?? Available(workTree)) == GitTransport.Cli;
        if (pin.Length == 40)
        {
            // LibGit2Sharp fetches the pin with its whole history: only the git CLI's fetch is shallow.
            if (TryFetch(cli, workTree, remote, [$"+{pin}:{PinRef}"], shallow: true, timeout, cancellation, out var refused))
                return cli;
            if (refused.StartsWith(TimedOut, StringComparison.Ordinal))
                throw new GitException($"cannot fetch {remote}: {refused}");
            Log.Debug("Shallow fetch of {Pin} refused ({Reason}); fetching all branches and tags", pin, refused);
        }
        if (!TryFetch(cli, workTree, remote, AllRefs, shallow: false, timeout, cancellation, out var error))
            throw new GitException($"cannot fetch {remote}: {error}");
        return false;
    }

    const string TimedOut = "no answer within";

    static bool TryFetch(
        bool cli,
        string workTree,
        string remote,
        string[] refspecs,
        bool shallow,
        TimeSpan timeout,
        CancellationToken cancellation,
        out string error
    )
    {
        if (!cli)
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
        // A Try-method with an out parameter (it cannot be async), called by the synchronous clone path beside LibGit2Sharp's.
#pragma warning disable RS0030
        var result = ProcessRunner.RunAsync(spec, options, cancellation).GetAwaiter().GetResult();
#pragma warning restore RS0030
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

    /// <summary>The transport when none was chosen: the git CLI where it is on PATH, else LibGit2Sharp (and it says so).</summary>
    static GitTransport Available(string workTree)
    {
        if (ProgramLookup.Missing("git", workTree, new Dictionary<string, string?>()) is null)
            return GitTransport.Cli;
        Log.Warning("No git CLI on PATH: the clone fetches full history through LibGit2Sharp");
        return GitTransport.Libgit2;
    }
}
