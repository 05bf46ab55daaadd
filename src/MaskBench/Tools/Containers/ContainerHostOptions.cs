namespace MaskBench.Tools.Containers;

/// <param name="Engine"><c>docker</c> or <c>podman</c> (a CLI on PATH, or a path to one).</param>
/// <param name="Image">The environment's image: tag or id.</param>
/// <param name="Mounts">Host folders mounted at the same path inside, so that paths in arguments mean the same.</param>
/// <param name="Gpus">GPUs to hand to the container; 0 for none.</param>
/// <param name="RunArguments">More <c>run</c> options, e.g. <c>--ipc=host</c> (PyTorch's data loaders need shared memory).</param>
/// <param name="EngineVariables">Variables for the engine CLI itself, e.g. <c>CONTAINERS_CONF</c>.</param>
internal sealed record ContainerHostOptions(
    string Engine,
    string Image,
    IReadOnlyList<string> Mounts,
    int Gpus,
    IReadOnlyList<string> RunArguments,
    IReadOnlyDictionary<string, string> EngineVariables
)
{
    public static IReadOnlyList<string> TrainingRunArguments { get; } = ["--ipc=host", "--network=host"];

    /// <summary><c>uid:gid</c> to run as (<c>--user</c>, with <c>HOME=/tmp</c>), so that what a run writes into
    /// mounted folders is not owned by root; null: the image's user. See <see cref="ContainerEngines.InvokingUser"/>.</summary>
    public string? User { get; init; }
}
