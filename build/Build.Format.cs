using MaskBench.Engine;

namespace MaskBench.Build;

partial class Build
{
    Target Format =>
        _ =>
            _.Description("Format the C# sources with CSharpier (the version in .config/dotnet-tools.json)")
                .Executes(async () => (await CSharpier("format")).EnsureSuccess());

    /// <summary>Test starts with this: unformatted code fails fast, with the command that fixes it.</summary>
    async Task CheckFormat()
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
            await ProcessRunner.RunAsync(Dotnet(["tool", "restore"]), new ProcessOptions { What = "dotnet tool restore" }, Cancellation)
        ).EnsureSuccess();
        return await ProcessRunner.RunAsync(
            Dotnet(["csharpier", verb, "."]),
            new ProcessOptions
            {
                What = $"csharpier {verb}",
                Timeout = TimeSpan.FromMinutes(5),
                LogLines = true,
            },
            Cancellation
        );
    }

    ProcessSpec Dotnet(IReadOnlyList<string> arguments) => new(["dotnet", .. arguments], RootDirectory, new Dictionary<string, string>());
}
