using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MaskBench.Running;

/// <summary>One line as it arrived: which stream, when (seconds since the start), its text without the line end.</summary>
public sealed record ArrivedLine(string Stream, double Seconds, string Text);

/// <summary>Writes <c>train.log</c> (every line's bytes exactly as the process wrote them, stdout and stderr
/// interleaved in arrival order) and <c>train.times.tsv</c> (one row per line: seconds since the start, stream).</summary>
sealed class LineRecorder : IAsyncDisposable
{
    public const string LogFile = "train.log";
    public const string TimesFile = "train.times.tsv";

    readonly FileStream log;
    readonly StreamWriter times;
    readonly Stopwatch clock;
    readonly Action<ArrivedLine> onLine;
    readonly Lock gate = new();

    public LineRecorder(string folder, Stopwatch clock, Action<ArrivedLine> onLine)
    {
        log = new FileStream(Path.Combine(folder, LogFile), FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        times = new StreamWriter(Path.Combine(folder, TimesFile), append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        this.clock = clock;
        this.onLine = onLine;
    }

    /// <summary>Reads a stream to its end, one line at a time, as bytes.</summary>
    public async Task PumpAsync(Stream stream, string name, CancellationToken cancellation)
    {
        var buffer = new byte[16 * 1024];
        var pending = new MemoryStream();
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellation)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                    continue;
                pending.Write(buffer, start, i + 1 - start);
                Emit(name, pending);
                start = i + 1;
            }
            pending.Write(buffer, start, read - start);
        }
        if (pending.Length > 0)
            Emit(name, pending);
    }

    void Emit(string name, MemoryStream pending)
    {
        var bytes = pending.ToArray();
        pending.SetLength(0);
        var text = Encoding.UTF8.GetString(bytes).TrimEnd('\n').TrimEnd('\r');
        lock (gate)
        {
            var seconds = clock.Elapsed.TotalSeconds;
            log.Write(bytes);
            log.Flush();
            times.Write(seconds.ToString("0.000000", CultureInfo.InvariantCulture));
            times.Write('\t');
            times.Write(name);
            times.Write('\n');
            times.Flush();
            onLine(new ArrivedLine(name, seconds, text));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await log.DisposeAsync();
        await times.DisposeAsync();
    }
}
