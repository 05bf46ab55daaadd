using MaskBench.Tools.Environments;
using MaskBench.Tools.Slurm;

namespace MaskBench.Stages.Train;

/// <summary>The environment a training runs in where it is called: the one Setup recorded, opened as on a local host;
/// or, on a node, the container <c>--slurm-container</c> chose (podman on Setup's image, pyxis or Apptainer on the file
/// made from it), with the allocation's GPUs.</summary>
static class TrainingEnvironment
{
    public static async Task<PreparedEnvironment> OpenAsync(
        TrainJob job,
        string source,
        EnvironmentOptions options,
        CancellationToken cancellation
    )
    {
        var identity = EnvironmentIdentityFile.Read(job.Workspace.EnvironmentRecord(job.Run.Implementation));
        if (job.Container is not { Kind: not JobContainerKind.None } container)
            return await EnvironmentSetup.OpenAsync(identity, source, options, cancellation);
        if (container.Kind == JobContainerKind.Podman)
            await EnvironmentSetup.OpenAsync(identity, source, options, cancellation); // Setup's image is on this node, unchanged
        else if (!File.Exists(container.Image))
            throw new ChainException(
                $"the {container.Kind.ToString().ToLowerInvariant()} image {container.Image} is not on node {Environment.MachineName}: the work folder (--work-dir) must be on a filesystem the nodes share"
            );
        var program = container.Kind switch
        {
            JobContainerKind.Podman => "podman",
            JobContainerKind.Pyxis => "srun",
            _ => "apptainer",
        };
        if (ProgramLookup.Missing(program, source, new Dictionary<string, string?>()) is { } why)
            throw new ChainException(
                $"{why} on node {Environment.MachineName}: --slurm-container {container.Kind.ToString().ToLowerInvariant()} needs it on every node the job may run on (ask the cluster's admins, or pick another container)"
            );
        var gpus = job.Settings.Gpus > 0 ? JobContainer.AllocatedGpus() : [];
        var full = Path.GetFullPath(source);
        return new PreparedEnvironment(
            identity,
            request => new JobContainerHost(new JobContainer(container.Kind, container.Image, [full, .. request.Mounts], gpus))
        );
    }
}
