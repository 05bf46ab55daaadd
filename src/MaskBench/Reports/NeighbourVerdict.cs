using MaskBench.Foundation.Statistics;

namespace MaskBench.Reports;

/// <summary>A row against the next one down in the ranking: the rank test's verdict (said of <see cref="Implementation"/>)
/// and whether their intervals separate, with about how many more runs each would need when they do not.</summary>
internal sealed record NeighbourVerdict(string Implementation, string Next, Verdict Verdict, Separation Separation);
