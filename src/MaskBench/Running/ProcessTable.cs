using System.Runtime.InteropServices;

namespace MaskBench.Running;

/// <summary>The processes of this Linux machine, read from /proc, and signals sent to them.</summary>
static class ProcessTable
{
    public const int SigInt = 2;
    public const int SigKill = 9;

    public sealed record Entry(int Pid, int ParentPid, int ProcessGroup, char State);

    public static IReadOnlyList<Entry> Snapshot()
    {
        var entries = new List<Entry>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            var entry = Read(pid);
            if (entry is not null)
                entries.Add(entry);
        }
        return entries;
    }

    public static Entry? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // "pid (comm) S ppid pgrp ...": comm may hold spaces and parentheses, so read after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return new Entry(pid, int.Parse(fields[1]), int.Parse(fields[2]), fields[0][0]);
    }

    /// <summary>Alive means present and not a zombie (a zombie has exited; only its parent's wait is missing).</summary>
    public static bool IsAlive(int pid) => Read(pid) is { State: not ('Z' or 'X') };

    /// <summary>The live members of a process group, and the live descendants of <paramref name="root"/>.</summary>
    public static IReadOnlyList<int> Tree(int root, int processGroup)
    {
        var all = Snapshot().Where(e => e.State is not ('Z' or 'X')).ToList();
        var children = all.ToLookup(e => e.ParentPid);
        var found = new HashSet<int>(all.Where(e => e.ProcessGroup == processGroup).Select(e => e.Pid));
        if (all.Any(e => e.Pid == root))
            found.Add(root);
        var pending = new Stack<int>([root]);
        var visited = new HashSet<int>();
        while (pending.Count > 0)
        {
            var pid = pending.Pop();
            if (!visited.Add(pid))
                continue;
            foreach (var child in children[pid])
            {
                found.Add(child.Pid);
                pending.Push(child.Pid);
            }
        }
        return found.Order().ToList();
    }

    public static void Signal(int pid, int signal) => _ = kill(pid, signal);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
