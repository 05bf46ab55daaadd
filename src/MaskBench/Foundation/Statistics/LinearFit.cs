namespace MaskBench.Foundation.Statistics;

/// <summary>
/// The ordinary least-squares slope of <c>y</c> on <c>x</c>: <c>Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²</c> (e.g. Montgomery, Peck
/// and Vining, <i>Introduction to Linear Regression Analysis</i>, §2.2). Written here because Perfolizer, the
/// statistics library this project uses, has no regression.
/// </summary>
static class LinearFit
{
    public static double? Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count || x.Count < 3)
            return null;
        var (meanX, meanY) = (x.Average(), y.Average());
        double sxy = 0,
            sxx = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
        }
        return sxx > 0 ? sxy / sxx : null;
    }
}
