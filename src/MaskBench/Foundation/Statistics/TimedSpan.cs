namespace MaskBench.Foundation.Statistics;

/// <summary>A stretch of a run's measured window: <c>Iterations</c> consecutive iterations took <c>Seconds</c>.
/// One per log line that closes a span (per-iteration logs give spans of one iteration).</summary>
internal sealed record TimedSpan(int Iterations, double Seconds)
{
    public double PerIteration => Seconds / Iterations;
}
