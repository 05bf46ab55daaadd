using CliWrap;
using CliWrap.Buffered;

namespace MaskBench.Tests.BuildScript;

/// <summary>The single-file MaskBench (<c>./build.sh Publish</c>) on a machine without .NET: the test hides this
/// machine's .NET (<c>/usr/share/dotnet</c>, under an empty tmpfs in a mount namespace of its own) and runs the binary
/// from a folder outside any checkout, with a cache folder of its own.</summary>
[Trait(Needs.Trait, Needs.Processes)]
public sealed class SingleFileSpecs : IDisposable
{
    readonly string scratch = Directory.CreateTempSubdirectory("maskbench-single-file-").FullName;

    [Fact(Timeout = 900_000)]
    public async Task The_published_binary_runs_without_dotnet_outside_a_checkout_and_says_which_commit_it_is()
    {
        // Arrange
        using var build = new BuildScript();
        var publish = await build.Run("Publish");
        Assert.True(publish.ExitCode == 0, publish.StandardOutput + publish.StandardError);
        var binary = Path.Combine(build.ArtifactsDir, "bin", "maskbench");
        var commit = (
            await Cli.Wrap("git").WithArguments(["-C", Paths.Root, "rev-parse", "HEAD"]).ExecuteBufferedAsync()
        ).StandardOutput.Trim();
        var elsewhere = Directory.CreateDirectory(Path.Combine(scratch, "elsewhere")).FullName;
        var cache = Path.Combine(scratch, "cache");

        // Act
        var help = await WithoutDotnet(binary, elsewhere, cache, "--help");
        var plan = await WithoutDotnet(binary, elsewhere, cache, "Benchmark", "--profile", "smoke", "--plan");

        // Assert
        Assert.True(help.ExitCode == 0, help.StandardOutput + help.StandardError);
        Assert.StartsWith($"MaskBench {commit} (single-file binary)", help.StandardOutput);
        Assert.Contains("Usage: maskbench [targets]", help.StandardOutput);
        Assert.True(plan.ExitCode == 0, plan.StandardOutput + plan.StandardError);
        Assert.Contains("Train-Torchvision", plan.StandardOutput);
        Assert.True(File.Exists(Path.Combine(cache, "maskbench", commit, "recipes", "torchvision.json")), "the carried checkout");
        Assert.True(new FileInfo(binary).Length is > 20_000_000 and < 80_000_000, $"{new FileInfo(binary).Length} bytes");
    }

    /// <summary>The binary in a mount namespace where <c>/usr/share/dotnet</c> is an empty folder.</summary>
    static Task<BufferedCommandResult> WithoutDotnet(string binary, string folder, string cache, params string[] arguments) =>
        Cli.Wrap("unshare")
            .WithArguments([
                "--mount",
                "--",
                "sh",
                "-c",
                "mount -t tmpfs none /usr/share/dotnet && if dotnet --info >/dev/null 2>&1; then echo '.NET is still there' >&2; exit 97; fi; exec \"$0\" \"$@\"",
                binary,
                .. arguments,
            ])
            .WithWorkingDirectory(folder)
            .WithEnvironmentVariables(e => e.Set("XDG_CACHE_HOME", cache).Set("DOTNET_ROOT", null).Set("NO_COLOR", "1"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

    public void Dispose() => Directory.Delete(scratch, recursive: true);
}
