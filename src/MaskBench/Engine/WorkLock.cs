using MaskBench.Foundation.Files;

namespace MaskBench.Engine;

/// <summary>One run at a time per work folder: a second run refuses with a clear message instead of
/// racing the first for stamps and outputs. The lock is an OS file lock, so a crashed run releases it.</summary>
internal sealed class WorkLock : IDisposable
{
    readonly FileStream stream;

    WorkLock(FileStream stream) => this.stream = stream;

    public static WorkLock Acquire(string path, string fix = "give this run its own --work-dir")
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        for (var part = folder; part is not null && !Directory.Exists(part); part = Path.GetDirectoryName(part))
            if (File.Exists(part))
                throw new BuildException($"{part} is a file, but it must be a folder: move or remove it (this run locks {path})");
        Directory.CreateDirectory(folder);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var holder = TryRead(path);
            throw new WorkFolderBusyException(
                $"another MaskBench run holds {path}{(holder is null ? "" : $" ({holder})")}; wait for it to finish, or {fix}"
            );
        }
        AtomicFile.WriteAllText(OwnerFile(path), $"pid {Environment.ProcessId}, started {DateTimeOffset.Now:O}");
        return new WorkLock(stream);
    }

    /// <summary>Who holds the lock, in a file beside it: the locked file itself cannot be read while held.</summary>
    static string OwnerFile(string path) => path + ".owner";

    static string? TryRead(string path) => File.Exists(OwnerFile(path)) ? File.ReadAllText(OwnerFile(path)).Trim() : null;

    public void Dispose() => stream.Dispose();
}
