using CliWrap;
using CliWrap.Buffered;

namespace MaskBench.Tests.BuildScript;

/// <summary>Runs the real <c>./build.sh</c> of this checkout, with its own work and artifacts folders.</summary>
sealed class BuildScript : IDisposable
{
    public string Work { get; } = Directory.CreateTempSubdirectory("maskbench-build-").FullName;

    public string WorkDir => Path.Combine(Work, "work");

    public string ArtifactsDir => Path.Combine(Work, "artifacts");

    public Task<BufferedCommandResult> Run(params string[] arguments) => RunWith(new Dictionary<string, string?>(), arguments);

    /// <summary>With these environment variables set (a parameter read from the environment).</summary>
    public async Task<BufferedCommandResult> RunWith(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        await Cli.Wrap(Paths.Repository("build.sh"))
            .WithArguments([.. arguments, "--work-dir", WorkDir, "--artifacts-dir", ArtifactsDir])
            .WithWorkingDirectory(Paths.Root)
            .WithEnvironmentVariables(e => e.Set("NO_COLOR", "1").Set(environment))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

    public void Dispose() => Directory.Delete(Work, recursive: true);
}
