using MaskBench.Foundation.Statistics;

namespace MaskBench.Reports;

/// <summary>A measured row against its published figure, as an equivalence band around the page's img/s.</summary>
internal sealed record PageCheck(string Implementation, PageConsistency Consistency);
