namespace MaskBench.Running;

/// <param name="PathPrefix">Folders put in front of PATH (a venv's bin, a shim folder with <c>python</c>).</param>
/// <param name="Aliases">A command's first word replaced by a program: <c>python</c> → <c>/usr/bin/python3</c>.</param>
public sealed record LocalHostOptions(IReadOnlyList<string> PathPrefix, IReadOnlyDictionary<string, string> Aliases)
{
    public static LocalHostOptions None { get; } = new([], new Dictionary<string, string>());
}

/// <summary>Runs on this machine, in a session of its own (<c>setsid</c>), so that interrupting and killing
/// reaches every process of the tree, including children that outlive their parent.</summary>
public sealed class LocalHost(LocalHostOptions options) : IExecutionHost
{
    public LocalHost()
        : this(LocalHostOptions.None) { }

    public string Description =>
        options.Aliases.Count == 0 ? "local" : "local (" + string.Join(", ", options.Aliases.Select(a => $"{a.Key} = {a.Value}")) + ")";

    public HostedProcess Prepare(ProcessSpec spec, string name)
    {
        if (spec.Command.Count == 0)
            throw new RunnerException("the command is empty: a recipe's command is a list of arguments");
        var program = options.Aliases.GetValueOrDefault(spec.Command[0], spec.Command[0]);
        var variables = spec.Variables.ToDictionary(v => v.Key, string? (v) => v.Value);
        if (options.PathPrefix.Count > 0)
        {
            var path = variables.TryGetValue("PATH", out var own) ? own : Environment.GetEnvironmentVariable("PATH");
            variables["PATH"] = string.Join(':', options.PathPrefix.Append(path ?? "/usr/bin:/bin"));
        }
        // setsid without --fork execs the program: the pid CliWrap sees is the leader of a new process group.
        return new HostedProcess("setsid", [program, .. spec.Command.Skip(1)], spec.WorkingDirectory, variables, new ProcessGroupStopper());
    }
}

/// <summary>Stops a local process group and every descendant found under its leader.</summary>
sealed class ProcessGroupStopper : IProcessTreeStopper
{
    int leader;
    readonly HashSet<int> seen = [];

    public void Started(int processId) => leader = processId;

    public Task InterruptAsync() => SignalAll(ProcessTable.SigInt);

    public Task KillAsync() => SignalAll(ProcessTable.SigKill);

    public Task<bool> IsGoneAsync() => Task.FromResult(Members().Count == 0);

    Task SignalAll(int signal)
    {
        if (leader <= 0)
            return Task.CompletedTask;
        foreach (var pid in Members())
            ProcessTable.Signal(pid, signal);
        return Task.CompletedTask;
    }

    /// <summary>The group's members and the leader's descendants now, plus those seen before that still live
    /// (a child that changed its group and lost its parent is still ours).</summary>
    List<int> Members()
    {
        if (leader <= 0)
            return [];
        lock (seen)
        {
            foreach (var pid in ProcessTable.Tree(leader, leader))
                seen.Add(pid);
            seen.RemoveWhere(pid => !ProcessTable.IsAlive(pid));
            return seen.ToList();
        }
    }
}
