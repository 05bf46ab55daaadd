namespace MaskBench.Stages.Setup.Check;

/// <summary>A git pin on its remote, through the git CLI, transferring as little as the server allows: a full commit
/// hash is fetched alone (<c>git fetch --depth 1 --filter=tree:0 &lt;url&gt; &lt;sha&gt;</c> into a scratch repository:
/// no tree, no file where the server filters); a server that will not serve commits by hash is asked for its refs
/// (<c>git ls-remote</c>) and the pin must be one of them; a tag is looked up by name (the server filters the refs
/// it sends). Every call is bounded by the probe timeout.</summary>
static class GitProbe
{
    public static async Task<CheckResult> RunAsync(Reference reference, Http http, CheckOptions options)
    {
        var url = reference.Name;
        if (!url.Contains("://", StringComparison.Ordinal) && !url.Contains('@'))
            return new CheckResult(reference, CheckStatus.NotChecked, "a path: the MaskBench repository itself", 0);
        if (reference.Pin is not { } pin)
            return new CheckResult(reference, CheckStatus.Unpinned, $"pin a commit in {reference.Origin}", 0);
        var host = Host(url);
        if (http.Silent(host) is { } earlier)
            return new CheckResult(reference, CheckStatus.Unreachable, earlier, 0);
        if (pin.StartsWith("refs/", StringComparison.Ordinal))
            return await TagAsync(reference, pin, http, options, host);
        if (pin.Length == 40)
        {
            var (fetched, fetchedBytes) = await FetchAsync(url, pin, http, options, host);
            if (fetched.Failure is { } why)
                return new CheckResult(reference, CheckStatus.Unreachable, why, fetchedBytes);
            if (fetched.Ok)
                return new CheckResult(reference, CheckStatus.Ok, "fetched by its hash (the commit alone)", fetchedBytes);
            if (!Gone(fetched.Error))
                return new CheckResult(reference, CheckStatus.Unreachable, Last(fetched.Error), fetchedBytes);
            var advertised = await AdvertisedAsync(url, pin, http, options, host);
            return advertised.Result(reference, fetchedBytes, Last(fetched.Error));
        }
        return (await AdvertisedAsync(url, pin, http, options, host)).Result(reference, 0, null);
    }

    static async Task<(GitAnswer Answer, long Bytes)> FetchAsync(string url, string pin, Http http, CheckOptions options, string host)
    {
        var scratch = Directory.CreateTempSubdirectory("maskbench-check-git-").FullName;
        try
        {
            var init = await GitAsync(options, http, null, scratch, "init", "-q");
            var fetched = init.Ok
                ? await GitAsync(options, http, host, scratch, "fetch", "-q", "--no-tags", "--depth", "1", "--filter=tree:0", url, pin)
                : init;
            return (fetched, FolderBytes(Path.Combine(scratch, ".git", "objects")));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>What the remote's refs say about a commit the server would not serve by hash (or an abbreviated one).</summary>
    sealed record Advertised(GitAnswer Listing, string Pin, (string Sha, string Ref)? Match)
    {
        public CheckResult Result(Reference reference, long earlierBytes, string? fetchError)
        {
            var bytes = earlierBytes + Listing.Bytes;
            if (Listing.Failure is { } why)
                return new CheckResult(reference, CheckStatus.Unreachable, why, bytes);
            if (!Listing.Ok)
                return new CheckResult(
                    reference,
                    Gone(Listing.Error) ? CheckStatus.Missing : CheckStatus.Unreachable,
                    Last(Listing.Error),
                    bytes
                );
            if (Match is { } found)
                return Pin.Length == 40
                    ? new CheckResult(reference, CheckStatus.Ok, $"advertised as {found.Ref}", bytes)
                    : new CheckResult(reference, CheckStatus.Unpinned, $"abbreviated: pin the full hash {found.Sha}", bytes);
            return Pin.Length == 40
                ? new CheckResult(
                    reference,
                    CheckStatus.Missing,
                    $"the remote does not have {Pin[..12]} ({fetchError}): find the commit in a fork, or pin another",
                    bytes
                )
                : new CheckResult(
                    reference,
                    CheckStatus.Unpinned,
                    "abbreviated and on no ref: a remote cannot be asked for it; pin the full hash",
                    bytes
                );
        }
    }

    static async Task<Advertised> AdvertisedAsync(string url, string pin, Http http, CheckOptions options, string host)
    {
        var listed = await GitAsync(options, http, host, null, "ls-remote", url);
        var match = Refs(listed).FirstOrDefault(r => r.Sha.StartsWith(pin, StringComparison.Ordinal));
        return new Advertised(listed, pin, match.Sha is null ? null : match);
    }

    static async Task<CheckResult> TagAsync(Reference reference, string pin, Http http, CheckOptions options, string host)
    {
        var listed = await GitAsync(options, http, host, null, "ls-remote", reference.Name, pin, pin + "^{}");
        if (listed.Failure is { } why)
            return new CheckResult(reference, CheckStatus.Unreachable, why, listed.Bytes);
        if (!listed.Ok)
            return new CheckResult(
                reference,
                Gone(listed.Error) ? CheckStatus.Missing : CheckStatus.Unreachable,
                Last(listed.Error),
                listed.Bytes
            );
        var refs = Refs(listed);
        var tag = refs.FirstOrDefault(r => r.Ref == pin + "^{}") is { Sha: not null } peeled
            ? peeled
            : refs.FirstOrDefault(r => r.Ref == pin);
        return tag.Sha is null
            ? new CheckResult(reference, CheckStatus.Missing, $"the remote has no {pin}: name a tag it has", listed.Bytes)
            : new CheckResult(
                reference,
                CheckStatus.Unpinned,
                $"a tag, not a commit: pin {tag.Sha} (what {pin} names today)",
                listed.Bytes
            );
    }

    static List<(string Sha, string Ref)> Refs(GitAnswer listed) =>
        listed
            .Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .Where(c => c.Length == 2)
            .Select(c => (Sha: c[0].Trim(), Ref: c[1].Trim()))
            .ToList();

    sealed record GitAnswer(bool Ok, string Output, string Error, long Bytes, string? Failure);

    static async Task<GitAnswer> GitAsync(CheckOptions options, Http http, string? host, string? folder, params string[] arguments)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(http.Budget);
        limit.CancelAfter(options.ProbeTimeout);
        try
        {
            var result = await ProcessRunner.RunAsync(
                new ProcessSpec(
                    [options.Git, .. arguments],
                    folder ?? Path.GetTempPath(),
                    new Dictionary<string, string>
                    {
                        ["GIT_TERMINAL_PROMPT"] = "0",
                        ["GIT_ASKPASS"] = "true",
                        ["LC_ALL"] = "C",
                    }
                ),
                new ProcessOptions { What = "git", Timeout = options.ProbeTimeout },
                limit.Token
            );
            if (result.End == ProcessEnd.TimedOut)
                throw new OperationCanceledException();
            var error = result.StandardError;
            if (result.ExitCode != 0 && host is not null && Unreachable(error))
            {
                http.MarkSilent(host, $"{host}: {Last(error)}");
                return new GitAnswer(false, "", error, 0, $"{host}: {Last(error)}");
            }
            return new GitAnswer(result.ExitCode == 0, result.StandardOutput, error, result.StandardOutput.Length + error.Length, null);
        }
        catch (OperationCanceledException)
        {
            var why = http.Budget.IsCancellationRequested
                ? $"Check's time budget ({options.Budget.TotalSeconds:0} s) ran out"
                : $"{host} did not answer within {options.ProbeTimeout.TotalSeconds:0} s";
            if (host is not null)
                http.MarkSilent(host, why);
            return new GitAnswer(false, "", why, 0, why);
        }
    }

    static bool Gone(string error) =>
        new[]
        {
            "not our ref",
            "couldn't find remote ref",
            "no such remote ref",
            "not found",
            "does not appear to be a git repository",
            "unadvertised object",
        }.Any(s => error.Contains(s, StringComparison.OrdinalIgnoreCase));

    static bool Unreachable(string error) =>
        new[]
        {
            "could not resolve host",
            "connection refused",
            "connection timed out",
            "unable to connect",
            "network is unreachable",
            "failed to connect",
        }.Any(s => error.Contains(s, StringComparison.OrdinalIgnoreCase));

    static string Last(string error) =>
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "git failed";

    static string Host(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme != "file" ? uri.Authority : url.Split(':')[0];

    static long FolderBytes(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
}
