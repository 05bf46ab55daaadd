using System.Globalization;

namespace MaskBench.Model.Logs;

/// <summary>
/// A run's folder: <c>train.log</c> (stdout and stderr as they arrived), optionally <c>train.times.tsv</c> (one
/// row per line of train.log: seconds since start, tab, stream) and precise files an implementation writes
/// (<c>*.log.json</c>, <c>stats.json</c>) copied beside them.
/// </summary>
internal sealed record RunFolder(string Path)
{
    public string Log => System.IO.Path.Combine(Path, RunFiles.Log);
    public string Times => System.IO.Path.Combine(Path, RunFiles.Times);

    /// <summary>The newest regular file in the run folder (or below it) matching a pattern such as <c>*.log.json</c>, if any.
    /// Links are not followed (a folder linked to its parent would loop), and FIFOs and devices are never opened.</summary>
    public string? Precise(string pattern) =>
        RegularFiles(pattern).Select(f => new FileInfo(f)).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()?.FullName;

    /// <summary>The regular files of the run folder and below, links not followed, in ordinal order: what a fingerprint of
    /// the folder may read without blocking (a FIFO) or never ending (a device).</summary>
    public IReadOnlyList<string> RegularFiles(string pattern = "*") =>
        Directory.Exists(Path)
            ? Directory
                .EnumerateFiles(Path, pattern, Walk)
                .Where(f => FileKind.NotRegular(f) is null && new FileInfo(f).LinkTarget is null)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
        MatchType = MatchType.Win32,
    };

    /// <summary>Arrival time (seconds since start) of each line of train.log, index = line number - 1; null without the file.</summary>
    /// <exception cref="FormatException">The file is not a regular file, a row is not a number of seconds, or a time is
    /// negative or earlier than the one before (arrival times only grow).</exception>
    public double[]? ReadTimes(CancellationToken cancellation = default)
    {
        if (FileKind.NotRegular(Times) is { } why)
            return why == "missing"
                ? null
                : throw new FormatException($"{Times} is {why}, not a regular file: remove it or put the line times there");
        var times = new List<double>();
        foreach (var (number, text) in LogText.Lines(Times, cancellation: cancellation))
        {
            var tab = text.IndexOf('\t');
            var field = tab < 0 ? text : text[..tab];
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
                throw new FormatException(
                    $"{Times}:{number}: '{(field.Length <= 40 ? field : field[..37] + "...")}' is not a number of seconds; the file is '<seconds>\\t<stream>' per line of {RunFiles.Log}"
                );
            if (seconds < 0 || (times.Count > 0 && seconds < times[^1]))
                throw new FormatException(
                    $"{Times}:{number}: {field} s is {(seconds < 0 ? "before the start" : $"earlier than the line before ({times[^1].ToString(CultureInfo.InvariantCulture)} s)")}; "
                        + $"the file is the arrival time of each line of {RunFiles.Log}, in order: restore it, or remove it to parse without the cross-check"
                );
            times.Add(seconds);
        }
        return [.. times];
    }
}
