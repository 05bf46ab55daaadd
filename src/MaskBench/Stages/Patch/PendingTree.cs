using MaskBench.Foundation.Files;

namespace MaskBench.Stages.Patch;

/// <summary>
/// The source tree with the patches applied in memory. Nothing reaches the disk until <see cref="WriteOut"/>, so a
/// patch that fails leaves every file as it was.
/// </summary>
sealed class PendingTree(string root)
{
    readonly Dictionary<string, byte[]?> changes = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> newModes = new(StringComparer.Ordinal);

    public string Root { get; } = root;

    /// <summary>Changed paths (relative, '/'-separated) and their content; null for a deleted file.</summary>
    public IReadOnlyDictionary<string, byte[]?> Changes => changes;

    public IReadOnlyDictionary<string, string> NewModes => newModes;

    public byte[]? Read(string relative)
    {
        if (changes.TryGetValue(relative, out var content))
            return content;
        var path = Path.Combine(Root, relative);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    public void Set(string relative, byte[]? content, string? newMode = null)
    {
        changes[relative] = content;
        if (newMode is not null)
            newModes[relative] = newMode;
    }

    /// <summary>Regular files of the tree (symbolic links and .git folders left out), as '/'-separated relative paths, in ordinal order.</summary>
    public IEnumerable<string> Files()
    {
        var onDisk = Walk(new DirectoryInfo(Root), "");
        return onDisk
            .Concat(changes.Keys)
            .Distinct()
            .Where(p => !changes.TryGetValue(p, out var content) || content is not null)
            .Order(StringComparer.Ordinal);
    }

    static IEnumerable<string> Walk(DirectoryInfo directory, string prefix)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null || entry.Name == ".git")
                continue;
            if (entry is DirectoryInfo sub)
                foreach (var file in Walk(sub, prefix + entry.Name + "/"))
                    yield return file;
            else
                yield return prefix + entry.Name;
        }
    }

    public void WriteOut()
    {
        foreach (var (relative, content) in changes)
        {
            var path = Path.Combine(Root, relative);
            if (content is null)
            {
                File.Delete(path);
                continue;
            }
            UnixFileMode? mode =
                OperatingSystem.IsWindows() ? null
                : File.Exists(path) ? File.GetUnixFileMode(path)
                : ModeOf(relative);
            AtomicFile.WriteAllBytes(path, content, mode);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    UnixFileMode ModeOf(string relative)
    {
        var regular = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return newModes.TryGetValue(relative, out var mode) && mode == "100755" ? regular | executable : regular;
    }
}
