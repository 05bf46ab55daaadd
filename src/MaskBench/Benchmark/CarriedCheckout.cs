using System.Reflection;
using MaskBench.Engine;
using MaskBench.Tools.Git;

namespace MaskBench.Benchmark;

/// <summary>
/// The single-file MaskBench (<c>./build.sh Publish</c>) carries the checkout it was built from, as a git bundle of
/// its commit: run outside a checkout, it clones that bundle once per commit into
/// <c>$XDG_CACHE_HOME/maskbench/&lt;commit&gt;</c> (default <c>~/.cache</c>) and runs there, so that the recipes,
/// patches, Dockerfiles and MaskBench's own trainer are the ones of its commit, with git history for torchvision's
/// pin. The work folder and the artifacts then default to the folder it was run from. A build from a checkout
/// (<c>./build.sh</c>) carries nothing and is unchanged.
/// </summary>
internal static class CarriedCheckout
{
    public const string BundleResource = "maskbench-checkout.bundle";
    public const string CommitKey = "MaskBenchCommit";

    /// <summary>The commit this program was published from; null for a build from a checkout.</summary>
    public static string? Commit =>
        Assembly.GetEntryAssembly()?.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == CommitKey)?.Value
            is { Length: > 0 } commit
            ? commit
            : null;

    /// <summary>Whether <paramref name="root"/> is a checkout this program cloned from its bundle.</summary>
    public static bool Holds(string root) =>
        Commit is { } commit && Path.GetFullPath(root) == Path.GetFullPath(Path.Combine(CacheFolder, commit));

    /// <summary>Runs <paramref name="build"/> with the arguments, <c>--root</c> added as <see cref="WithRoot"/> says; a
    /// carried checkout that cannot be unpacked is one line and a bad-invocation exit.</summary>
    public static int Run(string[] args, Func<string[], int> build)
    {
        try
        {
            args = WithRoot(args);
        }
        catch (MaskBenchException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInvocation;
        }
        return build(args);
    }

    /// <summary>The arguments, with <c>--root</c> the carried checkout when they name none and no MaskBench checkout
    /// holds the current folder.</summary>
    static string[] WithRoot(string[] args)
    {
        if (Commit is not { } commit || args.Contains("--root") || InsideCheckout(Environment.CurrentDirectory))
            return args;
        // The program's entry point is synchronous (Main returns the exit code), and the root must exist before the
        // engine starts: the one place the unpacking blocks.
#pragma warning disable RS0030
        return [.. args, "--root", ExtractAsync(commit, CancellationToken.None).GetAwaiter().GetResult()];
#pragma warning restore RS0030
    }

    static string CacheFolder =>
        Path.Combine(
            Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache
                ? cache
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "maskbench"
        );

    static bool InsideCheckout(string start)
    {
        try
        {
            NukeBuild.FindRoot(start);
            return true;
        }
        catch (BuildException)
        {
            return false;
        }
    }

    /// <summary>The checkout of <paramref name="commit"/> in the cache, cloned from the bundle into a scratch folder
    /// and renamed into place, so that a second MaskBench starting at once, or one killed half-way, never sees half.</summary>
    static async Task<string> ExtractAsync(string commit, CancellationToken cancellation)
    {
        var folder = Path.Combine(CacheFolder, commit);
        if (Directory.Exists(Path.Combine(folder, ".nuke")))
            return folder;
        Directory.CreateDirectory(CacheFolder);
        var scratch = Path.Combine(CacheFolder, $".{commit}.{Environment.ProcessId}");
        var bundle = scratch + ".bundle";
        try
        {
            await using (var resource = Assembly.GetEntryAssembly()!.GetManifestResourceStream(BundleResource))
            {
                if (resource is null)
                    throw new MaskBenchException(
                        $"this MaskBench ({commit}) carries no checkout: publish it again with ./build.sh Publish, or run it with --root CHECKOUT"
                    );
                await using var file = File.Create(bundle);
                await resource.CopyToAsync(file, cancellation);
            }
            var clone = await GitCli.Run(CacheFolder, ["clone", "--quiet", "--no-checkout", "--", bundle, scratch], cancellation);
            var checkout = clone.Ok ? await GitCli.Run(scratch, ["checkout", "--quiet", "--detach", commit], cancellation) : clone;
            if (!checkout.Ok)
                throw new MaskBenchException(
                    $"cannot unpack the checkout this MaskBench carries into {folder}: git says '{checkout.Error}'; check that git is installed and {CacheFolder} is writable, or set XDG_CACHE_HOME"
                );
            try
            {
                Directory.Move(scratch, folder);
            }
            catch (IOException) when (Directory.Exists(Path.Combine(folder, ".nuke"))) { } // another MaskBench was first
            return folder;
        }
        finally
        {
            File.Delete(bundle);
            if (Directory.Exists(scratch))
                Directory.Delete(scratch, recursive: true);
        }
    }
}
