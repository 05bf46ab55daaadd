using System.Runtime.InteropServices;
using System.Text;

namespace MaskBench.Tools.Processes;

/// <summary>The processes of this Linux machine, read from /proc, and signals sent to them.</summary>
static class ProcessTable
{
    public const int SigInt = 2;
    public const int SigKill = 9;

    public sealed record Entry(int Pid, int ParentPid, int ProcessGroup, char State, long StartTicks);

    public static IReadOnlyList<Entry> Snapshot()
    {
        var entries = new List<Entry>();
        foreach (var pid in Pids())
        {
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // "pid (comm) S ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        // priority nice threads itrealvalue starttime ...": comm may hold spaces and parentheses, so read after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return new Entry(pid, int.Parse(fields[1]), int.Parse(fields[2]), fields[0][0], long.Parse(fields[19]));
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

    /// <summary>The live processes whose environment holds <c>MASKBENCH_RUN=&lt;mark&gt;</c>, wherever they went
    /// (another session, re-parented to init), and the members of their process groups.</summary>
    public static IReadOnlyList<int> Marked(string mark)
    {
        var needle = Encoding.UTF8.GetBytes($"{ProcessMark.Variable}={mark}\0");
        var all = Snapshot().Where(e => e.State is not ('Z' or 'X') && e.Pid != Environment.ProcessId).ToList();
        var marked = all.Where(e => Holds(e.Pid, needle)).ToList();
        var groups = marked.Select(e => e.ProcessGroup).ToHashSet();
        return all.Where(e => groups.Contains(e.ProcessGroup)).Select(e => e.Pid).Union(marked.Select(e => e.Pid)).Order().ToList();
    }

    static bool Holds(int pid, byte[] needle)
    {
        try
        {
            var environ = File.ReadAllBytes($"/proc/{pid}/environ");
            return environ.AsSpan().IndexOf(needle) >= 0 || (environ.Length > 0 && StartsWithout(environ, needle));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The last variable has no trailing NUL when the environment was cut (a very long one).</summary>
    static bool StartsWithout(byte[] environ, byte[] needle) => environ.AsSpan().EndsWith(needle.AsSpan(0, needle.Length - 1));

    /// <summary>The live processes whose working folder, or one of whose open files, is <paramref name="folder"/> or inside it.</summary>
    public static IReadOnlyList<int> Using(string folder)
    {
        var root = Path.GetFullPath(folder).TrimEnd('/');
        bool Inside(string? target) => target is not null && (target == root || target.StartsWith(root + "/", StringComparison.Ordinal));
        var users = new List<int>();
        foreach (var pid in Pids())
        {
            if (pid == Environment.ProcessId)
                continue;
            try
            {
                if (
                    Inside(new FileInfo($"/proc/{pid}/cwd").LinkTarget)
                    || Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Any(fd => Inside(new FileInfo(fd).LinkTarget))
                )
                    users.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return users;
    }

    /// <summary>The process's command line, its arguments joined by spaces; its name where it has none (a kernel thread, a zombie).</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            var line = File.ReadAllText($"/proc/{pid}/cmdline").TrimEnd('\0').Replace('\0', ' ');
            return line.Length > 0 ? line : File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "gone";
        }
    }

    static IEnumerable<int> Pids()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(directory), out var pid))
                yield return pid;
    }

    public static void Signal(int pid, int signal) => _ = kill(pid, signal);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
