namespace MaskBench.Tools.Git;

/// <summary>The git CLI in a local clone, with an argument list; the answer is the trimmed output or the error's first line.</summary>
static class GitCli
{
    public sealed record Answer(bool Ok, string Output, string Error);

    public static async Task<Answer> Run(string repository, IEnumerable<string> arguments, CancellationToken cancellation)
    {
        if (!Directory.Exists(repository))
            throw new GitException($"the clone {repository} does not exist: run Clone first");
        var result = await ProcessRunner.RunAsync(
            new ProcessSpec(
                ["git", "-C", repository, .. arguments],
                repository,
                new Dictionary<string, string> { ["GIT_TERMINAL_PROMPT"] = "0" }
            ),
            new ProcessOptions { What = "git", Timeout = TimeSpan.FromMinutes(5) },
            cancellation
        );
        var error = result.StandardError.Trim().Split('\n')[0].Trim();
        return new Answer(result.Ok, result.StandardOutput.Trim(), error);
    }
}
