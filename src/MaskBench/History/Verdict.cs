namespace MaskBench.History;

/// <summary>How a candidate's throughput stands against its baseline's (higher img/s is faster).</summary>
public enum Verdict
{
    Same,
    Faster,
    Slower,
    Inconclusive,
}

/// <summary>An oracle's answer: the verdict, the test's p-value (null where none was computed) and the relative change of the medians.</summary>
public sealed record VerdictResult(Verdict Verdict, double? P, double Change);
