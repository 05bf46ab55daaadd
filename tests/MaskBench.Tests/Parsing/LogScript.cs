using System.Globalization;
using System.Text;
using MaskBench.Model;
using MaskBench.Model.Logs;

namespace MaskBench.Tests.Parsing;

/// <summary>How a test log is written: the series t(i) = T·(1 + J·(((i·7919) mod 13) − 6)/6) and what goes wrong.</summary>
sealed record LogOptions(
    string Format,
    int Iterations = 600,
    double Time = 0.25,
    double Jitter = 0.5,
    int Images = 16,
    bool Ansi = false,
    int Ranks = 1,
    bool Noise = false,
    bool Redraw = false,
    bool PartialLastLine = false,
    bool Times = true,
    bool Precise = false,
    int? SkipBatchAt = null,
    int? NanAt = null,
    int? OomAt = null,
    int? CrashAt = null,
    bool MissingData = false
)
{
    public double T(int i) => Time * (1 + Jitter * (((i * 7919) % 13) - 6) / 6.0);

    public double Sum(int first, int last) => Enumerable.Range(first, last - first + 1).Sum(T);

    /// <summary>The exact throughput over a 1-based window, from the series itself.</summary>
    public double Expected(IterationRange window) => Images * (double)window.Count / Sum(window.First, window.Last);

    public bool IsNan(int i) => NanAt is { } n && i >= n;
}

/// <summary>A log being written: lines with their simulated arrival times, written as train.log and train.times.tsv.</summary>
sealed class LogScript(LogOptions options)
{
    readonly List<(string Text, string Stream, double At)> lines = [];
    readonly Dictionary<string, string> files = [];

    public double Clock { get; private set; } = 12.0;
    public LogOptions Options { get; } = options;

    /// <summary>A precise file beside the log (written only with <c>Precise</c>); the last text given wins.</summary>
    public void File(string name, string text) => files[name] = text;

    public void Advance(double seconds) => Clock += seconds;

    public void Line(string text, string stream = "stdout") => lines.Add((text, stream, Clock));

    public string Green(string text) => Options.Ansi ? $"\x1b[32m{text}\x1b[0m" : text;

    public static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Iteration i's time passes; a crash or out-of-memory there prints its traceback and ends the log.</summary>
    public bool Step(int i, string oom = "RuntimeError: CUDA out of memory. Tried to allocate 50.00 MiB (GPU 0; 15.78 GiB total capacity)")
    {
        Clock += Options.T(i);
        if (Options.Noise && i % 37 == 3)
        {
            Line("");
            Line("/usr/lib/python3/site-packages/torch/nn/functional.py:2854: UserWarning: iter: 7 time: 9.9999 is not a log line");
            Line($"noise on the other stream at iteration {i}", "stderr");
        }
        if (Options.CrashAt == i)
            Traceback($"RuntimeError: simulated crash at iteration {i}");
        else if (Options.OomAt == i)
            Traceback(oom);
        else
            return false;
        return true;
    }

    public void Traceback(string exception)
    {
        Line("Traceback (most recent call last):", "stderr");
        Line("  File \"tools/train_net.py\", line 147, in <module>", "stderr");
        Line("    main(args)", "stderr");
        Line(exception, "stderr");
    }

    public bool MissingData()
    {
        if (Options.MissingData)
            Traceback("FileNotFoundError: [Errno 2] No such file or directory: 'datasets/coco/annotations/instances_train2017.json'");
        return Options.MissingData;
    }

    public void OtherRanks(string text)
    {
        for (var rank = 1; rank < Options.Ranks; rank++)
            Line(text.Replace("{rank}", rank.ToString(CultureInfo.InvariantCulture)));
    }

    public void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var log = new StringBuilder();
        var times = new StringBuilder();
        for (var n = 0; n < lines.Count; n++)
        {
            log.Append(lines[n].Text);
            if (n < lines.Count - 1 || !Options.PartialLastLine)
                log.Append('\n');
            times.Append(F(lines[n].At, "F3")).Append('\t').Append(lines[n].Stream).Append('\n');
        }
        System.IO.File.WriteAllText(Path.Combine(folder, RunFiles.Log), log.ToString());
        if (Options.Times)
            System.IO.File.WriteAllText(Path.Combine(folder, RunFiles.Times), times.ToString());
        if (Options.Precise)
            foreach (var (name, text) in files)
                System.IO.File.WriteAllText(Path.Combine(folder, name), text);
    }
}
