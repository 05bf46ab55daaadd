namespace MaskBench.History;

/// <summary>
/// A two-sided Mann-Whitney rank test with its exact distribution (mid-ranks for ties, so then approximate) and an
/// effect floor: a change of the medians below <paramref name="Floor"/> is <c>same</c>; above it, <c>faster</c> or
/// <c>slower</c> only when p &lt; <paramref name="Alpha"/>, otherwise <c>inconclusive</c>. With too few runs for p to reach
/// alpha at all, a change above the floor is always inconclusive: it never guesses.
/// </summary>
public sealed record RankOracle(double Alpha = 0.05, double Floor = 0.02) : IVerdictOracle
{
    public VerdictResult Decide(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
    {
        if (baseline.Count == 0 || candidate.Count == 0)
            return new VerdictResult(Verdict.Inconclusive, null, double.NaN);
        var change = Median(candidate) / Median(baseline) - 1;
        var p = TwoSidedP(baseline, candidate);
        var verdict =
            Math.Abs(change) < Floor ? Verdict.Same
            : p < Alpha ? (change > 0 ? Verdict.Faster : Verdict.Slower)
            : Verdict.Inconclusive;
        return new VerdictResult(verdict, p, change);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>P(|U - mean| &gt;= observed) under the null, counting every split of the ranks (dynamic programming).</summary>
    static double TwoSidedP(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var (n, m) = (a.Count, b.Count);
        var pooled = a.Select(v => (v, first: true)).Concat(b.Select(v => (v, first: false))).OrderBy(x => x.v).ToArray();
        var rankSumA = 0.0;
        for (var i = 0; i < pooled.Length; )
        {
            var j = i;
            while (j < pooled.Length && pooled[j].v == pooled[i].v)
                j++;
            var rank = (i + 1 + j) / 2.0;
            rankSumA += rank * pooled[i..j].Count(x => x.first);
            i = j;
        }
        var u = rankSumA - n * (n + 1) / 2.0;
        var deviation = Math.Abs(u - n * m / 2.0);
        var counts = UCounts(n, m);
        var total = counts.Sum();
        var extreme = 0.0;
        for (var k = 0; k < counts.Length; k++)
            if (Math.Abs(k - n * m / 2.0) >= deviation - 1e-9)
                extreme += counts[k];
        return Math.Min(1, extreme / total);
    }

    /// <summary>How many arrangements give each U = 0 .. n*m (the number of (a, b) pairs with the a above the b).</summary>
    static double[] UCounts(int n, int m)
    {
        // row[j][u]: arrangements of i a's and j b's with statistic u, one i at a time (two rows in memory).
        var previous = Enumerable.Range(0, m + 1).Select(_ => new double[] { 1 }).ToArray();
        for (var i = 1; i <= n; i++)
        {
            var row = new double[m + 1][];
            row[0] = [1];
            for (var j = 1; j <= m; j++)
            {
                // The largest element is an a (above all j b's) or a b.
                var counts = new double[i * j + 1];
                for (var u = 0; u < previous[j].Length; u++)
                    counts[u + j] += previous[j][u];
                for (var u = 0; u < row[j - 1].Length; u++)
                    counts[u] += row[j - 1][u];
                row[j] = counts;
            }
            previous = row;
        }
        return previous[m];
    }
}
