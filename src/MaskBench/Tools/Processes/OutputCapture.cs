using System.Text;
using Serilog;

namespace MaskBench.Tools.Processes;

/// <summary>A command's stdout and stderr as the runner keeps them: each up to a limit, the last lines of both in
/// arrival order, and every line passed on to the log or a callback when asked.</summary>
sealed class OutputCapture(ProcessOptions options, string program)
{
    const int KeptLines = 25;

    readonly StringBuilder output = new();
    readonly StringBuilder error = new();
    readonly Queue<string> last = new();
    long dropped;

    const int LineLimit = 64 * 1024;

    /// <summary>The pipe target for stdout: the text is kept exactly as written (up to the limit), lines passed on.</summary>
    public CliWrap.PipeTarget Out => CliWrap.PipeTarget.Create((stream, cancellation) => ReadAsync(stream, output, cancellation));

    public CliWrap.PipeTarget Error => CliWrap.PipeTarget.Create((stream, cancellation) => ReadAsync(stream, error, cancellation));

    async Task ReadAsync(Stream stream, StringBuilder into, CancellationToken cancellation)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[16 * 1024];
        var line = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellation)) > 0)
        {
            Keep(into, buffer.AsSpan(0, read));
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != '\n')
                {
                    if (line.Length < LineLimit)
                        line.Append(buffer[i]);
                    continue;
                }
                Line(line.ToString().TrimEnd('\r'));
                line.Clear();
            }
        }
        if (line.Length > 0)
            Line(line.ToString().TrimEnd('\r'));
    }

    void Keep(StringBuilder into, ReadOnlySpan<char> text)
    {
        lock (last)
        {
            var room = Math.Max(0, options.CaptureLimit - into.Length);
            into.Append(text[..Math.Min(room, text.Length)]);
            dropped += Math.Max(0, text.Length - room);
        }
    }

    void Line(string line)
    {
        lock (last)
        {
            last.Enqueue(line);
            if (last.Count > KeptLines)
                last.Dequeue();
        }
        if (options.LogLines)
            Log.Information("{What} | {Line:l}", options.What ?? program, line);
        options.OnLine?.Invoke(line);
    }

    public ProcessResult Result(ProcessEnd end, int? exitCode, TimeSpan duration, string? problem)
    {
        lock (last)
        {
            if (dropped > 0)
                Log.Debug("{What}: {Dropped} characters of output were not kept", options.What ?? program, dropped);
            return new ProcessResult(
                options.What,
                program,
                end,
                exitCode,
                output.ToString(),
                error.ToString(),
                last.ToList(),
                duration,
                problem
            );
        }
    }
}
