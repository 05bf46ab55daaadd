namespace MaskBench.Tools.Processes;

/// <summary>Where a process runs: here, in a container, or (later) inside a Slurm allocation.
/// The runner knows nothing else about the place.</summary>
internal interface IExecutionHost
{
    /// <summary>For logs and the manifest: "local", "podman localhost/maskbench/detectron2:env", …</summary>
    string Description { get; }

    /// <param name="name">A name unique to this process, usable as a container name.</param>
    HostedProcess Prepare(ProcessSpec spec, string name);
}
