namespace MaskBench.Processes;

/// <summary>What to run: a program and its arguments as a list (never a shell string), where, and with which
/// environment variables (added to the host's own).</summary>
public sealed record ProcessSpec(IReadOnlyList<string> Command, string WorkingDirectory, IReadOnlyDictionary<string, string> Variables)
{
    public static ProcessSpec Of(string workingDirectory, params string[] command) =>
        new(command, workingDirectory, new Dictionary<string, string>());

    /// <summary>Variables removed from the environment the process inherits (<c>SLURM_*</c> of an enclosing allocation).</summary>
    public IReadOnlyList<string> Unset { get; init; } = [];

    /// <summary>The same, with one more variable (a later value wins).</summary>
    public ProcessSpec With(string name, string value) =>
        this with
        {
            Variables = new Dictionary<string, string>(Variables) { [name] = value },
        };
}
