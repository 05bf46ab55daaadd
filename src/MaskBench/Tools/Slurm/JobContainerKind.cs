namespace MaskBench.Tools.Slurm;

/// <summary>Where a training runs inside its allocation, when not straight on the node.</summary>
public enum JobContainerKind
{
    /// <summary>No container of its own: the training runs in the environment Setup recorded (a venv, or a container of
    /// the provider's engine, as on a local host).</summary>
    None,

    /// <summary><c>podman run</c> on the node; GPUs by CDI name from the allocation's <c>SLURM_JOB_GPUS</c>.</summary>
    Podman,

    /// <summary>pyxis/enroot: <c>srun --container-image=…</c> (a SPANK plugin of the cluster's Slurm).</summary>
    Pyxis,

    /// <summary><c>apptainer exec --nv image.sif</c>; <c>--nv</c> shows every GPU of the node, so the allocation's
    /// <c>CUDA_VISIBLE_DEVICES</c> (passed through) selects them.</summary>
    Apptainer,
}
