using Perfolizer.Mathematics.Common;

namespace MaskBench.Foundation.Statistics;

/// <summary>One implementation's throughput (img/s) over its repeated runs.</summary>
/// <param name="N">How many runs.</param>
/// <param name="Median">The median of the runs: the row's figure.</param>
/// <param name="Cov">The coefficient of variation (sample standard deviation over mean); null with one run.</param>
/// <param name="Interval">An exact interval of the median (see <see cref="MedianInterval.Of"/>); null with one run.</param>
internal sealed record RowStatistics(int N, double Median, double Mean, double? Cov, MedianInterval? Interval, double Min, double Max)
{
    /// <summary>A spread between runs worth a warning: the page's neighbours differ by 15 % (62 against 53 img/s), so
    /// runs of one implementation spread by 10 % already blur a rank.</summary>
    public const double HighCov = 0.10;

    public static RowStatistics Of(IReadOnlyList<double> throughputs)
    {
        Samples.Check(throughputs, "throughputs");
        var values = throughputs.ToArray();
        var median = Samples.Median(values);
        var moments = Moments.Create(values);
        return new RowStatistics(
            values.Length,
            median,
            moments.Mean,
            values.Length > 1 ? moments.StandardDeviation / moments.Mean : null,
            MedianInterval.Of(values),
            values.Min(),
            values.Max()
        );
    }

    /// <summary>The sample standard deviation, from <see cref="Cov"/>; zero with one run.</summary>
    public double StandardDeviation => (Cov ?? 0) * Mean;
}
