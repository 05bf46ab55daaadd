namespace MaskBench.Foundation.Files;

internal static partial class AtomicFile
{
    /// <summary>
    /// Writes a set of files all or nothing: every new content goes to a temporary file beside its target first, then
    /// each replaces its target; when a write or a replacement fails, the targets already replaced get their old content
    /// back and the error names the file, so readers never see a table from one run beside a chart from another.
    /// </summary>
    /// <param name="set">What the files are, for the error: "none of the <paramref name="set"/> was changed".</param>
    public static void WriteAll(IReadOnlyList<(string Path, string Content)> files, string set)
    {
        var token = $"{Environment.ProcessId}.{Guid.NewGuid():N}";
        string Temporary(string path, string kind) =>
            Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{token}.{kind}");
        var staged = new List<(string Path, string New, string? Old)>();
        var replaced = new List<(string Path, string? Old)>();
        var current = "";
        try
        {
            foreach (var (path, content) in files)
            {
                current = path;
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                staged.Add((path, Temporary(path, "new"), File.Exists(path) ? Temporary(path, "old") : null));
                Raw.WriteAllText(staged[^1].New, content);
                if (staged[^1].Old is { } old)
                    File.Copy(path, old);
            }
            foreach (var (path, fresh, old) in staged)
            {
                current = path;
                Replace(fresh, path);
                replaced.Add((path, old));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var (path, old) in replaced)
                if (old is null)
                    File.Delete(path);
                else
                    File.Move(old, path, overwrite: true);
            throw new IOException($"cannot write {current} ({e.Message}); none of the {set} was changed", e);
        }
        finally
        {
            foreach (var (_, fresh, old) in staged)
            {
                File.Delete(fresh);
                if (old is not null)
                    File.Delete(old);
            }
        }
    }

    static void Replace(string fresh, string path)
    {
        if (System.IO.Directory.Exists(path))
            throw new IOException($"{path} is a directory");
        File.Move(fresh, path, overwrite: true);
    }
}
