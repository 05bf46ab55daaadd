namespace MaskBench.Parsing;

/// <summary>A format's reader: adds what one piece of a log line says to the timeline.</summary>
abstract class LineReader(Timeline timeline, int imagesPerIteration)
{
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
}
