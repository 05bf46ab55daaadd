using MaskBench.Foundation.Text;
using MaskBench.Model.Catalog;

namespace MaskBench.Tools.Environments;

/// <summary>The entry points of Setup (build an environment) and Train (open the one Setup built).</summary>
internal static class EnvironmentSetup
{
    public static IReadOnlyList<string> Providers { get; } = ["docker", "podman", "venv"];

    public static Task<PreparedEnvironment> SetupAsync(
        Recipe recipe,
        string sourceDirectory,
        EnvironmentOptions options,
        CancellationToken cancellation = default
    ) =>
        Known(options.Provider) switch
        {
            "venv" => VenvEnvironment.SetupAsync(recipe, sourceDirectory, options, cancellation),
            _ => ContainerEnvironment.SetupAsync(recipe, sourceDirectory, options, cancellation),
        };

    /// <summary>The environment a successful Setup recorded, ready to run in (no rebuild). Fails with a clear
    /// message when it is gone (image removed, interpreter uninstalled).</summary>
    public static async Task<PreparedEnvironment> OpenAsync(
        EnvironmentIdentity identity,
        string sourceDirectory,
        EnvironmentOptions options,
        CancellationToken cancellation = default
    )
    {
        var source = Path.GetFullPath(sourceDirectory);
        if (Known(identity.Provider) == "venv")
        {
            if (!File.Exists(identity.Reference))
                throw new RunnerException(
                    $"the interpreter {identity.Reference} that Setup used is gone: run Setup again (or pass --python)"
                );
            var host = VenvEnvironment.Host(identity.Reference, options.StateDirectory);
            var (python, packages) = await PythonPackages.ReadAsync(host, source, cancellation);
            if ((identity with { Python = python, Packages = packages }).Hash != identity.Hash)
                throw new RunnerException($"the interpreter's packages changed since Setup ({identity.Reference}): run Setup again");
            return new PreparedEnvironment(identity, _ => host);
        }
        var engine = options.Engine ?? identity.Provider; // the provider Setup built with, as Setup chose it
        var exists = await ProcessRunner.RunAsync(
            new ProcessSpec(
                [engine, "image", "inspect", "--format", "{{.Id}}", identity.Reference],
                Directory.GetCurrentDirectory(),
                options.EngineVariables
            ),
            new ProcessOptions { What = $"{engine} image inspect" },
            cancellation
        );
        if (!exists.Started)
            throw new RunnerException(
                $"the container engine '{engine}' is not installed: install it, or pass --provider podman|docker|venv"
            );
        if (!exists.Ok || exists.StandardOutput.Trim() != identity.Id)
            throw new RunnerException(
                $"the image {identity.Reference} ({identity.Id}) that Setup built is gone or was replaced: run Setup again"
            );
        return new PreparedEnvironment(identity, ContainerEnvironment.HostFor(engine, identity.Reference, source, options));
    }

    static string Known(string provider) =>
        Providers.Contains(provider)
            ? provider
            : throw new RunnerException(
                $"unknown environment provider '{provider}'"
                    + Suggest.Nearest(provider, Providers).Format()
                    + $"; known: {string.Join(", ", Providers)}"
            );
}
