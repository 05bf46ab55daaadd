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
        if (!result.Ok)
            throw new BuildException(
                $"some files are not formatted:\n{result.StandardError.Trim()}{result.StandardOutput.Trim()}\nrun ./build.sh Format"
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
