using MaskBench.Foundation.Files;
using MaskBench.Tools.Containers;
using Serilog;

namespace MaskBench.Tools.Environments;

/// <summary>A root recipe (<c>environments/base/debian-trixie.json</c>): a Debian root made by debootstrap from an
/// archive mirror, no registry involved.</summary>
/// <param name="Include">Packages debootstrap adds (<c>--include</c>).</param>
/// <param name="Mirror">The archive debootstrap reads; the snapshot URL rebuilds the root bit for bit.</param>
/// <param name="Environment">The image's environment variables.</param>
sealed record RootRecipe(
    string Suite,
    string Variant,
    IReadOnlyList<string> Components,
    IReadOnlyList<string>? Include,
    string Mirror,
    IReadOnlyDictionary<string, string>? Environment
);

/// <summary>The lowest link of an image chain: a root recipe, debootstrapped and imported (<c>podman import</c>). An
/// image of that tag made from the same recipe text (its label <see cref="Label"/>) is kept: a new import has a new id,
/// and every layer above it would rebuild.</summary>
static class RootImage
{
    public const string Label = "org.maskbench.root-recipe";

    public static bool IsRootRecipe(string recipe) => recipe.EndsWith(".json", StringComparison.Ordinal);

    /// <returns>The image id.</returns>
    public static async Task<string> EnsureAsync(
        ContainerEngine engine,
        string what,
        string file,
        string image,
        CancellationToken cancellation
    )
    {
        var recipe = Read(file);
        var hash = Hashing.Text(File.ReadAllText(file))[..12];
        var made = await engine.TryOutputAsync(["image", "inspect", "--format", $"{{{{index .Labels \"{Label}\"}}}}", image], cancellation);
        if (made?.Trim() == hash)
        {
            Log.Information(
                "{What}: the root {Image} is present, made from {File} as it is (remove the image to rebuild it)",
                what,
                image,
                file
            );
            return (await engine.ImageIdAsync(image, cancellation))!;
        }
        if (!System.Environment.IsPrivilegedProcess)
            throw new RunnerException(
                $"{file}: debootstrap needs root to make {image}: run Setup as root once, or import the root as {image} yourself"
            );
        var work = Directory.CreateTempSubdirectory("maskbench-root-").FullName;
        try
        {
            var root = Path.Combine(work, "root");
            Log.Information(
                "{What}: making the root {Image} with debootstrap ({Suite} {Variant}, {Mirror})",
                what,
                image,
                recipe.Suite,
                recipe.Variant,
                recipe.Mirror
            );
            await RunAsync(
                what,
                [
                    "debootstrap",
                    $"--variant={recipe.Variant}",
                    $"--components={string.Join(',', recipe.Components)}",
                    .. Include(recipe),
                    recipe.Suite,
                    root,
                    recipe.Mirror,
                ],
                cancellation
            );
            foreach (var cache in new[] { "var/cache/apt/archives", "var/lib/apt/lists" })
            foreach (var entry in Directory.EnumerateFiles(Path.Combine(root, cache)))
                File.Delete(entry);
            var tarball = Path.Combine(work, "root.tar");
            await RunAsync(what, ["tar", "-C", root, "--numeric-owner", "-cf", tarball, "."], cancellation);
            var changes = (recipe.Environment ?? new Dictionary<string, string>())
                .SelectMany(v => new[] { "--change", $"ENV {v.Key}={v.Value}" })
                .Concat(["--change", "CMD [\"/bin/bash\"]", "--change", $"LABEL {Label}={hash}"]);
            await engine.RunAsync(what, ["import", .. changes, tarball, image], TimeSpan.FromMinutes(10), cancellation);
        }
        finally
        {
            await RunAsync(what, ["rm", "-rf", "--one-file-system", work], CancellationToken.None);
        }
        return await engine.ImageIdAsync(image, cancellation) ?? throw new RunnerException($"{image} is missing right after its import");
    }

    public static RootRecipe Read(string file) =>
        JsonFiles.ParseOrNull<RootRecipe>(File.ReadAllText(file)) is { Suite: not null, Mirror: not null } recipe
            ? recipe
            : throw new RunnerException($"{file}: give suite, variant, components and mirror");

    static IEnumerable<string> Include(RootRecipe recipe) =>
        recipe.Include is { Count: > 0 } include ? [$"--include={string.Join(',', include)}"] : [];

    static async Task RunAsync(string what, IReadOnlyList<string> command, CancellationToken cancellation) =>
        (
            await ProcessRunner.RunAsync(
                command[0],
                command.Skip(1),
                new ProcessOptions
                {
                    What = $"{what} {command[0]}",
                    Timeout = TimeSpan.FromMinutes(30),
                    ProgressEvery = TimeSpan.FromMinutes(1),
                },
                cancellation
            )
        ).EnsureSuccess();
}
