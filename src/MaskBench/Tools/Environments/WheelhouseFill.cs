using MaskBench.Model.Catalog;
using MaskBench.Tools.Containers;
using MaskBench.Tools.Git;
using Serilog;

namespace MaskBench.Tools.Environments;

/// <summary>Fills a wheelhouse with the wheels an environment pins, built in the image they will be installed on (its
/// stack's base, so that a compiled wheel has its Python): from a package index where one answers, or with
/// <c>--git-mirror DIR</c> from <c>DIR/&lt;owner&gt;/&lt;repo&gt;</c> at the pinned commit, as Clone reads a mirror.
/// A wheel already there is kept.</summary>
static class WheelhouseFill
{
    public static async Task<IReadOnlyList<string>> RunAsync(
        Recipe recipe,
        EnvironmentOptions options,
        string? gitMirror,
        GitTransport? transport,
        CancellationToken cancellation
    )
    {
        var what = $"Wheelhouse-{recipe.TargetSuffix}";
        if (recipe.Environment.Wheels is not { } wheels)
            throw new RunnerException(
                $"{recipe.File}: this stack's environment names no wheels file: it installs nothing from a wheelhouse"
            );
        if (recipe.Environment.Base is not { } baseSpec)
            throw new RunnerException($"{recipe.File}: this stack has no base to build its wheels in: give stacks.<s>.base");
        var engine = new ContainerEngine(options.EngineProgram, options.EngineVariables);
        var missing = Wheelhouse.Missing(Wheelhouse.Read(Path.Combine(options.Root, wheels)), options.Wheelhouse);
        if (missing.Count == 0)
        {
            Log.Information("{What}: {Folder} holds every wheel of {Wheels}", what, options.Wheelhouse, wheels);
            return [];
        }
        await ImageChain.BuildBaseAsync(engine, what, baseSpec, options, ImageLock.Read(options.ImageLock), cancellation);
        Directory.CreateDirectory(options.Wheelhouse);
        foreach (var pin in missing)
        {
            if (gitMirror is null)
                await BuildAsync(engine, what, baseSpec.Image, options.Wheelhouse, null, ["--no-deps", pin.ToString()], cancellation);
            else
                await FromMirrorAsync(engine, what, pin, baseSpec.Image, options.Wheelhouse, gitMirror, transport, cancellation);
            if (Wheelhouse.Missing([pin], options.Wheelhouse).Count > 0)
                throw new RunnerException(
                    $"{wheels}: building {pin} left no {pin.Name}-{pin.Version}-*.whl in {options.Wheelhouse}: the source at {pin.Commit[..12]} has another version; correct the line"
                );
            Log.Information("{What}: built {Pin} into {Folder}", what, pin, options.Wheelhouse);
        }
        return [.. missing.Select(p => p.ToString())];
    }

    static async Task FromMirrorAsync(
        ContainerEngine engine,
        string what,
        WheelPin pin,
        string image,
        string wheelhouse,
        string gitMirror,
        GitTransport? transport,
        CancellationToken cancellation
    )
    {
        var work = Directory.CreateTempSubdirectory("maskbench-wheel-").FullName;
        try
        {
            var source = Path.Combine(work, "source");
            GitSource.Clone(pin.Source, source, gitMirror, cancellation: cancellation, transport: transport); // as Clone reads DIR/<owner>/<repo>
            var setup = pin.Subdirectory.Length == 0 ? "/source" : $"/source/{pin.Subdirectory}";
            await BuildAsync(
                engine,
                what,
                image,
                wheelhouse,
                source,
                ["--no-deps", "--no-build-isolation", "--no-index", setup],
                cancellation
            );
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary><c>pip wheel</c> in a fresh container of the base, the wheelhouse mounted; with no source, from the index.</summary>
    static Task BuildAsync(
        ContainerEngine engine,
        string what,
        string image,
        string wheelhouse,
        string? source,
        IReadOnlyList<string> pip,
        CancellationToken cancellation
    ) =>
        engine.RunAsync(
            what,
            [
                "run",
                "--rm",
                .. source is null ? new[] { "-e", "PIP_NO_INDEX=false" } : ["--network", "none", "-v", $"{source}:/source"],
                "-v",
                $"{Path.GetFullPath(wheelhouse)}:/wheelhouse",
                image,
                "python3",
                "-m",
                "pip",
                "wheel",
                "--wheel-dir",
                "/wheelhouse",
                .. pip,
            ],
            TimeSpan.FromMinutes(30),
            cancellation
        );
}
