using Serilog;

namespace MaskBench.Tools.Processes;

/// <summary>
/// A cgroup (v2) of its own for one process tree, a second way to find its processes that does not depend on their
/// environment: the program joins it before it execs (<see cref="Join"/>), and everything it starts stays in it, whatever
/// it does to its session, its parent or its environment (a daemon that calls setsid, forks twice and drops
/// <see cref="ProcessMark.Variable"/> with <c>env -i</c>). Made under this process's own cgroup where the cgroup2
/// filesystem is mounted and writable (root, or a delegated subtree); where it is not, a tree has none, and one
/// warning says that only the environment mark finds its daemons.
/// </summary>
internal sealed class TreeCgroup
{
    const string Prefix = "maskbench-";
    static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);
    static readonly Lazy<(string? Folder, string? Why)> Own = new(OwnCgroup.Find);
    static int warned;

    TreeCgroup(string folder) => Folder = folder;

    /// <summary>The cgroup a journal entry names (made by an earlier build); it is only read and removed, never joined.</summary>
    public static TreeCgroup At(string folder) => new(folder);

    public string Folder { get; }

    /// <summary>A fresh cgroup for the tree <paramref name="name"/>, or null (with one warning a process) where none can be made.</summary>
    public static TreeCgroup? Make(string name)
    {
        var (parent, why) = Own.Value;
        if (parent is not null)
            try
            {
                RemoveStale(parent);
                var safe = ContainerNames.Safe(name);
                safe = safe.StartsWith(Prefix, StringComparison.Ordinal) ? safe : Prefix + safe;
                var folder = Path.Combine(parent, $"{safe[..Math.Min(safe.Length, 80)]}-{Guid.NewGuid():N}");
                Directory.CreateDirectory(folder);
                return new TreeCgroup(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                why = $"cannot make a cgroup under {parent}: {e.Message}";
            }
        if (Interlocked.Exchange(ref warned, 1) == 0)
            Log.Warning(
                "no cgroup for the processes MaskBench runs ({Why}): a daemon that drops MaskBench's environment mark ({Mark}) can outlive its run unseen",
                why,
                ProcessMark.Variable
            );
        return null;
    }

    /// <summary>Put in front of the program (after <c>setsid</c>, which execs without a fork): a shell that moves itself
    /// into the cgroup, then execs the rest, so that nothing the program starts escapes it, not even in its first
    /// instant. Where the move is refused the program runs all the same, outside.</summary>
    public IReadOnlyList<string> Join => ["/bin/sh", "-c", "{ echo 0 >\"$0/cgroup.procs\"; } 2>/dev/null; exec \"$@\"", Folder];

    /// <summary>The live processes in the cgroup now.</summary>
    public IReadOnlyList<int> Members()
    {
        try
        {
            return File.ReadAllLines(Path.Combine(Folder, "cgroup.procs"))
                .Select(line => int.TryParse(line, out var pid) ? pid : 0)
                .Where(pid => pid > 0 && ProcessTable.IsAlive(pid))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Removes the cgroup once it is empty (the kernel refuses while a process is in it).</summary>
    public void Remove() => TryRemove(Folder);

    /// <summary>The empty cgroups of trees a killed build left; a young one may be another build's, about to be joined.</summary>
    static void RemoveStale(string parent)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent, Prefix + "*"))
            if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > StaleAfter)
                TryRemove(folder);
    }

    static void TryRemove(string folder)
    {
        try
        {
            Directory.Delete(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
