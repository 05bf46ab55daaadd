namespace MaskBench.Files;

/// <summary>Writes a file so that readers see the old content or the new, never half of it.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string content) => Write(path, temporary => File.WriteAllText(temporary, content));

    public static void Write(string path, Action<string> writeTemporary)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        System.IO.Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes only when the content differs, so unchanged generated files keep their timestamps.</summary>
    public static bool WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
            return false;
        WriteAllText(path, content);
        return true;
    }

    /// <summary>Puts the folder <paramref name="staged"/> in place of <paramref name="target"/>: the older one is renamed
    /// to <c>&lt;target&gt;.old</c>, the staged one renamed in, the older deleted; a kill between the two renames leaves
    /// the whole older folder as <c>.old</c>, which the next replacement clears.</summary>
    public static void ReplaceFolder(string staged, string target)
    {
        var old = target + OldSuffix;
        if (System.IO.Directory.Exists(old))
            System.IO.Directory.Delete(old, recursive: true);
        if (System.IO.Directory.Exists(target))
            System.IO.Directory.Move(target, old);
        System.IO.Directory.Move(staged, target);
        if (System.IO.Directory.Exists(old))
            System.IO.Directory.Delete(old, recursive: true);
    }

    /// <summary>What <see cref="ReplaceFolder"/> names the older folder while it swaps.</summary>
    public const string OldSuffix = ".old";
}
