namespace MaskBench.Tools.Slurm;

/// <summary>What a job's <c>job.json</c> says the node runs the training in: the container kind and its image (podman's
/// tag, pyxis's squashfs, Apptainer's .sif), made by <see cref="JobImages"/> on the submit host.</summary>
internal sealed record JobImage(JobContainerKind Kind, string Image)
{
    /// <summary>For the manifest and the log: "apptainer /work/images/detectron2-1a2b3c4d5e6f.sif".</summary>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Image}";
}
