namespace MaskBench.Foundation.Files;

/// <summary>The one way MaskBench writes a whole file: to a temporary file beside it, then renamed over it, so readers see
/// the old content or the new, never half of it; the temporary is gone afterwards, whatever happened. BannedSymbols.txt
/// keeps <c>File.WriteAllText</c> and its kin to this class.</summary>
internal static partial class AtomicFile
{
    public static void WriteAllText(string path, string content, UnixFileMode? mode = null) =>
        Write(
            path,
            temporary =>
            {
                Raw.WriteAllText(temporary, content);
                SetMode(temporary, mode);
            }
        );

    public static void WriteAllBytes(string path, byte[] content, UnixFileMode? mode = null) =>
        Write(
            path,
            temporary =>
            {
                Raw.WriteAllBytes(temporary, content);
                SetMode(temporary, mode);
            }
        );

    /// <summary>Writes a file that must not exist yet; throws <see cref="IOException"/> and leaves the file as it was when
    /// one does (even one that appears meanwhile: the rename refuses to replace it).</summary>
    public static void WriteNew(string path, string content) =>
        Publish(path, temporary => Raw.WriteAllText(temporary, content), overwrite: false);

    /// <summary>For content something else makes at the temporary path (a database, a link, a program).</summary>
    public static void Write(string path, Action<string> writeTemporary) => Publish(path, writeTemporary, overwrite: true);

    /// <summary>As <see cref="Write"/>, for content made asynchronously (a program's output); the temporary ends in the
    /// target's extension, for programs that tell a format by it.</summary>
    public static async Task WriteAsync(string path, Func<string, Task> writeTemporary)
    {
        var temporary = Temporary(path) + Path.GetExtension(path);
        try
        {
            await writeTemporary(temporary);
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

    static void Publish(string path, Action<string> writeTemporary, bool overwrite)
    {
        var temporary = Temporary(path);
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, path, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary><c>.&lt;name&gt;.&lt;pid&gt;.&lt;guid&gt;.tmp</c> beside <paramref name="path"/> (whose folder it creates):
    /// hidden, so no reader of the folder's <c>*.json</c> takes it for a file of its own.</summary>
    static string Temporary(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        System.IO.Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    static void SetMode(string path, UnixFileMode? mode)
    {
        if (mode is { } m && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, m);
    }

    /// <summary>Where this class writes the temporary itself: the only calls of the banned whole-file writers.</summary>
    static class Raw
    {
#pragma warning disable RS0030 // the atomic writer's own temporary file (BannedSymbols.txt)
        public static void WriteAllText(string path, string content) => File.WriteAllText(path, content);

        public static void WriteAllBytes(string path, byte[] content) => File.WriteAllBytes(path, content);
#pragma warning restore RS0030
    }
}
