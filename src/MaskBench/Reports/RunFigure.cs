namespace MaskBench.Reports;

/// <summary>One run of a row: its repeat number, how it ended, its img/s when measured, and its GPU verdict
/// (<c>clean</c>, <c>power-capped</c>, <c>thermal</c>, <c>clocks-differ</c> or <c>unknown</c>).</summary>
internal sealed record RunFigure(int Repeat, string Status, double? Throughput, string Gpu);
