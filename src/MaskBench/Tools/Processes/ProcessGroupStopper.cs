namespace MaskBench.Tools.Processes;

/// <summary>Stops a local process group, every descendant found under its leader, every process that carries the
/// tree's mark (a daemon that left the group and lost its parent), and every process in the tree's cgroup (one that
/// also dropped the mark).</summary>
sealed class ProcessGroupStopper(string? mark = null, TreeCgroup? cgroup = null) : IProcessTreeStopper
{
    int leader;
    readonly HashSet<int> seen = [];

    public void Started(int processId) => leader = processId;

    public Task InterruptAsync() => SignalAll(ProcessTable.SigInt);

    public Task KillAsync() => SignalAll(ProcessTable.SigKill);

    public Task<bool> IsGoneAsync()
    {
        var gone = Members().Count == 0;
        if (gone && leader > 0)
            cgroup?.Remove();
        return Task.FromResult(gone);
    }

    public IReadOnlyList<string> Left() => Members().Select(pid => $"pid {pid} ({ProcessTable.CommandLine(pid)})").ToList();

    Task SignalAll(int signal)
    {
        foreach (var pid in Members())
            ProcessTable.Signal(pid, signal);
        return Task.CompletedTask;
    }

    /// <summary>The group's members, the leader's descendants and the marked processes now, plus those seen before
    /// that still live (a child that changed its group and lost its parent is still ours).</summary>
    public List<int> Members()
    {
        lock (seen)
        {
            if (leader > 0)
                foreach (var pid in ProcessTable.Tree(leader, leader))
                    seen.Add(pid);
            if (mark is not null)
                foreach (var pid in ProcessTable.Marked(mark))
                    seen.Add(pid);
            foreach (var pid in cgroup?.Members() ?? [])
                seen.Add(pid);
            seen.RemoveWhere(pid => !ProcessTable.IsAlive(pid));
            return seen.ToList();
        }
    }
}
