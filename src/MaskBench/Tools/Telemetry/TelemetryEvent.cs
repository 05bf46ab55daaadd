namespace MaskBench.Tools.Telemetry;

/// <summary>Something that happened to the sampler, on the run's clock: <c>started</c>, <c>stopped</c>,
/// <c>vanished</c> (nvidia-smi exited before it was asked to), <c>unavailable</c> (it never ran) or <c>message</c>
/// (a line nvidia-smi printed that is not a sample).</summary>
internal sealed record TelemetryEvent(double Seconds, string Kind, string Text)
{
    public const string Started = "started";
    public const string Stopped = "stopped";
    public const string Vanished = "vanished";
    public const string Unavailable = "unavailable";
    public const string Message = "message";
}
