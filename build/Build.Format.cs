using CliWrap;
using CliWrap.Buffered;
using MaskBench.Engine;
using Serilog;

namespace MaskBench.Build;

partial class Build
{
    Target Format =>
        _ =>
            _.Description("Format the C# sources with CSharpier (the version in .config/dotnet-tools.json)")
                .Executes(() => CSharpier("format"));

    /// <summary>Test starts with this: unformatted code fails fast, with the command that fixes it.</summary>
    async Task CheckFormat()
    {
        var result = await CSharpier("check");
        if (result.ExitCode != 0)
            throw new BuildException(
                $"some files are not formatted:\n{result.StandardError.Trim()}{result.StandardOutput.Trim()}\nrun ./build.sh Format"
            );
    }

    async Task<BufferedCommandResult> CSharpier(string verb)
    {
        await Cli.Wrap("dotnet").WithArguments(["tool", "restore"]).WithWorkingDirectory(RootDirectory).ExecuteBufferedAsync(Cancellation);
        var result = await Cli.Wrap("dotnet")
            .WithArguments(["csharpier", verb, "."])
            .WithWorkingDirectory(RootDirectory)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Cancellation);
        Log.Information("{Output}", result.StandardOutput.Trim());
        return result;
    }
}
