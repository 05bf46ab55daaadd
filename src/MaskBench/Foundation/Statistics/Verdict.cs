using System.Globalization;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace MaskBench.Foundation.Statistics;

/// <summary>A candidate's runs against a baseline's (img/s; more is faster).</summary>
/// <param name="Outcome"><see cref="Faster"/>, <see cref="Slower"/>, <see cref="Same"/> or <see cref="Inconclusive"/>,
/// said of the candidate.</param>
/// <param name="P">The two-sided Mann-Whitney p-value (exact for small samples); null with fewer than two runs a side.</param>
/// <param name="Effect">median(candidate) / median(baseline) − 1.</param>
/// <param name="MinimalP">The smallest two-sided p the run counts allow: <c>2 / C(n1+n2, n1)</c>.</param>
internal sealed record Verdict(string Outcome, double? P, double Effect, double MinimalP, string Sentence)
{
    public const string Faster = "faster";
    public const string Slower = "slower";
    public const string Same = "same";
    public const string Inconclusive = "inconclusive";

    /// <summary>
    /// <c>faster</c>/<c>slower</c> when the two-sided Mann-Whitney p &lt; α and |effect| ≥ floor; <c>same</c> when
    /// an equivalence test shows the difference inside ±floor: two one-sided Mann-Whitney tests (TOST, Schuirmann
    /// 1987, with rank tests as in Wellek, <i>Testing Statistical Hypotheses of Equivalence</i>, 2010) of the candidate
    /// against the baseline scaled by (1 − floor), alternative greater, and by (1 + floor), alternative less, both
    /// at p &lt; α; otherwise <c>inconclusive</c>, with the reason. Never "significant" by default: too few runs
    /// give <c>inconclusive</c> and say how many would be needed.
    /// </summary>
    public static Verdict Between(IReadOnlyList<double> candidate, IReadOnlyList<double> baseline, VerdictOptions? options = null)
    {
        options ??= VerdictOptions.Default;
        options.Check();
        Samples.Check(candidate, "the candidate's throughputs");
        Samples.Check(baseline, "the baseline's throughputs");
        int n1 = candidate.Count,
            n2 = baseline.Count;
        var minimalP = Math.Min(1, 2.0 / BinomialCoefficientHelper.BinomialCoefficient(n1 + n2, n1));
        var (medianC, medianB) = (Samples.Median(candidate), Samples.Median(baseline));
        var effect = medianC / medianB - 1;
        var shown = $"{Signed(effect)} (median {medianC:0.##} vs {medianB:0.##} img/s, {n1} and {n2} runs)";
        if (n1 < 2 || n2 < 2)
            return new Verdict(Inconclusive, null, effect, minimalP, $"inconclusive: {shown}; a rank test needs at least 2 runs a side");
        var p = Test(candidate, baseline, AlternativeHypothesis.TwoSides);
        var pText = $"Mann-Whitney p = {Number(p)}, the smallest possible with these runs {Number(minimalP)}";
        if (p < options.Alpha && Math.Abs(effect) >= options.Floor)
            return new Verdict(effect > 0 ? Faster : Slower, p, effect, minimalP, $"{(effect > 0 ? Faster : Slower)}: {shown}, {pText}");
        var above = Test(candidate, Scale(baseline, 1 - options.Floor), AlternativeHypothesis.Greater);
        var below = Test(candidate, Scale(baseline, 1 + options.Floor), AlternativeHypothesis.Less);
        if (Math.Max(above, below) < options.Alpha)
            return new Verdict(
                Same,
                p,
                effect,
                minimalP,
                $"same: {shown} is shown inside ±{Percent(options.Floor)} (TOST p = {Number(Math.Max(above, below))}), {pText}"
            );
        return new Verdict(
            Inconclusive,
            p,
            effect,
            minimalP,
            $"inconclusive: {shown}, {pText}; {Why(p, effect, minimalP, n1, n2, options)}"
        );
    }

    static string Why(double p, double effect, double minimalP, int n1, int n2, VerdictOptions options)
    {
        var each = RunsEach(options.Alpha);
        if (minimalP >= options.Alpha)
            return $"with {n1} and {n2} runs no rank test can reach p < {Number(options.Alpha)}: run at least {each} each";
        if (p < options.Alpha)
            return $"the difference is significant but below the {Percent(options.Floor)} floor, and not shown inside it";
        return Math.Abs(effect) >= options.Floor
            ? $"a difference beyond the {Percent(options.Floor)} floor that the runs do not confirm: more runs would tell"
            : $"neither a difference nor equivalence within ±{Percent(options.Floor)} is shown: more runs would tell";
    }

    /// <summary>The fewest runs a side at which a two-sided test can reach p &lt; α and each one-sided test of the
    /// equivalence test can too: the smallest n with <c>2 / C(2n, n) &lt; α</c>.</summary>
    public static int RunsEach(double alpha)
    {
        var n = 2;
        while (2.0 / BinomialCoefficientHelper.BinomialCoefficient(2 * n, n) >= alpha && n < 1000)
            n++;
        return n;
    }

    static double Test(IReadOnlyList<double> x, IReadOnlyList<double> y, AlternativeHypothesis alternative) =>
        MannWhitneyTest.Instance.Perform(new Sample(x.ToArray()), new Sample(y.ToArray()), alternative, Threshold.Zero).PValue.Value;

    static double[] Scale(IReadOnlyList<double> values, double factor) => values.Select(v => v * factor).ToArray();

    internal static string Signed(double relative) => (relative >= 0 ? "+" : "") + Percent(relative);

    internal static string Percent(double relative) => (relative * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    internal static string Number(double p) => p.ToString(p < 0.001 ? "0.0E+0" : "0.####", CultureInfo.InvariantCulture);
}
