namespace MaskBench.Foundation.Files;

/// <summary>A path with every symbolic link resolved, component by component (what <c>realpath</c> prints), so
/// that "inside this folder" cannot be escaped through a link.</summary>
internal static class RealPath
{
    const int MaxLinks = 40;

    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var parts = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = "/";
        var followed = 0;
        var pending = new Queue<string>(parts);
        while (pending.Count > 0)
        {
            var next = Path.Combine(current, pending.Dequeue());
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++followed > MaxLinks)
                    throw new IOException($"too many levels of symbolic links at {next}");
                var resolved = Path.GetFullPath(Path.Combine(current, target));
                var rest = pending.ToList();
                pending = new Queue<string>(resolved.Split('/', StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                current = "/";
                continue;
            }
            current = next;
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/>, links resolved, is <paramref name="folder"/> or inside it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var real = Of(path);
        var root = Of(folder).TrimEnd('/') + "/";
        return real == root.TrimEnd('/') || real.StartsWith(root, StringComparison.Ordinal);
    }
}
