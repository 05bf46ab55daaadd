namespace MaskBench.Tools.Telemetry;

/// <summary>Whether runs ran at comparable SM clocks (nvbench's clock-aware comparison, applied to training runs):
/// a throughput difference between runs whose clocks differ may be the clocks, not the implementation.</summary>
internal static class ClockAgreement
{
    /// <summary>Null when the runs' median SM clocks (<see cref="GpuVerdict.MedianSmClock"/>) agree within
    /// <paramref name="spread"/> or fewer than two are known; else one line saying how far apart they are.</summary>
    public static string? Of(IEnumerable<double?> medianClocks, double spread = 0.05)
    {
        var known = medianClocks.OfType<double>().Where(c => c > 0).ToList();
        if (known.Count < 2)
            return null;
        var (low, high) = (known.Min(), known.Max());
        return 1 - low / high > spread
            ? $"the runs' median SM clocks differ: {low:0} to {high:0} MHz ({(1 - low / high) * 100:0.#} % apart, more than {spread * 100:0.#} %)"
            : null;
    }
}
