using System.Globalization;

namespace MaskBench.Model.Logs;

/// <summary>A format's reader: adds what one piece of a log line says to the timeline.</summary>
abstract class LineReader(Timeline timeline, int imagesPerIteration)
{
    /// <summary>The largest iteration or step number a log may print; a larger one is a broken line, not a training.</summary>
    public const int MaxIteration = 1_000_000_000;

    readonly List<(string Kind, string Message, int Line)> problems = [];

    protected Timeline Timeline { get; } = timeline;
    protected int Images { get; } = imagesPerIteration;

    /// <summary>Null when the timing is exact up to printed rounding; otherwise the approximation in words.</summary>
    public virtual string? Approximation => null;

    /// <summary>Format-specific problems, such as a skipped batch that breaks the formula.</summary>
    public IReadOnlyList<(string Kind, string Message, int Line)> Problems => problems;

    /// <param name="segment">One piece of a line: ANSI removed, split at redraws.</param>
    /// <param name="arrival">Seconds since start when the line arrived, if the harness recorded it.</param>
    public abstract void Read(string segment, int line, double? arrival);

    protected void Problem(string kind, string message, int line) => problems.Add((kind, message, line));

    /// <summary>An iteration, step, epoch or length printed as digits; a number past <see cref="MaxIteration"/> is a
    /// problem of the run (named with its line), never an overflow.</summary>
    protected bool Count(string digits, int line, out int value)
    {
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= MaxIteration)
            return true;
        Problem("bad-iteration", $"line {line}: '{Shown(digits)}' is not an iteration number (more than {MaxIteration:N0})", line);
        return false;
    }

    /// <summary>Iteration numbers made from parts (epoch and step), checked like <see cref="Count"/>.</summary>
    protected bool Count(long value, int line, out int iteration)
    {
        iteration = (int)Math.Clamp(value, 0, int.MaxValue);
        if (value is >= 0 and <= MaxIteration)
            return true;
        Problem("bad-iteration", $"line {line}: iteration {value} is not an iteration number (more than {MaxIteration:N0})", line);
        return false;
    }

    /// <summary>A printed timing in seconds: a finite number, zero or more. Another one is set aside with its line
    /// (the window's message names it) and the line still counts as seen at its iteration.</summary>
    protected bool Seconds(string text, int line, out double seconds)
    {
        if (
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds)
            && double.IsFinite(seconds)
            && seconds >= 0
        )
            return true;
        Timeline.Reject(line, $"the timing '{Shown(text)}' is not a number of seconds");
        return false;
    }

    /// <summary>A printed speed in samples/s: a finite number above zero, else set aside like a bad timing.</summary>
    protected bool Speed(string text, int line, out double speed)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out speed) && double.IsFinite(speed) && speed > 0)
            return true;
        Timeline.Reject(line, $"the speed '{Shown(text)}' is not a positive number of samples/s");
        return false;
    }

    static string Shown(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
