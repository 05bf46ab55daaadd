namespace MaskBench.Foundation.Statistics;

/// <summary>How <see cref="Verdict.Between"/> decides.</summary>
/// <param name="Alpha">The significance level of the rank tests.</param>
/// <param name="Floor">The smallest relative difference in medians that counts as faster or slower, and the
/// equivalence band (±Floor) that <c>same</c> must be shown inside.</param>
internal sealed record VerdictOptions(double Alpha = 0.05, double Floor = 0.02)
{
    public static VerdictOptions Default { get; } = new();

    public void Check()
    {
        if (!(Alpha is > 0 and < 1))
            throw new ArgumentException($"alpha {Alpha} is not a probability: give a value between 0 and 1, e.g. 0.05");
        if (!(Floor is >= 0 and < 1))
            throw new ArgumentException($"the effect floor {Floor} is not a relative difference: give a value between 0 and 1, e.g. 0.02");
    }
}
