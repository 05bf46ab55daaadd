using System.Globalization;

namespace MaskBench.Parsing;

/// <summary>
/// A run's folder: <c>train.log</c> (stdout and stderr as they arrived), optionally <c>train.times.tsv</c> (one
/// row per line of train.log: seconds since start, tab, stream) and precise files an implementation writes
/// (<c>*.log.json</c>, <c>stats.json</c>) copied beside them.
/// </summary>
public sealed record RunFolder(string Path)
{
    public const string LogName = "train.log";
    public const string TimesName = "train.times.tsv";
    public const string ResultName = "result.json";

    public string Log => System.IO.Path.Combine(Path, LogName);
    public string Times => System.IO.Path.Combine(Path, TimesName);
    public string Result => System.IO.Path.Combine(Path, ResultName);

    /// <summary>The newest file in the run folder (or below it) matching a pattern such as <c>*.log.json</c>, if any.</summary>
    public string? Precise(string pattern) =>
        Directory.Exists(Path)
            ? new DirectoryInfo(Path)
                .GetFiles(pattern, SearchOption.AllDirectories)
                .OrderByDescending(f => f.LastWriteTimeUtc)
                .FirstOrDefault()
                ?.FullName
            : null;

    /// <summary>Arrival time (seconds since start) of each line of train.log, index = line number - 1; null without the file.</summary>
    public double[]? ReadTimes()
    {
        if (!File.Exists(Times))
            return null;
        var times = new List<double>();
        foreach (var (number, text) in LogText.Lines(Times))
        {
            var tab = text.IndexOf('\t');
            var field = tab < 0 ? text : text[..tab];
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                throw new FormatException(
                    $"{Times}:{number}: '{field}' is not a number of seconds; the file is '<seconds>\\t<stream>' per line of {LogName}"
                );
            times.Add(seconds);
        }
        return [.. times];
    }
}
