namespace MaskBench.Tools.Processes;

/// <summary>A <see cref="ProcessSpec"/> made concrete by a host: the local program that is started, and how to
/// stop everything it starts.</summary>
/// <param name="Mark">The value of <see cref="ProcessMark.Variable"/> every process of the tree inherits.</param>
/// <param name="Container">The container's name when the host runs one; null for a local process.</param>
internal sealed record HostedProcess(
    string Program,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string?> Variables,
    IProcessTreeStopper Stopper
)
{
    public string? Mark { get; init; }

    public string? Container { get; init; }

    /// <summary>The tree's own cgroup folder (<see cref="TreeCgroup"/>), where it has one: journalled, so that a later
    /// build finds a daemon that dropped the mark even after this build was killed.</summary>
    public string? Cgroup { get; init; }

    /// <summary>What the user would recognise: the program the host runs, not <c>setsid</c>.</summary>
    public string Shown { get; init; } = Program;

    /// <summary>The CliWrap command that starts it; the caller decides what happens to its output and exit code.</summary>
#pragma warning disable RS0030 // the one place CliWrap is wrapped (BannedSymbols.txt)
    internal CliWrap.Command ToCommand() =>
        CliWrap
            .Cli.Wrap(Program)
            .WithArguments(Arguments)
            .WithWorkingDirectory(WorkingDirectory)
            .WithEnvironmentVariables(Variables)
            .WithValidation(CliWrap.CommandResultValidation.None);
#pragma warning restore RS0030
}
