namespace MaskBench.Running;

/// <summary>A line of the log that says why a training failed.</summary>
public sealed record MatchedFailure(string Kind, string Line, double Seconds);
