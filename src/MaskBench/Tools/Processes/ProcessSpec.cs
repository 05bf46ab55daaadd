namespace MaskBench.Tools.Processes;

/// <summary>What to run: a program and its arguments as a list (never a shell string), where, and with which
/// environment variables (added to the host's own).</summary>
internal sealed record ProcessSpec(IReadOnlyList<string> Command, string WorkingDirectory, IReadOnlyDictionary<string, string> Variables)
{
    public static ProcessSpec Of(string workingDirectory, params string[] command) =>
        new(command, workingDirectory, new Dictionary<string, string>());

    /// <summary>A command in <paramref name="workingDirectory"/> (null: the current folder) whose variables are added
    /// (a value) to or removed (null) from the environment it inherits.</summary>
    public static ProcessSpec Of(
        IReadOnlyList<string> command,
        IReadOnlyDictionary<string, string?> variables,
        string? workingDirectory = null
    ) =>
        new(
            command,
            workingDirectory ?? Directory.GetCurrentDirectory(),
            variables.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!)
        )
        {
            Unset = variables.Where(v => v.Value is null).Select(v => v.Key).ToList(),
        };

    /// <summary>Variables removed from the environment the process inherits (<c>SLURM_*</c> of an enclosing allocation).</summary>
    public IReadOnlyList<string> Unset { get; init; } = [];

    /// <summary>Run the tree in a cgroup of its own where the host can (<see cref="TreeCgroup"/>): asked where what the
    /// program leaves behind is stopped (a training, a command run with <see cref="ProcessOptions.StopLeftovers"/>).</summary>
    public bool Contained { get; init; }

    /// <summary>The same, with one more variable (a later value wins).</summary>
    public ProcessSpec With(string name, string value) =>
        this with
        {
            Variables = new Dictionary<string, string>(Variables) { [name] = value },
        };
}
