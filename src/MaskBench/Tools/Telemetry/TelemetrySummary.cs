namespace MaskBench.Tools.Telemetry;

/// <summary>What the sampler did, when it was stopped.</summary>
/// <param name="VanishedAt">When nvidia-smi exited on its own, on the run's clock; null when it ran until stopped.</param>
/// <param name="Problem">One line when telemetry was missing or cut short; null when it ran throughout.</param>
internal sealed record TelemetrySummary(string File, int Samples, double? VanishedAt, string? Problem);
