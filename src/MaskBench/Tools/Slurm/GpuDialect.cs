namespace MaskBench.Tools.Slurm;

/// <summary>How the cluster wants GPUs asked for: clusters differ (a <c>--gpus-per-node</c> on a cluster that only
/// knows GRES fails with "Requested GRES option unsupported by configured SelectType plugin").</summary>
public enum GpuDialect
{
    /// <summary><c>--gres=gpu[:type]:N</c>: every Slurm with GPUs in gres.conf understands it.</summary>
    Gres,

    /// <summary><c>--gpus-per-node=[type:]N</c>: needs <c>select/cons_tres</c>.</summary>
    GpusPerNode,
}

static class GpuDialects
{
    /// <summary>Reads the parameter's text: <c>gres</c> or <c>gpus-per-node</c>.</summary>
    public static GpuDialect Parse(string text) =>
        text.Trim().ToLowerInvariant() switch
        {
            "gres" => GpuDialect.Gres,
            "gpus-per-node" or "gpuspernode" => GpuDialect.GpusPerNode,
            _ => throw new SlurmException($"--slurm-gpu-dialect is '{text}': use gres (--gres=gpu:N) or gpus-per-node (--gpus-per-node=N)"),
        };
}
