using CliWrap;
using CliWrap.Buffered;

namespace MaskBench.History;

/// <summary>The git CLI in a local clone, with an argument list; the answer is the trimmed output or the error's first line.</summary>
static class GitCli
{
    public sealed record Answer(bool Ok, string Output, string Error);

    public static async Task<Answer> Run(string repository, IEnumerable<string> arguments, CancellationToken cancellation)
    {
        if (!Directory.Exists(repository))
            throw new HistoryException($"the clone {repository} does not exist: run Clone first");
        var result = await Cli.Wrap("git")
            .WithArguments(["-C", repository, .. arguments])
            .WithEnvironmentVariables(env => env.Set("GIT_TERMINAL_PROMPT", "0"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellation);
        var error = result.StandardError.Trim().Split('\n')[0].Trim();
        return new Answer(result.IsSuccess, result.StandardOutput.Trim(), error);
    }
}
