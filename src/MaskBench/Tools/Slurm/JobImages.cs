using MaskBench.Foundation.Files;
using MaskBench.Tools.Environments;
using Serilog;

namespace MaskBench.Tools.Slurm;

/// <summary>The image a container kind runs on the nodes, made on the submit host from the image Setup built: podman runs
/// Setup's image itself; pyxis a squashfs (<c>enroot import</c>); Apptainer a .sif (<c>apptainer build</c>). Made once
/// per image id into a folder the nodes share, under a temporary name first; a missing tool fails in one line.</summary>
internal static class JobImages
{
    public static async Task<JobImage?> EnsureAsync(
        JobContainerKind kind,
        EnvironmentIdentity identity,
        string implementation,
        string folder,
        SlurmCommands slurm,
        CancellationToken cancellation
    )
    {
        if (kind == JobContainerKind.None)
            return null;
        var flag = $"--slurm-container {Name(kind)}";
        if (identity.Provider == "venv")
            throw new SlurmException(
                $"{flag} runs the image Setup built, but {implementation}'s Setup made a virtual environment: pass --provider podman (or docker), or --slurm-container none"
            );
        if (kind == JobContainerKind.Podman)
            return identity.Provider == "podman"
                ? new JobImage(kind, identity.Reference)
                : throw new SlurmException(
                    $"{flag} runs podman's image on the node, but {implementation}'s Setup built with {identity.Provider}: pass --provider podman, or --slurm-container none"
                );
        if (kind == JobContainerKind.Pyxis)
            await EnsurePyxisAsync(slurm, cancellation);
        var path = PathOf(kind, identity, implementation, folder);
        if (File.Exists(path))
            return new JobImage(kind, path);
        var tool = kind == JobContainerKind.Pyxis ? "enroot" : "apptainer";
        var version = await ProcessRunner.RunAsync(
            tool,
            [kind == JobContainerKind.Pyxis ? "version" : "--version"],
            new ProcessOptions(),
            cancellation
        );
        if (!version.Started)
            throw new SlurmException(
                kind == JobContainerKind.Pyxis
                    ? $"{flag} needs enroot on this host to import {identity.Reference} as a squashfs, and enroot is not installed: install enroot (github.com/NVIDIA/enroot), or use --slurm-container apptainer|podman|none"
                    : $"{flag} needs apptainer on this host to build {Path.GetFileName(path)} from {identity.Reference}, and apptainer is not installed: install it (apptainer.org/docs/admin/main/installation.html; Debian has no package), or use --slurm-container pyxis|podman|none"
            );
        Log.Information("Making {Image} from {Reference} for {Kind} jobs", path, identity.Reference, Name(kind));
        await AtomicFile.WriteAsync(
            path,
            temporary => MakeAsync(kind, identity, temporary, $"{flag}: making {Path.GetFileName(path)}", cancellation)
        );
        return new JobImage(kind, path);
    }

    /// <summary>Runs the commands that make the image at <paramref name="output"/>, then removes the archive podman saved on the way.</summary>
    static async Task MakeAsync(
        JobContainerKind kind,
        EnvironmentIdentity identity,
        string output,
        string what,
        CancellationToken cancellation
    )
    {
        try
        {
            foreach (var command in Commands(kind, identity, output))
            {
                var result = await ProcessRunner.RunAsync(
                    new ProcessSpec(command, Path.GetDirectoryName(output)!, new Dictionary<string, string>()),
                    new ProcessOptions
                    {
                        What = what,
                        Timeout = TimeSpan.FromHours(2),
                        ProgressEvery = TimeSpan.FromMinutes(1),
                    },
                    cancellation
                );
                if (!result.Ok)
                    throw new SlurmException(result.Message);
            }
        }
        finally
        {
            File.Delete(output + ".tar");
        }
    }

    /// <summary>The commands that make <paramref name="output"/> from the image Setup built, program first.</summary>
    internal static IReadOnlyList<IReadOnlyList<string>> Commands(JobContainerKind kind, EnvironmentIdentity identity, string output) =>
        (kind, identity.Provider) switch
        {
            (JobContainerKind.Pyxis, var engine) =>
            [
                ["enroot", "import", "--output", output, $"{(engine == "podman" ? "podman" : "dockerd")}://{identity.Reference}"],
            ],
            (JobContainerKind.Apptainer, "podman") =>
            [
                ["podman", "save", "--format", "docker-archive", "--output", output + ".tar", identity.Reference],
                ["apptainer", "build", "--force", output, $"docker-archive:{output}.tar"],
            ],
            (JobContainerKind.Apptainer, _) =>
            [
                ["apptainer", "build", "--force", output, $"docker-daemon:{identity.Reference}"],
            ],
            _ => throw new SlurmException($"{Name(kind)} needs no image of its own"),
        };

    /// <summary><c>&lt;folder&gt;/&lt;implementation&gt;-&lt;image id&gt;.sqsh|.sif</c>: a new image never reuses an old file.</summary>
    internal static string PathOf(JobContainerKind kind, EnvironmentIdentity identity, string implementation, string folder)
    {
        var id = new string(identity.Id.Split(':')[^1].Where(char.IsAsciiLetterOrDigit).Take(12).ToArray());
        return Path.Combine(folder, $"{implementation}-{id}.{(kind == JobContainerKind.Pyxis ? "sqsh" : "sif")}");
    }

    /// <summary>pyxis adds <c>--container-image</c> to <c>srun</c> (a SPANK plugin in the cluster's plugstack.conf).</summary>
    static async Task EnsurePyxisAsync(SlurmCommands slurm, CancellationToken cancellation)
    {
        var help = await ProcessRunner.RunAsync(
            ProcessSpec.Of([slurm.Srun, "--help"], slurm.Environment()),
            new ProcessOptions { Timeout = slurm.CallTimeout },
            cancellation
        );
        if (!help.Started)
            throw new SlurmException($"{slurm.Srun} is not on PATH: load your cluster's Slurm module, or use --slurm-container none");
        if (!(help.StandardOutput + help.StandardError).Contains("--container-image", StringComparison.Ordinal))
            throw new SlurmException(
                $"--slurm-container pyxis: this cluster's srun has no --container-image, so the pyxis plugin is not installed (NVIDIA/pyxis, in plugstack.conf): ask the cluster's admins, or use --slurm-container apptainer|podman|none"
            );
    }

    internal static string Name(JobContainerKind kind) => kind.ToString().ToLowerInvariant();
}
