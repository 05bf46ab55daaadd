using MaskBench.Catalog;
using MaskBench.Checking;
using MaskBench.Files;
using MaskBench.Running;
using Serilog;

namespace MaskBench.Environments;

/// <summary>Setup's image chain: the stack's base built from its own recipe, then the implementation's image on it;
/// every <c>FROM</c> resolved by <see cref="BaseResolver"/> and checked against the engine's image store before a
/// build starts, so that a wrong pin fails in one line, not in a pull an air-gapped site cannot make.</summary>
static class ImageChain
{
    /// <summary>Builds <c>stacks.&lt;s&gt;.base</c> under the tag the environment's Dockerfile starts <c>FROM</c>.</summary>
    /// <returns>The tag, a description with its image id (for the environment's resolution), and what it was built on.</returns>
    public static async Task<(string Tag, string Description, IReadOnlyList<ResolvedBase> Bases)> BuildBaseAsync(
        ContainerEngine engine,
        string what,
        BaseImageSpec spec,
        EnvironmentOptions options,
        ImageLock locked,
        CancellationToken cancellation
    )
    {
        var dockerfile = Path.GetFullPath(Path.Combine(options.Root, spec.Recipe));
        if (!File.Exists(dockerfile))
            throw new RunnerException($"the base recipe {dockerfile} (stack base {spec.Image}) does not exist: correct base.recipe");
        var arguments = spec.Arguments ?? new Dictionary<string, string>();
        var declared = StackArguments.Declared(File.ReadAllText(dockerfile));
        if (arguments.Keys.FirstOrDefault(a => !declared.Contains(a)) is { } unknown)
            throw new RunnerException(
                $"the base argument '{unknown}' is not an ARG of {dockerfile}; its arguments: {string.Join(", ", declared.Order())}"
            );
        var resolved = await ResolveAsync(engine, what, dockerfile, arguments, locked, new Dictionary<string, string>(), cancellation);
        Log.Information("{What}: building the base {Image} from {Dockerfile}", what, spec.Image, dockerfile);
        await BuildAsync(engine, what, resolved, spec.Image, arguments, options.StateDirectory, cancellation);
        var id =
            await engine.ImageIdAsync(spec.Image, cancellation)
            ?? throw new RunnerException($"{spec.Image} is missing right after its build");
        return (spec.Image, $"{id} from {spec.Recipe}", resolved.Bases);
    }

    /// <summary>The Dockerfile with its <c>FROM</c>s resolved; local images and pinned ones checked in the engine's store.</summary>
    public static async Task<ResolvedDockerfile> ResolveAsync(
        ContainerEngine engine,
        string what,
        string dockerfile,
        IReadOnlyDictionary<string, string> arguments,
        ImageLock locked,
        IReadOnlyDictionary<string, string> built,
        CancellationToken cancellation
    )
    {
        var resolved = BaseResolver.Resolve(dockerfile, File.ReadAllText(dockerfile), arguments, locked, built);
        var bases = new List<ResolvedBase>();
        foreach (var image in resolved.Bases)
            bases.Add(await CheckAsync(engine, dockerfile, image, locked, cancellation));
        foreach (var image in bases.Where(b => b.Unpinned))
            Log.Warning(
                "{What}: {Image} is UNPINNED in {Lock}: built from its tag as it is today, and a run on it says so in its manifest; ./build.sh Check prints the digest to record",
                what,
                image.Written,
                locked.File
            );
        return resolved with { Bases = bases };
    }

    static async Task<ResolvedBase> CheckAsync(
        ContainerEngine engine,
        string dockerfile,
        ResolvedBase image,
        ImageLock locked,
        CancellationToken cancellation
    )
    {
        if (image.Source == "local")
            return await engine.ImageIdAsync(image.Written, cancellation) is { } id
                ? image with
                {
                    Source = $"local {id}",
                }
                : throw new RunnerException(
                    $"{dockerfile}: FROM {image.Written}, but {engine.Program} has no such local image: build or import it first"
                );
        if (image.Source != "lock" || await engine.ImageIdAsync(image.From, cancellation) is not null)
            return image;
        var here = await engine.TryOutputAsync(
            ["image", "inspect", "--format", "{{range .RepoDigests}}{{.}} {{end}}", image.Written],
            cancellation
        );
        return here is null
            ? image // not here: the engine pulls it by digest, and the registry checks the digest
            : throw new RunnerException(
                $"{dockerfile}: {image.Written} here is {here.Trim()}, but {locked.File} pins {image.From}: pull {image.From}, or record the digest you trust in the lock"
            );
    }

    /// <summary>Builds the resolved text (written under the state folder) with the original folder as the context.</summary>
    public static async Task BuildAsync(
        ContainerEngine engine,
        string what,
        ResolvedDockerfile resolved,
        string tag,
        IReadOnlyDictionary<string, string> arguments,
        string stateDirectory,
        CancellationToken cancellation
    )
    {
        var file = Path.Combine(stateDirectory, "dockerfiles", $"{Path.GetFileName(resolved.Path)}.{Hashing.Text(resolved.Text)[..12]}");
        AtomicFile.WriteAllText(file, resolved.Text);
        var build = new List<string> { "build", "-f", file, "-t", tag };
        foreach (var (name, value) in arguments)
            build.AddRange(["--build-arg", $"{name}={value}"]);
        build.Add(Path.GetDirectoryName(resolved.Path)!);
        await engine.RunAsync(what, build, TimeSpan.FromHours(3), cancellation);
    }
}
