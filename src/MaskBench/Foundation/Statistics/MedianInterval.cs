using System.Globalization;
using Perfolizer.Mathematics.Distributions.DiscreteDistributions;

namespace MaskBench.Foundation.Statistics;

/// <summary>An interval <c>[Low, High]</c> that covers the true median of the runs' distribution with probability
/// <see cref="Confidence"/>, whatever that distribution is.</summary>
internal sealed record MedianInterval(double Low, double High, double Confidence)
{
    public const double Wanted = 0.95;

    /// <summary>Whether the interval reaches the wanted 95 %; with fewer than 6 runs no order-statistics interval does.</summary>
    public bool Full => Confidence >= Wanted - 1e-9;

    /// <summary>
    /// The exact distribution-free interval of the median from order statistics (Conover, <i>Practical Nonparametric
    /// Statistics</i>, 3rd ed., 1999, §3.2; Hollander and Wolfe §3.6): with <c>B ~ Binomial(n, 1/2)</c>,
    /// <c>[x(k), x(n+1-k)]</c> covers the median with probability <c>1 - 2 P(B ≤ k-1)</c>. The narrowest such
    /// interval that still reaches 95 % is taken; with too few runs for 95 % it is <c>[min, max]</c> and
    /// <see cref="Confidence"/> says what it reaches (5 runs: 93.75 %). Null with fewer than two runs.
    /// Perfolizer gives the binomial distribution; the interval itself is not in it.
    /// </summary>
    public static MedianInterval? Of(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n < 2)
            return null;
        var sorted = values.Order().ToArray();
        var binomial = new BinomialDistribution(n, 0.5);
        var k = 1;
        var confidence = Coverage(binomial, 1);
        for (var next = 2; next <= n / 2; next++)
        {
            var reached = Coverage(binomial, next);
            if (reached < Wanted)
                break;
            (k, confidence) = (next, reached);
        }
        return new MedianInterval(sorted[k - 1], sorted[n - k], confidence);
    }

    static double Coverage(BinomialDistribution binomial, int k) => Math.Clamp(1 - 2 * binomial.Cdf(k - 1), 0, 1);

    /// <summary>A confidence as a percentage for a label, rounded down to 0.1 so that it never claims more than the
    /// runs give: 0.75 is "75 %", 0.9375 (5 runs) "93.7 %".</summary>
    public static string Percent(double confidence) =>
        (Math.Floor(confidence * 1000 + 1e-9) / 10).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    /// <summary>One line for a report, e.g. "[52.1, 53.4] (98.4 %)" or "[52.1, 53.4] (93.7 %: too few runs for 95 %)".</summary>
    public override string ToString() =>
        Full
            ? $"[{Low.ToString("0.##", CultureInfo.InvariantCulture)}, {High.ToString("0.##", CultureInfo.InvariantCulture)}] ({Percent(Confidence)})"
            : $"[{Low.ToString("0.##", CultureInfo.InvariantCulture)}, {High.ToString("0.##", CultureInfo.InvariantCulture)}] ({Percent(Confidence)}: too few runs for 95 %)";
}
