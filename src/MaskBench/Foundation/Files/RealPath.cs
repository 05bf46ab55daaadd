namespace MaskBench.Foundation.Files;

/// <summary>A path with every symbolic link resolved, component by component as the kernel does (what <c>realpath -m</c>
/// prints: a link's <c>..</c> climbs from where the link really is, and components that do not exist yet are kept), so
/// that "inside this folder" cannot be escaped through a link.</summary>
internal static class RealPath
{
    const int MaxLinks = 40;

    public static string Of(string path)
    {
        var pending = new LinkedList<string>(Parts(Path.IsPathRooted(path) ? path : Path.Combine(Environment.CurrentDirectory, path)));
        var current = "/";
        var followed = 0;
        while (pending.First is { } first)
        {
            pending.RemoveFirst();
            if (first.Value == ".")
                continue;
            if (first.Value == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }
            var next = Path.Combine(current, first.Value);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++followed > MaxLinks)
                throw new IOException($"too many levels of symbolic links at {next}");
            foreach (var part in Parts(target).Reverse())
                pending.AddFirst(part);
            if (target.StartsWith('/'))
                current = "/";
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/>, links resolved, is <paramref name="folder"/> or inside it.</summary>
    public static bool IsInside(string path, string folder) => Within(Of(path), Of(folder));

    /// <summary>True when the real path <paramref name="real"/> is the real folder <paramref name="root"/> or inside it.</summary>
    internal static bool Within(string real, string root) =>
        real == root || real.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal);

    static string[] Parts(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
