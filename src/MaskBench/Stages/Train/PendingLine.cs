using System.Text;

namespace MaskBench.Stages.Train;

/// <summary>The bytes of one line not yet ended: in memory up to <see cref="LineRecorder.MemoryLimit"/>, the rest
/// in a scratch file that is emptied when the line ends.</summary>
sealed class PendingLine(string spillPath) : IAsyncDisposable
{
    readonly MemoryStream head = new();
    FileStream? spill;

    public long Length => head.Length + (spill?.Length ?? 0);

    public void Append(ReadOnlySpan<byte> bytes)
    {
        var room = (int)Math.Max(0, LineRecorder.MemoryLimit - head.Length);
        head.Write(bytes[..Math.Min(room, bytes.Length)]);
        if (bytes.Length <= room)
            return;
        spill ??= new FileStream(spillPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        spill.Write(bytes[room..]);
    }

    /// <summary>The line's text without its line end, cut at <paramref name="limit"/> characters.</summary>
    public string Text(int limit)
    {
        var bytes = head.GetBuffer().AsSpan(0, (int)head.Length);
        var text = Encoding.UTF8.GetString(bytes.Length > limit * 4 ? bytes[..(limit * 4)] : bytes);
        if (text.Length > limit)
            text = text[..limit];
        return spill is null ? text.TrimEnd('\n').TrimEnd('\r') : text;
    }

    public void CopyTo(Stream log)
    {
        log.Write(head.GetBuffer(), 0, (int)head.Length);
        if (spill is null || spill.Length == 0)
            return;
        spill.Position = 0;
        spill.CopyTo(log);
    }

    public void Clear()
    {
        head.SetLength(0);
        if (spill is null)
            return;
        spill.SetLength(0);
        spill.Position = 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (spill is not null)
            await spill.DisposeAsync();
    }
}
