using Perfolizer.Mathematics.Distributions.ContinuousDistributions;

namespace MaskBench.Tests.Statistics;

/// <summary>Seeded draws of runs' throughputs from a known normal distribution.</summary>
sealed class Draws(double median, double relativeNoise, int seed)
{
    readonly Perfolizer.Mathematics.Randomization.RandomGenerator random = new NormalDistribution(median, median * relativeNoise).Random(
        seed
    );

    public double[] Next(int runs) => random.Next(runs);
}
