namespace MaskBench.Foundation.Statistics;

/// <summary>Each implementation relative to a reference implementation measured on the same machine, against the
/// same ratio on the page: the comparison that still means something on hardware other than the page's 8 V100s.</summary>
/// <param name="Rule">How the reference was chosen, in words.</param>
internal sealed record RatioOfRatios(string Reference, string Rule, IReadOnlyList<RatioEntry> Entries)
{
    /// <summary>
    /// Only implementations both measured and published take part. The reference is <paramref name="reference"/>
    /// when given, else the page's fastest that ran (highest published img/s; ties to the smaller id). The interval
    /// of each ratio is <c>[low(i) / high(ref), high(i) / low(ref)]</c> from the rows' median intervals, a
    /// conservative (Bonferroni: at least 90 % from two 95 % intervals) bound; the outcome compares it with
    /// <c>1 ± band</c> like <see cref="PageConsistency"/>. Null when no implementation is both measured and published.
    /// </summary>
    public static RatioOfRatios? Of(
        IReadOnlyDictionary<string, RowStatistics> measured,
        IReadOnlyDictionary<string, double> published,
        string? reference = null,
        double band = PageConsistency.DefaultBand
    )
    {
        var both = measured.Keys.Where(id => published.TryGetValue(id, out var p) && p > 0).Order(StringComparer.Ordinal).ToList();
        if (both.Count == 0)
            return null;
        string rule;
        if (reference is null)
        {
            reference = both.OrderByDescending(id => published[id]).ThenBy(id => id, StringComparer.Ordinal).First();
            rule = $"the page's fastest that ran ({reference}, {published[reference]:0.##} img/s on the page)";
        }
        else if (!both.Contains(reference))
            throw new ArgumentException(
                $"the reference implementation '{reference}' was not both measured and published: pick one of {string.Join(", ", both)}"
            );
        else
            rule = $"chosen: {reference}";
        var baseRow = measured[reference];
        var entries = both.Select(id => Entry(id, measured[id], published[id], baseRow, published[reference], id == reference, band))
            .ToList();
        return new RatioOfRatios(reference, rule, entries);
    }

    static RatioEntry Entry(
        string id,
        RowStatistics row,
        double page,
        RowStatistics baseRow,
        double basePage,
        bool isReference,
        double band
    )
    {
        var measured = row.Median / baseRow.Median;
        var published = page / basePage;
        var value = measured / published;
        if (isReference)
            return new RatioEntry(id, 1, 1, 1, 1, 1, RatioEntry.Reference);
        if (row.Interval is null || baseRow.Interval is null)
            return new RatioEntry(id, measured, published, value, null, null, PageConsistency.Inconclusive);
        var low = row.Interval.Low / baseRow.Interval.High / published;
        var high = row.Interval.High / baseRow.Interval.Low / published;
        var outcome =
            low >= 1 - band && high <= 1 + band ? PageConsistency.Consistent
            : low > 1 + band ? PageConsistency.Faster
            : high < 1 - band ? PageConsistency.Slower
            : PageConsistency.Inconclusive;
        return new RatioEntry(id, measured, published, value, low, high, outcome);
    }
}
