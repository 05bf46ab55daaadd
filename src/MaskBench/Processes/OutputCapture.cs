using System.Text;
using Serilog;

namespace MaskBench.Processes;

/// <summary>A command's stdout and stderr as the runner keeps them: each up to a limit, the last lines of both in
/// arrival order, and every line passed on to the log or a callback when asked.</summary>
sealed class OutputCapture(ProcessOptions options, string program)
{
    const int KeptLines = 25;

    readonly StringBuilder output = new();
    readonly StringBuilder error = new();
    readonly Queue<string> last = new();
    long dropped;

    public void Out(string line) => Add(output, line);

    public void Error(string line) => Add(error, line);

    void Add(StringBuilder into, string line)
    {
        lock (last)
        {
            if (into.Length + line.Length + 1 <= options.CaptureLimit)
                into.Append(line).Append('\n');
            else
                dropped += line.Length + 1;
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
