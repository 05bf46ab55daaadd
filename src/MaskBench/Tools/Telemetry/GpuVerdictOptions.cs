namespace MaskBench.Tools.Telemetry;

/// <summary>The thresholds of <see cref="GpuVerdict.Of"/>.</summary>
/// <param name="MinCoverage">The share of the window telemetry must cover for any verdict but <c>thermal</c>.</param>
/// <param name="PowerCapShare">The share of the window's samples at the power cap that makes a run <c>power-capped</c>.</param>
/// <param name="PowerNearLimit">A sample with draw at or above this share of the power limit counts as at the cap
/// (<c>power.draw</c> is a one-second average on Ampere and later, so a capped GPU hovers just below the limit).</param>
/// <param name="ClockSpread">A relative difference in median SM clock between GPUs, or between the first and last third
/// of the window on one GPU, beyond which a run is <c>clocks-differ</c>.</param>
internal sealed record GpuVerdictOptions(
    double MinCoverage = 0.8,
    double PowerCapShare = 0.2,
    double PowerNearLimit = 0.98,
    double ClockSpread = 0.05
)
{
    public static GpuVerdictOptions Default { get; } = new();
}
