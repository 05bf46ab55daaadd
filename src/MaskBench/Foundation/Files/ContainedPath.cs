namespace MaskBench.Foundation.Files;

/// <summary>What MaskBench does with the last component of a path it confines: a folder or file it follows (the
/// working directory, a file it reads or writes), or a link it replaces in place (unlinking a link never touches
/// what it points at, so only the folders above it must stay inside).</summary>
internal enum LastComponent
{
    Followed,
    Replaced,
}

/// <summary>
/// The one check that a path a recipe names (or an upstream can influence) stays under its root through real paths,
/// not only in its text: each existing component, from the root down, is resolved through its symbolic links (a
/// committed <c>datasets -&gt; /tmp/outside</c>, or a relative one climbing out), and the first that lands outside the
/// root's real path is named with what it points at. Text checks (<c>..</c>, absolute) happen when the recipe loads;
/// this one happens where the path is used, on the tree as it is.
/// </summary>
internal static class ContainedPath
{
    /// <param name="root">The folder the path must stay in (the source tree).</param>
    /// <param name="relative">The path relative to <paramref name="root"/>, as the recipe gives it.</param>
    /// <param name="rootName">What the root is, for the message: "the source tree".</param>
    /// <returns>Null when the path stays inside; otherwise why, e.g. "datasets is a link to /tmp/outside, outside the
    /// source tree /w/source".</returns>
    public static string? Escape(string root, string relative, LastComponent last, string rootName)
    {
        var realRoot = RealPath.Of(root);
        var parts = relative.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray();
        var checkedParts = last == LastComponent.Replaced && parts.Length > 0 ? parts[..^1] : parts;
        var current = Path.GetFullPath(root);
        for (var i = 0; i < checkedParts.Length; i++)
        {
            current = Path.Combine(current, checkedParts[i]);
            var shown = string.Join('/', parts[..(i + 1)]);
            var real = RealPath.Of(current);
            if (RealPath.Within(real, realRoot))
                continue;
            var link = new FileInfo(current).LinkTarget;
            return link is null
                ? $"{shown} is outside {rootName} {root} (it is {real})"
                : $"{shown} is a link to {link}, outside {rootName} {root}";
        }
        return null;
    }
}
