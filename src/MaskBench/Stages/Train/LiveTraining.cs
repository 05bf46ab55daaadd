using MaskBench.Tools.Containers;

namespace MaskBench.Stages.Train;

/// <summary>One entry of the live-trainings journal: enough to find a training's processes again after the build
/// that started it died (even by SIGKILL), and to stop them.</summary>
/// <param name="Run">The run (implementation id).</param>
/// <param name="Mark">The <see cref="ProcessMark"/> every process of the training inherits.</param>
/// <param name="ProcessGroup">The local program's process group (its pid, leader of its own session); null before it started.</param>
/// <param name="Container">The container's name, when it runs in one; with <paramref name="Engine"/> and its variables.</param>
/// <param name="Command">The command, for the warning line.</param>
/// <param name="Owner">The build process that started it; with <paramref name="OwnerStart"/> (its start time in clock ticks), so that a reused pid is not taken for it.</param>
internal sealed record LiveTraining(
    string Run,
    string Mark,
    int? ProcessGroup,
    string? Container,
    string? Engine,
    IReadOnlyDictionary<string, string> EngineVariables,
    string Command,
    int Owner,
    long OwnerStart,
    DateTimeOffset Started
)
{
    /// <summary>The training's <c>{output}</c> folder, kept while it lives (see <see cref="OutputFolders"/>).</summary>
    public string? Output { get; init; }

    /// <summary>The training's own cgroup folder, where it has one: the daemons that dropped <see cref="Mark"/> are in it.</summary>
    public string? Cgroup { get; init; }

    internal static LiveTraining Before(string run, HostedProcess hosted, string? output = null) =>
        new(
            run,
            hosted.Mark ?? throw new InvalidOperationException("a hosted training has no mark"),
            null,
            hosted.Container,
            hosted.Container is null ? null : hosted.Shown,
            hosted.Container is null
                ? new Dictionary<string, string>()
                : hosted.Variables.Where(v => v.Value is not null && v.Key != ProcessMark.Variable).ToDictionary(v => v.Key, v => v.Value!),
            string.Join(" ", hosted.Arguments.SkipWhile(a => a != hosted.Shown).DefaultIfEmpty(hosted.Shown)),
            Environment.ProcessId,
            ProcessTable.Read(Environment.ProcessId)?.StartTicks ?? 0,
            DateTimeOffset.UtcNow
        )
        {
            Output = output is null ? null : Path.GetFullPath(output),
            Cgroup = hosted.Cgroup,
        };

    /// <summary>The build that started it is still running (this one, or another on the same work folder).</summary>
    internal bool OwnerAlive => ProcessTable.Read(Owner) is { State: not ('Z' or 'X') } owner && owner.StartTicks == OwnerStart;

    internal IProcessTreeStopper Stopper() =>
        Container is { } container && Engine is { } engine
            ? new ContainerStopper(engine, container, EngineVariables.ToDictionary(v => v.Key, string? (v) => v.Value), Mark)
            : new ProcessGroupStopper(Mark, Cgroup is { } cgroup ? TreeCgroup.At(cgroup) : null);
}
