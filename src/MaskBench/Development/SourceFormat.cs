using MaskBench.Engine;
using MaskBench.Tools.Processes;

namespace MaskBench.Development;

/// <summary>CSharpier, the version in <c>.config/dotnet-tools.json</c>: <c>Format</c> formats every C# source, and
/// <c>Test</c> starts with the check, so that unformatted code fails fast with the command that fixes it.</summary>
internal sealed class SourceFormat(string root, CancellationToken cancellation)
{
    public async Task FormatAsync() => (await CSharpier("format")).EnsureSuccess();

    public async Task CheckAsync()
    {
        var result = await CSharpier("check");
        if (result.Ok)
            return;
        var files = (result.StandardError + "\n" + result.StandardOutput)
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line =>
                line.StartsWith("Error ", StringComparison.Ordinal) && line.EndsWith("Was not formatted.", StringComparison.Ordinal)
            )
            .Select(line => line["Error ".Length..^" - Was not formatted.".Length].TrimStart('.', '/'))
            .ToList();
        throw new BuildException(
            files.Count == 0
                ? "csharpier check failed (its output is in the log above); run ./build.sh Format"
                : $"{files.Count} file(s) not formatted ({string.Join(", ", files.Take(3))}{(files.Count > 3 ? ", ..." : "")}); run ./build.sh Format"
        );
    }

    async Task<ProcessResult> CSharpier(string verb)
    {
        (
            await ProcessRunner.RunAsync(
                DotnetTool.Command(root, ["tool", "restore"]),
                new ProcessOptions { What = "dotnet tool restore" },
                cancellation
            )
        ).EnsureSuccess();
        return await ProcessRunner.RunAsync(
            DotnetTool.Command(root, ["csharpier", verb, "."]),
            new ProcessOptions
            {
                What = $"csharpier {verb}",
                Timeout = TimeSpan.FromMinutes(5),
                LogLines = true,
            },
            cancellation
        );
    }
}
