using MaskBench.Tools.Containers;

namespace MaskBench.Tools.Slurm;

/// <summary>A container for the training inside the job: the image (a tag, a pyxis URI or squashfs, an .sif file),
/// the folders mounted at the same path inside, and the allocation's GPUs (global ids, from <c>SLURM_JOB_GPUS</c>).</summary>
internal sealed record JobContainer(JobContainerKind Kind, string Image, IReadOnlyList<string> Mounts, IReadOnlyList<string> GpuIds)
{
    /// <summary>The allocation's GPUs as the job sees them: <c>SLURM_JOB_GPUS</c> (e.g. <c>0,1</c>), none outside a job.</summary>
    public static IReadOnlyList<string> AllocatedGpus() =>
        (Environment.GetEnvironmentVariable("SLURM_JOB_GPUS") ?? "").Split(
            ',',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
        );

    /// <summary>The whole command line, program first, as an argument list.</summary>
    /// <param name="name">Unique to the run: the container's name. pyxis names its container after the image instead, so
    /// that an image is imported once per node and a new image never reuses an old container.</param>
    public IReadOnlyList<string> Arguments(ProcessSpec spec, string name)
    {
        if (spec.Command.Count == 0)
            throw new SlurmException("the command is empty: a recipe's command is a list of arguments");
        var mounts = Mounts.Distinct().ToList();
        var variables = spec.Variables.OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
        return Kind switch
        {
            JobContainerKind.Podman =>
            [
                "podman",
                "run",
                "--rm",
                "--init",
                "--name",
                ContainerNames.Safe(name),
                "--label",
                "maskbench=run",
                "-w",
                spec.WorkingDirectory,
                .. GpuIds.SelectMany(id => new[] { "--device", $"nvidia.com/gpu={id}" }),
                .. mounts.SelectMany(m => new[] { "-v", $"{m}:{m}" }),
                .. variables.SelectMany(v => new[] { "-e", $"{v.Key}={v.Value}" }),
                .. ContainerHostOptions.TrainingRunArguments,
                Image,
                .. spec.Command,
            ],
            JobContainerKind.Pyxis =>
            [
                "srun",
                "--ntasks=1",
                "--unbuffered",
                $"--container-image={Image}",
                $"--container-name=maskbench-{MaskBench.Foundation.Files.Hashing.Text(Image)[..12]}",
                .. mounts.Count > 0 ? new[] { "--container-mounts=" + string.Join(',', mounts.Select(m => $"{m}:{m}")) } : [],
                $"--container-workdir={spec.WorkingDirectory}",
                "--no-container-mount-home",
                // srun passes the job's environment on; these names override what the image sets.
                .. variables.Count > 0 ? new[] { "--container-env=" + string.Join(',', variables.Select(v => v.Key)) } : [],
                .. spec.Command,
            ],
            JobContainerKind.Apptainer =>
            [
                "apptainer",
                "exec",
                "--nv",
                "--pwd",
                spec.WorkingDirectory,
                .. mounts.Count > 0 ? new[] { "--bind", string.Join(',', mounts.Select(m => $"{m}:{m}")) } : [],
                .. variables.SelectMany(v => new[] { "--env", $"{v.Key}={v.Value}" }),
                Image,
                .. spec.Command,
            ],
            _ => throw new SlurmException($"unknown container kind {Kind}"),
        };
    }
}
