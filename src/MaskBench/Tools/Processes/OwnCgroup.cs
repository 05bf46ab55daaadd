namespace MaskBench.Tools.Processes;

/// <summary>Where this process's own cgroup (v2) is: the cgroup2 mount (<c>/sys/fs/cgroup</c>, or
/// <c>/sys/fs/cgroup/unified</c> on a hybrid machine) joined with the path <c>/proc/self/cgroup</c> gives for
/// hierarchy 0; or why there is none.</summary>
static class OwnCgroup
{
    public static (string? Folder, string? Why) Find()
    {
        try
        {
            var mount = File.ReadLines("/proc/self/mountinfo")
                .Select(line => line.Split(" - ", 2))
                .Where(parts => parts.Length == 2 && parts[1].StartsWith("cgroup2 ", StringComparison.Ordinal))
                .Select(parts => parts[0].Split(' '))
                .Select(fields => (Root: fields[3], Point: fields[4]))
                .FirstOrDefault();
            if (mount.Point is null)
                return (null, "no cgroup2 filesystem is mounted");
            var own = File.ReadLines("/proc/self/cgroup").FirstOrDefault(line => line.StartsWith("0::", StringComparison.Ordinal));
            if (own is null)
                return (null, "this process is in no cgroup v2 hierarchy");
            var path = own[3..];
            if (mount.Root != "/" && path.StartsWith(mount.Root, StringComparison.Ordinal))
                path = path[mount.Root.Length..];
            var folder = Path.Join(mount.Point, path).TrimEnd('/');
            return Directory.Exists(folder) ? (folder, null) : (null, $"its cgroup {folder} is not there");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"/proc cannot be read: {e.Message}");
        }
    }
}
