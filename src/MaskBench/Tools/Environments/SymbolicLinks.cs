namespace MaskBench.Tools.Environments;

/// <summary>Points a path of a source tree at a file or folder MaskBench keeps elsewhere (weights, the dataset).</summary>
static class SymbolicLinks
{
    /// <summary>Replaces a link (or, with <paramref name="emptyFolderToo"/>, an empty folder); refuses a real file
    /// or folder, which may be the user's.</summary>
    public static void Replace(string link, string target, bool emptyFolderToo = false)
    {
        if (new FileInfo(link).LinkTarget is not null)
            File.Delete(link);
        else if (emptyFolderToo && Directory.Exists(link) && !Directory.EnumerateFileSystemEntries(link).Any())
            Directory.Delete(link);
        else if (Directory.Exists(link) || File.Exists(link))
            throw new RunnerException($"{link} exists and is not a link: move it away, so that MaskBench can link it to {target}");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, target);
    }
}
