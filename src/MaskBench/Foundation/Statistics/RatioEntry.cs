namespace MaskBench.Foundation.Statistics;

/// <summary>One implementation against the reference: measured ratio of medians over the page's ratio.</summary>
/// <param name="Measured">median(this) / median(reference), both measured side by side on this machine.</param>
/// <param name="Published">published(this) / published(reference).</param>
/// <param name="Value">Measured / Published: 1 means the page's ranking and gaps hold on this machine.</param>
/// <param name="Low">A conservative interval of <see cref="Value"/> from the two rows' median intervals; null with one run.</param>
/// <param name="Outcome">As for <see cref="PageConsistency"/>, with <see cref="Reference"/> for the reference itself.</param>
internal sealed record RatioEntry(string Id, double Measured, double Published, double Value, double? Low, double? High, string Outcome)
{
    public const string Reference = "reference";
}
