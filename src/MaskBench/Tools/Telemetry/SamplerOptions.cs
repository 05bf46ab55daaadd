namespace MaskBench.Tools.Telemetry;

/// <summary>How <see cref="GpuSampler"/> samples.</summary>
/// <param name="NvidiaSmi">The program (a path, or a name looked up on PATH).</param>
/// <param name="IntervalMs">nvidia-smi's <c>-lms</c> loop period.</param>
/// <param name="Gpus">The GPUs to sample (indices or UUIDs, as nvidia-smi's <c>-i</c> takes them); null for all.</param>
internal sealed record SamplerOptions(string NvidiaSmi = Smi.Program, int IntervalMs = 1000, IReadOnlyList<string>? Gpus = null)
{
    public static SamplerOptions Default { get; } = new();
}
