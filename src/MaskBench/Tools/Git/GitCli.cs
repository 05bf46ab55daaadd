namespace MaskBench.Tools.Git;

/// <summary>The git CLI in a local clone, with an argument list: the one way MaskBench runs git in a clone (Clone's
/// fetch has its transports, <see cref="CommitFetcher"/>). The repository is always the one given: git's own
/// variables that would point it elsewhere are unset.</summary>
static class GitCli
{
    /// <param name="Error">The first line of git's error, for a message.</param>
    /// <param name="Errors">All of git's error output, for a reader that looks for one of its lines.</param>
    public sealed record Answer(bool Ok, string Output, string Error, string Errors);

    /// <param name="config">Settings for this call alone (<c>-c key=value</c> each).</param>
    public static async Task<Answer> Run(
        string repository,
        IEnumerable<string> arguments,
        CancellationToken cancellation,
        IReadOnlyList<string>? config = null
    )
    {
        if (!Directory.Exists(repository))
            throw new GitException($"the clone {repository} does not exist: run Clone first");
        var list = arguments.ToList();
        var result = await ProcessRunner.RunAsync(
            new ProcessSpec(
                ["git", .. (config ?? []).SelectMany(c => new[] { "-c", c }), "-C", repository, .. list],
                repository,
                new Dictionary<string, string> { ["GIT_TERMINAL_PROMPT"] = "0" }
            )
            {
                Unset = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"],
            },
            new ProcessOptions { What = list.Count > 0 ? $"git {list[0]}" : "git", Timeout = TimeSpan.FromMinutes(5) },
            cancellation
        );
        var errors = result.StandardError.Trim();
        return new Answer(
            result.Ok,
            result.StandardOutput.Trim(),
            errors.Split('\n')[0].Trim(),
            errors.Length > 0 ? errors : result.Message
        );
    }
}
