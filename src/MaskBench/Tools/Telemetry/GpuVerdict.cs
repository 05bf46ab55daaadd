using MaskBench.Model;

namespace MaskBench.Tools.Telemetry;

/// <summary>What the GPUs did during one run's measured window.</summary>
/// <param name="Outcome"><see cref="Clean"/>, <see cref="PowerCapped"/>, <see cref="Thermal"/>, <see cref="ClocksDiffer"/>,
/// <see cref="Unknown"/> (telemetry missing, lost or partial on a GPU run) or <see cref="NoGpu"/> (a CPU run).</param>
/// <param name="Coverage">The share of the window the samples cover (the least covered GPU).</param>
/// <param name="Samples">Samples inside the window, all GPUs.</param>
/// <param name="MedianSmClock">The median SM clock (MHz) of the window's samples, all GPUs: to compare runs' clocks.</param>
internal sealed record GpuVerdict(string Outcome, double Coverage, int Samples, double? MedianSmClock, string Sentence)
{
    public const string Clean = "clean";
    public const string PowerCapped = "power-capped";
    public const string Thermal = "thermal";
    public const string ClocksDiffer = "clocks-differ";
    public const string Unknown = "unknown";
    public const string NoGpu = "no-gpu";

    /// <summary>Thermal runs are left out of the statistics by default; every other outcome counts.</summary>
    public bool CountsByDefault => Outcome != Thermal;

    /// <summary>Whether a run with this outcome is pooled in comparisons over time (Compare, Track, HistoryReport):
    /// not a thermal one, nor one whose GPUs nobody watched (<see cref="Unknown"/>).</summary>
    public static bool Comparable(string outcome) => outcome is not (Thermal or Unknown);

    public static GpuVerdict OnCpu { get; } = new(NoGpu, 0, 0, null, "no-gpu: trained on the CPU (--gpus 0)");

    public static GpuVerdict None(string why) => new(Unknown, 0, 0, null, $"unknown: {why}");

    /// <summary>Judges the window <c>[start, end]</c> (seconds on the run's clock) from <c>folder/telemetry.tsv</c>.</summary>
    public static GpuVerdict FromFolder(string folder, double start, double end, GpuVerdictOptions? options = null) =>
        Of(TelemetryFile.Read(Path.Combine(folder, RunFiles.Telemetry)), start, end, options);

    /// <summary>
    /// In order: <c>thermal</c> when any sample in the window has a thermal or hardware slowdown reason
    /// (sw_thermal, hw_thermal, hw_slowdown, hw_power_brake), even when coverage is partial; <c>unknown</c> when
    /// telemetry covers less than <see cref="GpuVerdictOptions.MinCoverage"/> of the window (none, or it vanished);
    /// <c>power-capped</c> when the SW power cap reason is active, or draw is at the limit, in at least
    /// <see cref="GpuVerdictOptions.PowerCapShare"/> of the samples; <c>clocks-differ</c> when the GPUs' median SM
    /// clocks differ by more than <see cref="GpuVerdictOptions.ClockSpread"/> (GPUs idle through most of the window left
    /// out: the training did not use them), or one GPU's clock moves that much
    /// between the first and last third of the window; else <c>clean</c>.
    /// </summary>
    public static GpuVerdict Of(TelemetryLog log, double start, double end, GpuVerdictOptions? options = null)
    {
        options ??= GpuVerdictOptions.Default;
        if (log.Unavailable is { } unavailable)
            return None(unavailable.Text);
        if (end <= start)
            return None($"the window [{start:0.0}, {end:0.0}] s is empty");
        var interval = log.Interval ?? 1;
        var gpus = log.Samples.GroupBy(s => s.Index).ToDictionary(g => g.Key, g => g.Select(s => s.Seconds).ToList());
        var coverage = gpus.Count == 0 ? 0 : gpus.Values.Min(times => WindowCoverage.Of(times, interval, start, end));
        var inside = log.Samples.Where(s => s.Seconds >= start && s.Seconds <= end).ToList();
        var clock = Median(inside.Select(s => s.SmClock));
        var window = $"{inside.Count} samples over {end - start:0.#} s, {coverage * 100:0} % covered";

        var thermal = inside.Where(s => s.Has(SmiValue.Thermal)).ToList();
        if (thermal.Count > 0)
            return new GpuVerdict(
                Thermal,
                coverage,
                inside.Count,
                clock,
                $"thermal: {Reasons(thermal)} in {Share(thermal.Count, inside.Count)} of {window}"
            );
        if (coverage < options.MinCoverage)
        {
            var why = log.Vanished is { } vanished ? $"; nvidia-smi exited at {vanished.Seconds:0.0} s ({vanished.Text})" : "";
            return new GpuVerdict(
                Unknown,
                coverage,
                inside.Count,
                clock,
                $"unknown: telemetry covers {coverage * 100:0} % of the window{why}"
            );
        }
        var capped = inside.Count(s => s.Has(ClockEventReasons.SwPowerCap) || s.PowerDraw >= options.PowerNearLimit * s.PowerLimit);
        if (capped >= options.PowerCapShare * inside.Count && capped > 0)
            return new GpuVerdict(
                PowerCapped,
                coverage,
                inside.Count,
                clock,
                $"power-capped: at the power limit in {Share(capped, inside.Count)} of {window}"
            );
        if (ClockDifference(inside, options.ClockSpread) is { } differ)
            return new GpuVerdict(ClocksDiffer, coverage, inside.Count, clock, $"clocks-differ: {differ} ({window})");
        var unreported = inside.All(s => s.Reasons is null) ? "; the driver reports no clock reasons" : "";
        return new GpuVerdict(Clean, coverage, inside.Count, clock, $"clean: {window}{unreported}");
    }

    static string? ClockDifference(IReadOnlyList<GpuSample> inside, double spread)
    {
        // A GPU idle through most of the window is not one the training used (telemetry of all GPUs): its idle clocks do not count.
        var perGpu = inside
            .GroupBy(s => s.Index)
            .Where(g => g.Count(s => s.Has(ClockEventReasons.GpuIdle)) * 2 < g.Count())
            .Select(g => (Gpu: g.Key, Clock: Median(g.Select(s => s.SmClock))))
            .Where(g => g.Clock is > 0)
            .ToList();
        if (perGpu.Count > 1)
        {
            var (low, high) = (perGpu.MinBy(g => g.Clock)!, perGpu.MaxBy(g => g.Clock)!);
            if (1 - low.Clock!.Value / high.Clock!.Value > spread)
                return $"GPU {low.Gpu} ran at {low.Clock:0} MHz, GPU {high.Gpu} at {high.Clock:0} MHz";
        }
        foreach (var gpu in inside.GroupBy(s => s.Index))
        {
            var ordered = gpu.OrderBy(s => s.Seconds).ToList();
            var third = ordered.Count / 3;
            if (third < 1)
                continue;
            var (first, last) = (
                Median(ordered.Take(third).Select(s => s.SmClock)),
                Median(ordered.TakeLast(third).Select(s => s.SmClock))
            );
            if (first is > 0 && last is > 0 && Math.Abs(1 - last.Value / first.Value) > spread)
                return $"GPU {gpu.Key}'s SM clock went from {first:0} to {last:0} MHz across the window";
        }
        return null;
    }

    static string Reasons(IEnumerable<GpuSample> samples)
    {
        var seen = samples.Aggregate(ClockEventReasons.None, (all, s) => all | (s.Reasons ?? 0)) & SmiValue.Thermal;
        var gpus = string.Join(", ", samples.Select(s => s.Index).Distinct().Order());
        return $"{seen.ToString().Replace(", ", "+")} on GPU {gpus}";
    }

    static string Share(int count, int of) => $"{count} of {of} samples ({100.0 * count / Math.Max(1, of):0} %)";

    static double? Median(IEnumerable<double?> values) =>
        values.OfType<double>().ToList() is { Count: > 0 } known ? MaskBench.Foundation.Statistics.Samples.Median(known) : null;
}
