namespace MaskBench.Tools.Processes;

/// <summary>Runs on this machine, in a session of its own (<c>setsid</c>), so that interrupting and killing
/// reaches every process of the tree, including children that outlive their parent; tied to this process's
/// life (<c>setpriv --pdeathsig KILL</c>: when MaskBench dies, even by SIGKILL, the program it started dies
/// too); and marked (<see cref="ProcessMark"/>), so that a daemon the program leaves is found as well; a
/// <see cref="ProcessSpec.Contained"/> one also in a cgroup of its own (<see cref="TreeCgroup"/>), which finds a daemon
/// that dropped the mark.</summary>
internal sealed class LocalHost(LocalHostOptions options) : IExecutionHost
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
        foreach (var unset in spec.Unset)
            variables[unset] = null;
        if (options.PathPrefix.Count > 0)
        {
            var path = variables.TryGetValue("PATH", out var own) ? own : Environment.GetEnvironmentVariable("PATH");
            variables["PATH"] = string.Join(':', options.PathPrefix.Append(path ?? "/usr/bin:/bin"));
        }
        var mark = variables.TryGetValue(ProcessMark.Variable, out var given) && given is not null ? given : ProcessMark.New(name);
        variables[ProcessMark.Variable] = mark;
        var cgroup = spec.Contained ? TreeCgroup.Make(name) : null;
        return new HostedProcess(
            "setsid",
            [.. cgroup?.Join ?? [], .. ParentDeath.Prefix, program, .. spec.Command.Skip(1)],
            spec.WorkingDirectory,
            variables,
            new ProcessGroupStopper(mark, cgroup)
        )
        {
            Mark = mark,
            Shown = program,
            Cgroup = cgroup?.Folder,
        };
    }
}
