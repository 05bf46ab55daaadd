namespace MaskBench.Tools.Slurm;

/// <summary>Runs the training in a <see cref="JobContainer"/> on the node, in a session of its own like
/// <see cref="LocalHost"/>; for pyxis the variables reach the container through srun's environment.</summary>
internal sealed class JobContainerHost(JobContainer container) : IExecutionHost
{
    public string Description => $"{container.Kind.ToString().ToLowerInvariant()} {container.Image}";

    public HostedProcess Prepare(ProcessSpec spec, string name)
    {
        var arguments = container.Arguments(spec, name);
        var variables =
            container.Kind == JobContainerKind.Pyxis
                ? spec.Variables.ToDictionary(v => v.Key, string? (v) => v.Value)
                : new Dictionary<string, string?>();
        return new HostedProcess("setsid", arguments, spec.WorkingDirectory, variables, new ProcessGroupStopper());
    }
}
