using MaskBench.Foundation.Files;
using MaskBench.Model.Catalog;
using MaskBench.Tools.Containers;
using Serilog;

namespace MaskBench.Tools.Environments;

/// <summary>Setup's image chain: the stack's base built from its own recipe, then the implementation's image on it;
/// every <c>FROM</c> resolved by <see cref="BaseResolver"/> and checked against the engine's image store before a
/// build starts, so that a wrong pin fails in one line, not in a pull an air-gapped site cannot make.</summary>
static class ImageChain
{
    /// <summary>Builds <c>stacks.&lt;s&gt;.base</c> and the bases under it, the lowest first, each under the tag the
    /// one above starts <c>FROM</c>; a root recipe (<c>.json</c>) is made by <see cref="RootImage"/>.</summary>
    /// <returns>Each built tag with a description holding its image id (for the next resolution), and every image the
    /// chain was built on.</returns>
    public static async Task<(IReadOnlyDictionary<string, string> Built, IReadOnlyList<ResolvedBase> Bases)> BuildBaseAsync(
        ContainerEngine engine,
        string what,
        BaseImageSpec top,
        EnvironmentOptions options,
        ImageLock locked,
        CancellationToken cancellation
    )
    {
        var built = new Dictionary<string, string>(StringComparer.Ordinal);
        var bases = new List<ResolvedBase>();
        foreach (var spec in top.Chain())
        {
            var file = Path.GetFullPath(Path.Combine(options.Root, spec.Recipe));
            if (!File.Exists(file))
                throw new RunnerException($"the base recipe {file} (stack base {spec.Image}) does not exist: correct base.recipe");
            if (RootImage.IsRootRecipe(spec.Recipe))
            {
                built[spec.Image] = $"{await RootImage.EnsureAsync(engine, what, file, spec.Image, cancellation)} from {spec.Recipe}";
                continue;
            }
            var arguments = spec.Arguments ?? new Dictionary<string, string>();
            var declared = StackArguments.Declared(File.ReadAllText(file));
            if (arguments.Keys.FirstOrDefault(a => !declared.Contains(a)) is { } unknown)
                throw new RunnerException(
                    $"the base argument '{unknown}' is not an ARG of {file}; its arguments: {string.Join(", ", declared.Order())}"
                );
            var resolved = await ResolveAsync(engine, what, file, arguments, locked, built, cancellation);
            Log.Information("{What}: building the base {Image} from {Dockerfile}", what, spec.Image, file);
            var contexts = (spec.Contexts ?? new Dictionary<string, string>()).ToDictionary(
                c => c.Key,
                c => Path.GetFullPath(Path.Combine(options.Root, c.Value))
            );
            await BuildAsync(engine, what, resolved, spec.Image, arguments, contexts, options.StateDirectory, cancellation);
            var id =
                await engine.ImageIdAsync(spec.Image, cancellation)
                ?? throw new RunnerException($"{spec.Image} is missing right after its build");
            built[spec.Image] = $"{id} from {spec.Recipe}";
            bases.AddRange(resolved.Bases);
        }
        return (built, bases);
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
    /// <param name="contexts">Named build contexts: name → folder.</param>
    public static async Task BuildAsync(
        ContainerEngine engine,
        string what,
        ResolvedDockerfile resolved,
        string tag,
        IReadOnlyDictionary<string, string> arguments,
        IReadOnlyDictionary<string, string> contexts,
        string stateDirectory,
        CancellationToken cancellation
    )
    {
        if (contexts.FirstOrDefault(c => !Directory.Exists(c.Value)) is { Key: not null } missing)
            throw new RunnerException(
                $"{resolved.Path}: the build context '{missing.Key}' ({missing.Value}) is not a folder: create it or correct its path"
            );
        var file = Path.Combine(stateDirectory, "dockerfiles", $"{Path.GetFileName(resolved.Path)}.{Hashing.Text(resolved.Text)[..12]}");
        AtomicFile.WriteAllText(file, resolved.Text);
        var build = new List<string> { "build", "-f", file, "-t", tag };
        foreach (var (name, value) in arguments)
            build.AddRange(["--build-arg", $"{name}={value}"]);
        foreach (var (name, folder) in contexts)
            build.AddRange(["--build-context", $"{name}={folder}"]);
        build.Add(Path.GetDirectoryName(resolved.Path)!);
        await engine.RunAsync(what, build, TimeSpan.FromHours(3), cancellation);
    }
}
