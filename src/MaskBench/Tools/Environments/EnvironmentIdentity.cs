using MaskBench.Foundation.Files;
using MaskBench.Tools.Containers;

namespace MaskBench.Tools.Environments;

/// <summary>What a training environment is, for the stamp and the manifest.</summary>
/// <param name="Provider"><c>docker</c>, <c>podman</c> or <c>venv</c>.</param>
/// <param name="Id">The image id, or the interpreter's real path.</param>
/// <param name="Reference">What runs: the image tag, or the interpreter path as given.</param>
/// <param name="Packages">The installed Python distributions, <c>name==version</c>, sorted.</param>
/// <param name="Bases">The images the container chain was built on, each as <see cref="ResolvedBase"/> prints it
/// (<c>ubuntu:18.04@sha256:… (lock)</c>); empty for a virtual environment.</param>
/// <param name="Architectures">The GPU architectures the built extensions hold (<c>sm_90</c>), read from the binaries
/// (<see cref="ExtensionProbe"/>); null: not read (no extension, or no <c>cuobjdump</c> in the image).</param>
/// <param name="StandIns">The stand-ins the image carries (a library replaced by MaskBench's for verification), one
/// line each; a GPU measurement on one is refused.</param>
internal sealed record EnvironmentIdentity(
    string Provider,
    string Id,
    string Reference,
    string Python,
    IReadOnlyList<string> Packages,
    IReadOnlyList<string>? Bases = null,
    IReadOnlyList<string>? Architectures = null,
    IReadOnlyList<string>? StandIns = null
)
{
    IReadOnlyList<string> BuiltOn => Bases ?? [];

    /// <summary>The bases that no digest pins: a run on one says so in its manifest.</summary>
    public IReadOnlyList<string> Unpinned => [.. BuiltOn.Where(b => b.EndsWith($"({ImageLock.Placeholder})", StringComparison.Ordinal))];

    /// <summary>One hash of all of it, for a stamp.</summary>
    public string Hash =>
        Hashing.Text(
            string.Join(
                "\n",
                [
                    Provider,
                    Id,
                    Reference,
                    Python,
                    .. Packages,
                    .. BuiltOn,
                    .. (Architectures ?? []).Select(a => $"arch {a}"),
                    .. StandIns ?? [],
                ]
            )
        );

    /// <summary>The hash of the software around the measured code: as <see cref="Hash"/>, without the image's id and
    /// tag (a new image per commit) and without the distributions named <paramref name="own"/> (the implementation
    /// installed from its own source, e.g. <c>detectron2==0.1.2</c>); names compare as pip does (case, <c>-</c>, <c>_</c>, <c>.</c>).</summary>
    public string Surrounding(params string[] own)
    {
        var mine = own.Select(Normal).ToHashSet(StringComparer.Ordinal);
        return Hashing.Text(
            string.Join(
                "\n",
                [
                    Provider,
                    Python,
                    .. Packages.Where(p => !mine.Contains(Normal(p.Split("==")[0]))),
                    .. BuiltOn,
                    .. (Architectures ?? []).Select(a => $"arch {a}"),
                    .. StandIns ?? [],
                ]
            )
        );

        static string Normal(string name) => new([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
    }

    public IReadOnlyDictionary<string, string> Facts =>
        new Dictionary<string, string>
        {
            ["environment.provider"] = Provider,
            ["environment.id"] = Id,
            ["environment.reference"] = Reference,
            ["environment.python"] = Python,
            ["environment.hash"] = Hash,
            ["environment.packages"] = string.Join(" ", Packages),
            ["environment.bases"] = string.Join("; ", BuiltOn),
            ["environment.unpinned"] = Unpinned.Count == 0 ? "none" : string.Join("; ", Unpinned),
            ["environment.architectures"] = Architectures is null ? "not read" : string.Join(" ", Architectures),
            ["environment.stand-ins"] = StandIns is { Count: > 0 } ? string.Join("; ", StandIns) : "none",
        };
}

/// <param name="Provider"><c>docker</c> (default on a GPU host), <c>podman</c> or <c>venv</c>.</param>
/// <param name="Root">The MaskBench root: environment recipes are relative to it.</param>
/// <param name="Interpreter">For <c>venv</c>: the Python interpreter, or a virtual environment's folder.</param>
/// <param name="Stack">Overrides of the recipe's stack (<c>cuda=11.8</c>, …): build arguments of its Dockerfile.</param>
/// <param name="Engine">The container CLI; null means the provider's name.</param>
/// <param name="EngineVariables">Variables for the engine CLI, e.g. <c>CONTAINERS_CONF</c>.</param>
/// <param name="StateDirectory">Where MaskBench keeps small files of its own (shims), e.g. <c>.maskbench/</c>.</param>
internal sealed record EnvironmentOptions(
    string Provider,
    string Root,
    string? Interpreter,
    IReadOnlyDictionary<string, string> Stack,
    string? Engine,
    IReadOnlyDictionary<string, string> EngineVariables,
    string StateDirectory
)
{
    /// <summary>Options of <c>run</c> for trainings and probes; see <see cref="ContainerHostOptions.TrainingRunArguments"/>.</summary>
    public IReadOnlyList<string> RunArguments { get; init; } = ContainerHostOptions.TrainingRunArguments;

    /// <summary>Another lock of base images' digests than the root's <c>environments/base-images.lock</c>.</summary>
    public string? ImageLockFile { get; init; }

    public string ImageLock => ImageLockFile ?? Path.Combine(Root, "environments", "base-images.lock");

    /// <summary>The wheelhouse the environment's wheels file is installed from (<see cref="MaskBench.Tools.Environments.Wheelhouse"/>).</summary>
    public string Wheelhouse { get; init; } = Path.Combine(Root, ".work", "wheelhouse");

    public string EngineProgram => Engine ?? Provider;

    public bool IsContainer => Provider is "docker" or "podman";
}

/// <summary>A set-up environment: who it is, and how to run a process in it.</summary>
internal sealed record PreparedEnvironment(EnvironmentIdentity Identity, Func<HostRequest, IExecutionHost> Host);

/// <param name="Mounts">Folders the process needs (source tree, COCO, weights, output): mounted at the same path in a container.</param>
/// <param name="Gpus">GPUs the process gets.</param>
internal sealed record HostRequest(IReadOnlyList<string> Mounts, int Gpus);

/// <summary>Reads and writes an identity as JSON (atomically), so Train can open what Setup built.</summary>
internal static class EnvironmentIdentityFile
{
    public static void Write(EnvironmentIdentity identity, string path)
    {
        JsonFiles.Write(path, identity);
    }

    public static EnvironmentIdentity Read(string path) =>
        File.Exists(path)
            ? JsonFiles.ParseOrNull<EnvironmentIdentity>(File.ReadAllText(path))
                ?? throw new RunnerException($"{path} is empty: run Setup again")
            : throw new RunnerException($"no environment recorded at {path}: run Setup first");
}
