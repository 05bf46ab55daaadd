namespace MaskBench.Tools.Telemetry;

/// <summary>What <see cref="TelemetryFile"/> holds: the samples and the sampler's events, in the order written.</summary>
/// <param name="Interval">The sampling interval in seconds, from the <c>started</c> event; null when it never started.</param>
internal sealed record TelemetryLog(IReadOnlyList<GpuSample> Samples, IReadOnlyList<TelemetryEvent> Events, double? Interval)
{
    public TelemetryEvent? Vanished => Events.FirstOrDefault(e => e.Kind == TelemetryEvent.Vanished);

    public TelemetryEvent? Unavailable => Events.FirstOrDefault(e => e.Kind == TelemetryEvent.Unavailable);
}
