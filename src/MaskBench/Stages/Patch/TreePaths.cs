namespace MaskBench.Stages.Patch;

/// <summary>Refuses a patch path that would write outside the source tree: absolute, <c>..</c>, into <c>.git</c>, or through a symlink.</summary>
static class TreePaths
{
    public static string Resolve(string root, string relative, string patchFile)
    {
        string Refuse(string why) =>
            throw new PatchException(
                $"{patchFile}: refusing path '{relative}': {why}; a patch may only change files inside the source tree"
            );

        if (relative.Length == 0 || relative.StartsWith('/') || relative.Contains('\\') || Path.IsPathRooted(relative))
            Refuse("it is absolute");
        var parts = relative.Split('/');
        if (parts.Any(p => p is ".." or "." or ""))
            Refuse("it contains '..', '.' or an empty component");
        if (parts[0] == ".git")
            Refuse("it is inside .git");
        var current = root;
        foreach (var part in parts)
        {
            current = Path.Combine(current, part);
            // A link is refused even when it dangles: writing through it would create what it points at.
            if (new FileInfo(current).LinkTarget is not null)
                Refuse($"'{Path.GetRelativePath(root, current)}' is a symbolic link");
            if (!File.Exists(current) && !Directory.Exists(current))
                break;
        }
        return Path.Combine(root, Path.Combine(parts));
    }
}
