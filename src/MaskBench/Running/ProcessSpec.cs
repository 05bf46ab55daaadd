namespace MaskBench.Running;

/// <summary>What to run: a program and its arguments as a list (never a shell string), where, and with which
/// environment variables (added to the host's own).</summary>
public sealed record ProcessSpec(IReadOnlyList<string> Command, string WorkingDirectory, IReadOnlyDictionary<string, string> Variables)
{
    public static ProcessSpec Of(string workingDirectory, params string[] command) =>
        new(command, workingDirectory, new Dictionary<string, string>());
}

/// <summary>A <see cref="ProcessSpec"/> made concrete by a host: the local program CliWrap starts, and how to
/// stop everything it starts.</summary>
public sealed record HostedProcess(
    string Program,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string?> Variables,
    IProcessTreeStopper Stopper
)
{
    /// <summary>The CliWrap command that starts it; the caller decides what happens to its output and exit code.</summary>
    public CliWrap.Command ToCommand() =>
        CliWrap
            .Cli.Wrap(Program)
            .WithArguments(Arguments)
            .WithWorkingDirectory(WorkingDirectory)
            .WithEnvironmentVariables(Variables)
            .WithValidation(CliWrap.CommandResultValidation.None);
}

/// <summary>Where a training process runs: here, in a container, or (later) inside a Slurm allocation.
/// The runner knows nothing else about the place.</summary>
public interface IExecutionHost
{
    /// <summary>For logs and the manifest: "local", "podman localhost/maskbench/detectron2:env", …</summary>
    string Description { get; }

    /// <param name="name">A name unique to this process, usable as a container name.</param>
    HostedProcess Prepare(ProcessSpec spec, string name);
}

/// <summary>Stops the whole tree of processes a hosted process started, however deep and wherever it runs.</summary>
public interface IProcessTreeStopper
{
    /// <summary>Called once the local program has a process id.</summary>
    void Started(int processId);

    /// <summary>Asks every process of the tree to stop (SIGINT, as Ctrl+C would).</summary>
    Task InterruptAsync();

    /// <summary>Kills every process of the tree that is still there (SIGKILL).</summary>
    Task KillAsync();

    /// <summary>True when no process of the tree is left.</summary>
    Task<bool> IsGoneAsync();
}
