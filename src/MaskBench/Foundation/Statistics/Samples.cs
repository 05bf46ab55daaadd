using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace MaskBench.Foundation.Statistics;

/// <summary>Checks a list of measurements before any statistics are computed on it; the one median used throughout.</summary>
static class Samples
{
    public static void Check(IReadOnlyList<double> values, string what)
    {
        if (values.Count == 0)
            throw new ArgumentException($"no {what}: statistics need at least one measured run");
        foreach (var value in values)
            if (!double.IsFinite(value) || value <= 0)
                throw new ArgumentException(
                    $"{what} holds {value}: every measurement must be a positive finite number (a failed run has none)"
                );
    }

    /// <summary>The sample median (Hyndman-Fan type 7: the middle value, or the mean of the two middle values).</summary>
    public static double Median(IReadOnlyList<double> values) => SimpleQuantileEstimator.Instance.Quantile(values, Probability.Median);
}
