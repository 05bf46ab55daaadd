using CliWrap;
using CliWrap.Buffered;

namespace MaskBench.Checking;

/// <summary>A git pin on its remote, through the git CLI: the refs <c>git ls-remote</c> advertises, and for a commit
/// that no ref names, <c>git fetch --depth 1 --filter=tree:0 &lt;url&gt; &lt;sha&gt;</c> into a scratch repository
/// (the commit alone, no tree or file). Every call is bounded by the probe timeout.</summary>
static class GitProbe
{
    public static async Task<CheckResult> RunAsync(Reference reference, Http http, CheckOptions options)
    {
        var url = reference.Name;
        if (!url.Contains("://", StringComparison.Ordinal) && !url.Contains('@'))
            return new CheckResult(reference, CheckStatus.NotChecked, "a path: the MaskBench repository itself", 0);
        if (reference.Pin is null)
            return new CheckResult(reference, CheckStatus.Unpinned, $"pin a commit in {reference.Origin}", 0);
        var host = Host(url);
        if (http.Silent(host) is { } earlier)
            return new CheckResult(reference, CheckStatus.Unreachable, earlier, 0);

        var listed = await GitAsync(options, http, host, null, "ls-remote", url);
        if (listed.Failure is { } unreachable)
            return new CheckResult(reference, CheckStatus.Unreachable, unreachable, listed.Bytes);
        if (!listed.Ok)
            return new CheckResult(
                reference,
                Gone(listed.Error) ? CheckStatus.Missing : CheckStatus.Unreachable,
                Last(listed.Error),
                listed.Bytes
            );
        var refs = listed
            .Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .Where(c => c.Length == 2)
            .Select(c => (Sha: c[0].Trim(), Ref: c[1].Trim()))
            .ToList();
        var pin = reference.Pin;
        if (pin.StartsWith("refs/", StringComparison.Ordinal))
        {
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
        if (refs.FirstOrDefault(r => r.Sha.StartsWith(pin, StringComparison.Ordinal)) is { Sha: not null } advertised)
            return new CheckResult(
                reference,
                pin.Length == 40 ? CheckStatus.Ok : CheckStatus.Unpinned,
                pin.Length == 40 ? $"advertised as {advertised.Ref}" : $"abbreviated: pin the full hash {advertised.Sha}",
                listed.Bytes
            );
        if (pin.Length != 40)
            return new CheckResult(
                reference,
                CheckStatus.Unpinned,
                $"abbreviated and on no ref: a remote cannot be asked for it; pin the full hash",
                listed.Bytes
            );

        var scratch = Directory.CreateTempSubdirectory("maskbench-check-git-").FullName;
        try
        {
            var init = await GitAsync(options, http, null, scratch, "init", "-q");
            var fetched = init.Ok
                ? await GitAsync(options, http, host, scratch, "fetch", "-q", "--no-tags", "--depth", "1", "--filter=tree:0", url, pin)
                : init;
            var bytes = listed.Bytes + FolderBytes(Path.Combine(scratch, ".git", "objects"));
            if (fetched.Failure is { } why)
                return new CheckResult(reference, CheckStatus.Unreachable, why, bytes);
            return fetched.Ok
                ? new CheckResult(reference, CheckStatus.Ok, "on no ref, fetched by its hash", bytes)
                : new CheckResult(
                    reference,
                    Gone(fetched.Error) ? CheckStatus.Missing : CheckStatus.Unreachable,
                    Gone(fetched.Error)
                        ? $"the remote does not have {pin[..12]} ({Last(fetched.Error)}): find the commit in a fork, or pin another"
                        : Last(fetched.Error),
                    bytes
                );
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    sealed record GitAnswer(bool Ok, string Output, string Error, long Bytes, string? Failure);

    static async Task<GitAnswer> GitAsync(CheckOptions options, Http http, string? host, string? folder, params string[] arguments)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(http.Budget);
        limit.CancelAfter(options.ProbeTimeout);
        try
        {
            var result = await Cli.Wrap(options.Git)
                .WithArguments(arguments)
                .WithWorkingDirectory(folder ?? Path.GetTempPath())
                .WithEnvironmentVariables(e => e.Set("GIT_TERMINAL_PROMPT", "0").Set("GIT_ASKPASS", "true").Set("LC_ALL", "C"))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(limit.Token);
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
