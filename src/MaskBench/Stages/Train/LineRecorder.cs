using System.Diagnostics;
using System.Globalization;
using System.Text;
using MaskBench.Model;

namespace MaskBench.Stages.Train;

/// <summary>Writes <c>train.log</c> (every line's bytes exactly as the process wrote them, stdout and stderr
/// interleaved in arrival order, whole lines) and <c>train.times.tsv</c> (one row per line: seconds since the start,
/// stream). Writes are buffered and flushed at least every <see cref="FlushEvery"/>, so a trainer printing 100k lines
/// a second is not slowed; a line longer than <see cref="MemoryLimit"/> bytes is spilled to a scratch file until it
/// ends, so memory stays bounded on a 200 MB line.</summary>
sealed class LineRecorder : IAsyncDisposable
{
    /// <summary>The characters of a line the watcher and the console see.</summary>
    public const int TextLimit = 64 * 1024;

    internal const int MemoryLimit = 1024 * 1024;
    static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(200);

    readonly string folder;
    readonly FileStream log;
    readonly StreamWriter times;
    readonly Stopwatch clock;
    readonly Action<ArrivedLine> onLine;
    readonly Lock gate = new();
    readonly Timer flusher;

    public LineRecorder(string folder, Stopwatch clock, Action<ArrivedLine> onLine)
    {
        this.folder = folder;
        log = new FileStream(Path.Combine(folder, RunFiles.Log), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
        times = new StreamWriter(
            new FileStream(Path.Combine(folder, RunFiles.Times), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16),
            new UTF8Encoding(false)
        )
        {
            NewLine = "\n",
        };
        this.clock = clock;
        this.onLine = onLine;
        flusher = new Timer(_ => Flush(), null, FlushEvery, FlushEvery);
    }

    /// <summary>Reads a stream to its end, one line at a time, as bytes.</summary>
    public async Task PumpAsync(Stream stream, string name, CancellationToken cancellation)
    {
        var buffer = new byte[64 * 1024];
        await using var pending = new PendingLine(Path.Combine(folder, $".{name}.long-line"));
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellation)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                var end = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                if (end < 0)
                {
                    pending.Append(buffer.AsSpan(start, read - start));
                    break;
                }
                pending.Append(buffer.AsSpan(start, end + 1 - start));
                Emit(name, pending);
                start = end + 1;
            }
        }
        if (pending.Length > 0)
            Emit(name, pending);
    }

    void Emit(string name, PendingLine pending)
    {
        var text = pending.Text(TextLimit);
        lock (gate)
        {
            var seconds = clock.Elapsed.TotalSeconds;
            pending.CopyTo(log);
            times.Write(seconds.ToString("0.000000", CultureInfo.InvariantCulture));
            times.Write('\t');
            times.Write(name);
            times.Write('\n');
            onLine(new ArrivedLine(name, seconds, text));
        }
        pending.Clear();
    }

    void Flush()
    {
        lock (gate)
        {
            try
            {
                log.Flush();
                times.Flush();
            }
            catch (ObjectDisposedException) { }
            catch (IOException e)
            {
                Serilog.Log.Error("writing {Folder}/{Log} failed: {Error}", folder, RunFiles.Log, e.Message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await flusher.DisposeAsync();
        lock (gate)
        {
            log.Dispose();
            times.Dispose();
        }
    }
}
