using MaskBench.Foundation.Files;
using MaskBench.Model.Catalog;
using MaskBench.Tools.Containers;
using Serilog;

namespace MaskBench.Tools.Environments;

/// <summary>A container image per implementation, built by docker or podman from the recipe's Dockerfile with
/// the stack as build arguments; the implementation's extensions are then compiled over the patched source
/// (mounted at its own path) and the result committed as the environment's image.</summary>
internal static class ContainerEnvironment
{
    public static async Task<PreparedEnvironment> SetupAsync(
        Recipe recipe,
        string sourceDirectory,
        EnvironmentOptions options,
        CancellationToken cancellation = default
    )
    {
        if (recipe.Environment.Recipe is null)
            throw new RunnerException(
                $"{recipe.File}: environment.recipe names no Dockerfile; add one under environments/{recipe.Id}/, or use --provider venv"
            );
        var dockerfile = Path.GetFullPath(Path.Combine(options.Root, recipe.Environment.Recipe));
        if (!File.Exists(dockerfile))
            throw new RunnerException($"{recipe.File}: the environment recipe {dockerfile} does not exist");
        var source = Path.GetFullPath(sourceDirectory);
        var engine = new ContainerEngine(options.EngineProgram, options.EngineVariables);
        var what = $"Setup-{recipe.TargetSuffix}";
        var locked = ImageLock.Read(options.ImageLock);
        var contexts = Wheelhouse.Contexts(recipe, options); // a missing wheel fails here, before any build
        IReadOnlyDictionary<string, string> built = new Dictionary<string, string>();
        var bases = new List<ResolvedBase>();
        if (recipe.Environment.Base is { } baseSpec)
        {
            (built, var under) = await ImageChain.BuildBaseAsync(engine, what, baseSpec, options, locked, cancellation);
            bases.AddRange(under);
        }
        var arguments = StackArguments.For(recipe, dockerfile, options.Stack);
        var resolved = await ImageChain.ResolveAsync(engine, what, dockerfile, arguments, locked, built, cancellation);
        bases.AddRange(resolved.Bases);
        var key = Key(
            resolved.Text,
            arguments,
            recipe.Environment.Build,
            source,
            [.. bases.Select(b => b.ToString()), .. contexts.Select(c => $"context {c.Key}={c.Value}")]
        );
        var stackImage = $"maskbench/{recipe.Id}-stack:{key}";
        var image = $"maskbench/{recipe.Id}:env-{key}";

        Log.Information(
            "{What}: building {Image} from {Dockerfile} ({Arguments})",
            what,
            stackImage,
            dockerfile,
            string.Join(", ", arguments.Select(a => $"{a.Key}={a.Value}"))
        );
        await ImageChain.BuildAsync(engine, what, resolved, stackImage, arguments, contexts, options.StateDirectory, cancellation);

        if (recipe.Environment.Build.Count == 0)
            await engine.RunAsync(what, ["tag", stackImage, image], TimeSpan.FromMinutes(30), cancellation);
        else
            await CompileExtensionsAsync(what, engine, recipe, stackImage, image, source, cancellation);

        var id = await engine.ImageIdAsync(image, cancellation) ?? throw new RunnerException($"{image} is missing right after its build");
        var host = HostFor(options.EngineProgram, image, source, options);
        var (python, packages) = await PythonPackages.ReadAsync(host(new HostRequest([], 0)), source, cancellation);
        var (architectures, standIns) = await ExtensionProbe.ReadAsync(engine, image, source, cancellation);
        foreach (var standIn in standIns)
            Log.Warning(
                "{What}: {Image} carries a STAND-IN, for verification only (no GPU measurement runs on it): {StandIn}",
                what,
                image,
                standIn
            );
        if (architectures is not null)
            Log.Information("{What}: the built extensions hold GPU code for {Architectures}", what, string.Join(", ", architectures));
        var identity = new EnvironmentIdentity(
            options.Provider,
            id,
            image,
            python,
            packages,
            [.. bases.Select(b => b.ToString())],
            architectures,
            standIns
        );
        return new PreparedEnvironment(identity, host);
    }

    /// <summary>Hosts in fresh containers of the environment's image, the source tree mounted at its own path; with
    /// rootful docker as the invoking user, so that outputs and build files are not root-owned.</summary>
    internal static Func<HostRequest, IExecutionHost> HostFor(string engine, string image, string source, EnvironmentOptions options) =>
        request => new ContainerHost(
            new ContainerHostOptions(
                engine,
                image,
                request.Mounts.Prepend(source).ToList(),
                request.Gpus,
                options.RunArguments,
                options.EngineVariables
            )
            {
                User = ContainerEngines.InvokingUser(engine),
            }
        );

    static async Task CompileExtensionsAsync(
        string what,
        ContainerEngine engine,
        Recipe recipe,
        string stackImage,
        string image,
        string source,
        CancellationToken cancellation
    )
    {
        var container = $"maskbench-setup-{recipe.Id}-{Guid.NewGuid():N}"[..48];
        if (PreviousBuild.Remove(source))
            Log.Information("{What}: removed the previous compile's build/ from {Source}, so that nothing is reused", what, source);
        Log.Information(
            "{What}: compiling the extensions in {Source} ({Command})",
            what,
            source,
            string.Join(" ", recipe.Environment.Build)
        );
        try
        {
            await engine.RunAsync(
                what,
                CompileArguments(container, source, stackImage, recipe.Environment.Build, ContainerEngines.InvokingUser(engine.Program)),
                TimeSpan.FromHours(2),
                cancellation
            );
            await engine.RunAsync(what, ["commit", container, image], TimeSpan.FromMinutes(30), cancellation);
        }
        finally
        {
            await engine.RunAsync(what, ["rm", "-f", container], TimeSpan.FromMinutes(1), CancellationToken.None, quiet: true);
        }
    }

    /// <summary>The compile container runs as the invoking user (rootful docker; <paramref name="user"/> is
    /// <c>uid:gid</c>) with <c>HOME=/tmp</c>, like the trainings: build files in the source tree are then the user's,
    /// so Patch can always clean them. The page images let that user write site-packages and /usr/local/bin.</summary>
    internal static IReadOnlyList<string> CompileArguments(
        string container,
        string source,
        string stackImage,
        IReadOnlyList<string> build,
        string? user
    ) =>
        [
            "run",
            "--name",
            container,
            .. user is null ? Array.Empty<string>() : ["--user", user, "-e", "HOME=/tmp"],
            "-v",
            $"{source}:{source}",
            "-w",
            source,
            stackImage,
            .. build,
        ];

    /// <summary>The environment's tag: a changed Dockerfile, argument, build command, source folder or base image gives a new one.</summary>
    static string Key(
        string dockerfile,
        IReadOnlyDictionary<string, string> arguments,
        IReadOnlyList<string> build,
        string source,
        IEnumerable<string> bases
    ) => Hashing.Text(string.Join("\n", [dockerfile, .. arguments.Select(a => $"{a.Key}={a.Value}"), .. build, source, .. bases]))[..12];
}
