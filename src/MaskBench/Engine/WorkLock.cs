namespace MaskBench.Engine;

/// <summary>One run at a time per work folder: a second run refuses with a clear message instead of
/// racing the first for stamps and outputs. The lock is an OS file lock, so a crashed run releases it.</summary>
public sealed class WorkLock : IDisposable
{
    readonly FileStream stream;

    WorkLock(FileStream stream) => this.stream = stream;

    public static WorkLock Acquire(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
                writer.Write($"{Environment.ProcessId} {DateTimeOffset.Now:O}");
            stream.Flush();
            return new WorkLock(stream);
        }
        catch (IOException)
        {
            var holder = TryRead(path);
            throw new BuildException(
                $"another MaskBench run holds {path}{(holder is null ? "" : $" (pid and start: {holder})")}; wait for it to finish, or give this run its own --work-dir"
            );
        }
    }

    static string? TryRead(string path)
    {
        try
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd().Trim() is { Length: > 0 } text ? text : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => stream.Dispose();
}
