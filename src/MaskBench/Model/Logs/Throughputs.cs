using System.Globalization;

namespace MaskBench.Model.Logs;

/// <summary>The sane range of a recorded throughput, checked by the readers of run and history records: a figure
/// that is not a finite number, is negative, or exceeds <see cref="Max"/> img/s (no Mask R-CNN training comes near:
/// the page's fastest is 62 img/s on 8 GPUs) is a damaged or forged record, never a baseline.</summary>
internal static class Throughputs
{
    public const double Max = 1e6;

    /// <summary>Why <paramref name="throughput"/> cannot be a training's speed, or null when it can (or is absent).</summary>
    public static string? Problem(double? throughput) =>
        throughput switch
        {
            null => null,
            { } t when !double.IsFinite(t) => $"its throughput {Shown(t)} is not a finite number",
            < 0 => $"its throughput {Shown(throughput.Value)} img/s is negative",
            > Max => $"its throughput {Shown(throughput.Value)} img/s is beyond {Shown(Max)} img/s, more than any training reaches",
            _ => null,
        };

    static string Shown(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
