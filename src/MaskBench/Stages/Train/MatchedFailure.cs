namespace MaskBench.Stages.Train;

/// <summary>A line of the log that says why a training failed.</summary>
internal sealed record MatchedFailure(string Kind, string Line, double Seconds);
